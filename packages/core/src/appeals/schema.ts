import { z } from 'zod';
import { SeveritySchema, SpanSchema } from '../pipeline/validate/finding.js';

const Name = z.string().trim().min(1, 'a name is required (who appeals or decides)').max(200);
const Reason = z.string().trim().min(1, 'a reason is required').max(4000);

/** A finding id as Results give it: 16 hex digits of a SHA-256, `-2`, `-3`, … for repeats. */
export const FINDING_ID = /^[0-9a-f]{16}(-\d+)?$/;

/** What `fileAppeal` takes: the finding (id and conversation), who appeals and why. */
export const AppealInputSchema = z.strictObject({
  conversationId: z.string().min(1, 'the conversation id is required'),
  findingId: z.string().regex(FINDING_ID, 'a finding id as results give it: 16 hex digits, e.g. "c1c77c25e0b9f007"'),
  by: Name,
  reason: Reason,
});

/** The three decisions a reviewer can take on an appeal. */
export const AppealOutcomeSchema = z.enum(['accept', 'reject', 'severity']);

/** What `decideAppeal` takes: `severity` only (and required) with outcome `severity`. */
export const DecisionInputSchema = z
  .strictObject({
    appealId: z.string().regex(/^A\d+$/, 'an appeal id such as "A1"'),
    outcome: AppealOutcomeSchema,
    severity: SeveritySchema.optional(),
    by: Name,
    reason: Reason,
  })
  .superRefine((d, ctx) => {
    if (d.outcome === 'severity' && d.severity === undefined)
      ctx.addIssue({ code: 'custom', path: ['severity'], message: 'outcome "severity" needs the new severity' });
    if (d.outcome !== 'severity' && d.severity !== undefined)
      ctx.addIssue({ code: 'custom', path: ['severity'], message: `a severity only goes with outcome "severity", not "${d.outcome}"` });
  });

/** The finding as it was when appealed (copied from the result, masked like the result). */
export const AppealedFindingSchema = z.object({
  code: z.string(),
  severity: SeveritySchema,
  analyzer: z.string(),
  messageIndex: z.number().int().nonnegative().optional(),
  span: SpanSchema.optional(),
  evidence: z.string().optional(),
  /** The fired rule's id (`lexicon-id:term`, `pack:rule`, …) and kind. */
  rule: z.object({ id: z.string(), kind: z.string() }).optional(),
});

/** The body of an `appeal` record in the log. */
export const AppealRecordSchema = z.object({
  id: z.string(),
  conversationId: z.string(),
  findingId: z.string(),
  finding: AppealedFindingSchema,
  by: z.string(),
  /** Personal data masked before it is logged. */
  reason: z.string(),
});

/** The body of a `decision` record in the log. */
export const DecisionRecordSchema = z.object({
  appealId: z.string(),
  outcome: AppealOutcomeSchema,
  severity: SeveritySchema.optional(),
  by: z.string(),
  reason: z.string(),
});

export type AppealInput = z.input<typeof AppealInputSchema>;
export type DecisionInput = z.input<typeof DecisionInputSchema>;
export type AppealOutcome = z.infer<typeof AppealOutcomeSchema>;
export type AppealedFinding = z.infer<typeof AppealedFindingSchema>;
export type AppealRecord = z.infer<typeof AppealRecordSchema>;
export type DecisionRecord = z.infer<typeof DecisionRecordSchema>;

/** One appeal as of a date: what was appealed, when, and its decisions in log order (the last one stands). */
export interface AppealState extends AppealRecord {
  /** When it was filed (the log's clock, UTC). */
  at: string;
  decisions: (DecisionRecord & { at: string })[];
  /** The standing decision (the last), or null while pending. */
  decision: (DecisionRecord & { at: string }) | null;
}
