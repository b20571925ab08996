import { z } from 'zod';

export const SeveritySchema = z.enum(['info', 'minor', 'major', 'critical']);
export const SEVERITIES = SeveritySchema.options;

/** UTF-16 offsets into the ORIGINAL message text, end exclusive. */
export const SpanSchema = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});

/** The rule, pattern, lexicon entry or model that produced a finding. */
/** A finding code: dotted lower-case words (`timing.first_response_breach`). */
export const FINDING_CODE = /^[a-z0-9_]+(\.[a-z0-9_]+)+$/;

export const FiredRuleSchema = z.object({
  id: z.string(),
  kind: z.enum(['rule', 'pattern', 'lexicon', 'model', 'llm']),
  rawScore: z.number().optional(),
  score: z.number().optional(),
  detail: z.record(z.string(), z.unknown()).optional(),
});

export const FindingSchema = z.object({
  /** Stable id set by the engine: hash of conversation id, code, message index and span (absent before result schema 2 and in analyzer output). */
  id: z.string().optional(),
  analyzer: z.string(),
  /** Dotted code such as `timing.first_response_breach`. */
  code: z.string().regex(FINDING_CODE, 'a dotted lower-case code like "timing.first_response_breach"'),
  severity: SeveritySchema,
  messageIndex: z.number().int().nonnegative().optional(),
  span: SpanSchema.optional(),
  /** Evidence text; PII must already be masked. */
  evidence: z.string().optional(),
  explanation: z.string(),
  rule: FiredRuleSchema.optional(),
  suggestion: z.string().optional(),
});

export type Severity = z.infer<typeof SeveritySchema>;
export type Span = z.infer<typeof SpanSchema>;
export type FiredRule = z.infer<typeof FiredRuleSchema>;
export type Finding = z.infer<typeof FindingSchema>;

const RANK: Record<Severity, number> = { info: 0, minor: 1, major: 2, critical: 3 };
/** Compare severities: negative when `a` is less severe than `b`. */
export function compareSeverity(a: Severity, b: Severity): number {
  return RANK[a] - RANK[b];
}
