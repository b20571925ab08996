import { z } from 'zod';
import { SeveritySchema } from '../../pipeline/validate/finding.js';
import { DurationSchema } from './duration.js';
import { EUROPE, NORTH_AMERICA, SOUTHEAST_ASIA } from './regions.js';

const Clock = z.enum(['wall', 'business', 'shift']);
const HHMM = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'a time "HH:MM"');
const Weekdays = z.array(z.number().int().min(1).max(7)).min(1);

export const RegionTargetSchema = z.object({
  label: z.string(),
  countries: z.array(z.string().length(2)),
  inBusinessHours: DurationSchema,
  outsideBusinessHours: DurationSchema,
  /** Which elapsed time is compared with this target (default: wall clock). */
  clock: Clock.default('wall'),
});

export const InquiryTargetSchema = z.object({
  label: z.string(),
  firstResponse: DurationSchema.optional(),
  resolution: DurationSchema.optional(),
  priority: z.enum(['urgent', 'high', 'normal', 'low']).default('normal'),
  clock: Clock.default('wall'),
});

/** The brief's SLA tables, as data. */
export const DEFAULT_SLA = {
  regions: {
    north_america: { label: 'North America', countries: NORTH_AMERICA, inBusinessHours: '5m', outsideBusinessHours: '2h' },
    europe: { label: 'Europe', countries: EUROPE, inBusinessHours: '10m', outsideBusinessHours: '4h' },
    southeast_asia: { label: 'Southeast Asia', countries: SOUTHEAST_ASIA, inBusinessHours: '3m', outsideBusinessHours: '1h' },
  },
  inquiryTypes: {
    order_issue: { label: 'order issue (not shipped)', firstResponse: '2h', resolution: '4h', priority: 'urgent' },
    return_exchange: { label: 'return / exchange request', firstResponse: '1h', resolution: '24h', priority: 'urgent' },
    quality_complaint: { label: 'product quality complaint', firstResponse: '2h', resolution: '48h', priority: 'high' },
    logistics: { label: 'logistics query', firstResponse: '4h', resolution: '24h', priority: 'normal' },
    product_question: { label: 'general product question', firstResponse: '12h', resolution: '48h', priority: 'normal' },
    after_sales_followup: { label: 'after-sales follow-up', firstResponse: '24h', resolution: '72h', priority: 'low' },
  },
} as const;

export const TimingOptionsSchema = z.object({
  /** Customer business hours, in the customer's zone. Default Mon–Fri 09:00–18:00. */
  businessHours: z.object({ days: Weekdays, start: HHMM, end: HHMM }).default({ days: [1, 2, 3, 4, 5], start: '09:00', end: '18:00' }),
  /**
   * Close the customer country's holidays and open its official make-up working days (CN 调休)
   * in business hours (default true; see holidayYear).
   */
  holidays: z.boolean().default(true),
  /** Zone used when neither `customer.timezone` nor a known `customer.country` gives one. */
  defaultTimezone: z.string().default('UTC'),
  /** The team's own shift calendar: time outside it never counts against the agent. */
  shift: z.object({ timezone: z.string(), days: Weekdays, start: HHMM, end: HHMM, holidayCountry: z.string().length(2).optional() }).optional(),
  /**
   * Severity of `timing.no_agent_response`, over the default: `info` on public social channels
   * (`channel` social, weibo, twitter, facebook…: many posts ask for nothing; readers agreed with it
   * 1 time in 7 on public helpdesk threads — docs/precision.md), elsewhere major past the target, else minor.
   */
  noResponseSeverity: SeveritySchema.optional(),
  /** Relaxed targets for conversations that start in the night window (team zone by default). */
  nightShift: z.object({ timezone: z.string().optional(), start: HHMM, end: HHMM, factor: z.number().min(1) }).optional(),
  sla: z
    .object({
      regions: z.record(z.string(), RegionTargetSchema.partial().nullable()).default({}),
      inquiryTypes: z.record(z.string(), InquiryTargetSchema.partial().nullable()).default({}),
    })
    .default({ regions: {}, inquiryTypes: {} }),
});

export type TimingOptionsInput = z.input<typeof TimingOptionsSchema>;
export type RegionTarget = z.output<typeof RegionTargetSchema>;
export type InquiryTarget = z.output<typeof InquiryTargetSchema>;
export type Clock = z.infer<typeof Clock>;

export interface ResolvedTimingOptions extends Omit<z.output<typeof TimingOptionsSchema>, 'sla'> {
  sla: { regions: Record<string, RegionTarget>; inquiryTypes: Record<string, InquiryTarget> };
}

/** Merge user SLA entries over the defaults key by key, then validate the whole. */
export function resolveTimingOptions(input: TimingOptionsInput = {}): { ok: true; value: ResolvedTimingOptions } | { ok: false; error: z.ZodError } {
  const parsed = TimingOptionsSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: parsed.error };
  const merged = z.object({ regions: z.record(z.string(), RegionTargetSchema), inquiryTypes: z.record(z.string(), InquiryTargetSchema) }).safeParse({
    regions: mergeEntries(DEFAULT_SLA.regions, (input.sla?.regions ?? {}) as Record<string, object>),
    inquiryTypes: mergeEntries(DEFAULT_SLA.inquiryTypes, (input.sla?.inquiryTypes ?? {}) as Record<string, object>),
  });
  if (!merged.success) return { ok: false, error: merged.error };
  return { ok: true, value: { ...parsed.data, sla: merged.data } };
}

function mergeEntries(defaults: Record<string, object>, user: Record<string, object | null>): Record<string, object> {
  const out: Record<string, object> = {};
  for (const [k, v] of Object.entries(defaults)) out[k] = { ...v };
  for (const [k, v] of Object.entries(user)) {
    if (v === null) delete out[k];
    else out[k] = { ...(out[k] ?? {}), ...v };
  }
  return out;
}
