import { type Result, ResultSchema } from '@cxqa/core';

/** The fields every result needs besides what a KPI reads (raw, before ResultSchema). */
export const RESULT_BASE = {
  status: 'ok',
  score: 80,
  pass: true,
  dimensions: [],
  findings: [],
  metrics: {},
  issues: [],
  versions: { engine: 'test', scorecard: 'test@1', analyzers: {} },
  schemaVersion: 2,
} as const;

/** A schema-2 result with only what a KPI reads; everything else defaulted, `endedAt` = `startedAt` unless given. */
export function kpiResult(over: Partial<Result> & { conversationId: string; startedAt: string }): Result {
  return ResultSchema.parse({ ...RESULT_BASE, endedAt: over.startedAt, ...over });
}
