import { z } from 'zod';
import { DurationSchema } from '../analyzers/timing/duration.js';
import { isValidTimezone } from '../analyzers/timing/zone-time.js';

const Zone = z.string().refine(isValidTimezone, { message: 'not an IANA time zone (e.g. "Asia/Shanghai", "UTC")' });
const ClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a local clock time "HH:MM"');

/** What a KPI row is keyed by besides its period. */
export const KPI_GROUPINGS = ['agent', 'team', 'platform', 'region', 'inquiryType', 'channel'] as const;
export type KpiGrouping = (typeof KPI_GROUPINGS)[number];
export const KPI_PERIODS = ['day', 'week', 'month', 'quarter', 'all'] as const;
export type KpiPeriod = (typeof KPI_PERIODS)[number];

/** The components a blended KPI can weigh; each is a 0–1 value where higher is better (see docs/kpis.md). */
export const BLEND_COMPONENTS = [
  'responseSpeed',
  'conversion',
  'positiveRating',
  'disputeResolution',
  'complaintRate',
  'firstContactResolution',
  'repeatContact',
  'qaScore',
] as const;
export type BlendComponent = (typeof BLEND_COMPONENTS)[number];

/** The seed's role weights (seed 003): pre-sales 30/40/30; after-sales 50/30 and, where the seed says "…", 20 % first-contact resolution (decision 68). */
export const DEFAULT_ROLE_WEIGHTS: Record<string, Partial<Record<BlendComponent, number>>> = {
  'pre-sales': { responseSpeed: 0.3, conversion: 0.4, positiveRating: 0.3 },
  'after-sales': { disputeResolution: 0.5, complaintRate: 0.3, firstContactResolution: 0.2 },
};

export const KpiOptionsSchema = z
  .object({
    /** Period of a row: local calendar day, ISO week (Monday first), month, quarter, or everything. */
    period: z.enum(KPI_PERIODS).default('week'),
    by: z.enum(KPI_GROUPINGS).default('agent'),
    /** Zone in which days, weeks and months begin. */
    timezone: Zone.default('UTC'),
    /** Agent id → team, for `by: "team"`; agents not listed are in team "(none)". */
    teams: z.record(z.string(), z.string()).default({}),
    /** Upper edges of the QA score distribution's buckets: [60, 70, 80, 90] → <60, 60–69.9, …, ≥90. */
    scoreBuckets: z
      .array(z.number().min(0).max(100))
      .refine((edges) => edges.every((e, i) => i === 0 || e > edges[i - 1]!), 'bucket edges must be strictly increasing, e.g. [60, 70, 80, 90]')
      .default([60, 70, 80, 90]),
    /** Another conversation of the same customer key starting within this time after one ends is a repeat contact. */
    repeatWindow: DurationSchema.default(72 * 3600),
    csat: z
      .object({
        min: z.number().default(1),
        max: z.number().default(5),
        /** A rating at or below this is negative feedback. */
        negativeAtMost: z.number().default(2),
        /** A rating at or above this is a positive rating. */
        positiveAtLeast: z.number().default(4),
      })
      .strict()
      .refine((c) => c.min < c.max, { message: 'csat.min must be below csat.max', path: ['min'] })
      .prefault({}),
    /** Conversation days: "active" divides by days with a conversation in the group, "calendar" by the period's days. */
    perDay: z.enum(['active', 'calendar']).default('active'),
    /** Daily hours of low traffic (local), whose idle on-call time is reported apart from utilisation. */
    lowTraffic: z.object({ timezone: Zone, start: ClockTime, end: ClockTime }).strict().optional(),
    /** A customer ordering within this time after a conversation started converts it (with `orders`). */
    conversionWindow: DurationSchema.default(72 * 3600),
    /** Inquiry types that are disputes, for the dispute-resolution rate (default: the seed's order issue, return / exchange, quality complaint). */
    disputeInquiryTypes: z.array(z.string()).default(['order_issue', 'return_exchange', 'quality_complaint']),
    /** Group key (agent id or team) → role; `defaultRole` for the others; no role, no blended KPI. */
    roles: z.record(z.string(), z.string()).default({}),
    defaultRole: z.string().optional(),
    /** Role → component → weight; merged over DEFAULT_ROLE_WEIGHTS (a role given here replaces the default's weights). */
    roleWeights: z.record(z.string(), z.partialRecord(z.enum(BLEND_COMPONENTS), z.number().nonnegative())).default({}),
  })
  .strict();

export type KpiOptionsInput = z.input<typeof KpiOptionsSchema>;
export type KpiOptions = z.output<typeof KpiOptionsSchema>;
