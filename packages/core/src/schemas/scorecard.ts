import { z } from 'zod';
import { SeveritySchema } from './finding.js';

export const DeductionsSchema = z.object({
  info: z.number().nonnegative().default(0),
  minor: z.number().nonnegative().default(5),
  major: z.number().nonnegative().default(15),
  critical: z.number().nonnegative().default(40),
});

export const DimensionSchema = z.object({
  name: z.string().regex(/^[a-z][a-zA-Z0-9_]*$/),
  label: z.string().optional(),
  weight: z.number().nonnegative(),
  /** Finding codes counted against this dimension: exact codes or prefixes ending in `.*`. */
  findings: z.array(z.string()).min(1),
  deductions: DeductionsSchema.optional(),
});

export const AutoFailSchema = z.object({
  /** Exact code or prefix pattern `pii.*`. */
  code: z.string(),
  /** Only findings at or above this severity trigger the auto-fail. */
  minSeverity: SeveritySchema.default('info'),
  reason: z.string().optional(),
});

export const FailOnSchema = z.object({
  /** Exact code or prefix pattern `politeness.*`. */
  code: z.string(),
  minSeverity: SeveritySchema.default('info'),
  reason: z.string().optional(),
});

/**
 * When a conversation needs a person to read it, whatever its score: a finding (`code`, at or
 * above `minSeverity`), a metric whose value is one of `equals`, or a numeric metric at or below
 * `atMost` / at or above `atLeast` (a metric that is absent or not a number never matches these).
 */
export const ReviewRuleSchema = z
  .object({
    code: z.string().optional(),
    minSeverity: SeveritySchema.default('info'),
    metric: z.string().optional(),
    equals: z.array(z.union([z.string(), z.number()])).optional(),
    /** Matches when the metric is a number ≤ this. */
    atMost: z.number().optional(),
    /** Matches when the metric is a number ≥ this. */
    atLeast: z.number().optional(),
    /** Short reason recorded in `result.review.reasons`, e.g. `customer_dissatisfied`. */
    reason: z.string().regex(/^[a-z][a-z0-9_]*$/),
  })
  .refine((r) => (r.code !== undefined) !== (r.metric !== undefined && (r.equals !== undefined || r.atMost !== undefined || r.atLeast !== undefined)), {
    message: 'a review rule needs either `code` or `metric` with `equals`, `atMost` or `atLeast`',
  });

export const ScorecardSchema = z.object({
  name: z.string(),
  version: z.string(),
  /** Overall score at or above this passes (0–100). */
  passThreshold: z.number().min(0).max(100).default(80),
  deductions: DeductionsSchema.default({ info: 0, minor: 5, major: 15, critical: 40 }),
  dimensions: z.array(DimensionSchema).min(1),
  /** Findings that set the score to 0 and fail the conversation (only codes with precision ≥ 0.95 belong here). */
  autoFail: z.array(AutoFailSchema).default([]),
  /** Findings that fail the conversation (pass = false) but keep its score, e.g. misconduct toward the customer. */
  failOn: z.array(FailOnSchema).default([]),
  /** When the result asks for a human review (`result.review`), whatever the score. */
  review: z.array(ReviewRuleSchema).default([]),
});

export type Deductions = z.infer<typeof DeductionsSchema>;
export type Dimension = z.infer<typeof DimensionSchema>;
export type AutoFail = z.infer<typeof AutoFailSchema>;
export type FailOn = z.infer<typeof FailOnSchema>;
export type ReviewRule = z.infer<typeof ReviewRuleSchema>;
export type Scorecard = z.infer<typeof ScorecardSchema>;
export type ScorecardInput = z.input<typeof ScorecardSchema>;
