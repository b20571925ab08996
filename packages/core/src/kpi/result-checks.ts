import { CxqaError } from '../errors.js';
import { type Result, UtcTimestampSchema } from '../pipeline/validate/result.js';
import type { KpiOptions } from './options.js';

/** The duration metrics (seconds) the KPIs read; a negative one is invalid input, never data. */
const DURATION_METRICS = ['timing.firstResponseSeconds', 'timing.averageResponseSeconds', 'timing.resolutionSeconds'] as const;

/**
 * Reject a result the KPIs cannot count honestly: a `startedAt` / `endedAt` that is not an RFC 3339
 * UTC instant on a real calendar date (for callers that skipped ResultSchema), a CSAT outside the
 * configured scale, a negative duration metric, or an `endedAt` before its `startedAt`.
 *
 * @throws CxqaError `input_unreadable` whose path is `[conversationId, field]` (the caller adds file and line).
 */
export function assertKpiInput(r: Result, options: KpiOptions): void {
  const id = r.conversationId ?? '(no id)';
  const fail = (field: string, message: string) => {
    throw new CxqaError('input_unreadable', `result ${id}: ${message}`, { path: [id, field] });
  };
  for (const field of ['startedAt', 'endedAt'] as const) {
    const at = r[field];
    if (at !== null && !UtcTimestampSchema.safeParse(at).success)
      fail(field, `${field} ${JSON.stringify(at)} is not an RFC 3339 UTC timestamp on a real calendar date`);
  }
  if (r.csat !== null && (r.csat < options.csat.min || r.csat > options.csat.max))
    fail('csat', `csat ${r.csat} is outside the scale ${options.csat.min}–${options.csat.max} (csat.min/max)`);
  for (const key of DURATION_METRICS) {
    const v = r.metrics[key];
    if (typeof v === 'number' && !(v >= 0)) fail(`metrics.${key}`, `metrics.${key} is ${v}: a duration cannot be negative`);
  }
  if (r.startedAt !== null && r.endedAt !== null && Date.parse(r.endedAt) < Date.parse(r.startedAt))
    fail('endedAt', `endedAt ${r.endedAt} is before startedAt ${r.startedAt}`);
}
