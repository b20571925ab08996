import { z } from 'zod';
import { maskPersonalData } from '../analyzers/sensitive/pii/mask-text.js';
import { workingSecondsBetween } from '../analyzers/timing/calendar.js';
import { DurationSchema } from '../analyzers/timing/duration.js';
import { DEFAULT_SLA } from '../analyzers/timing/options.js';
import { isValidTimezone } from '../analyzers/timing/zone-time.js';
import { CxqaError, describeZodIssues } from '../errors.js';
import type { Conversation } from '../pipeline/validate/conversation.js';

const ClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a local clock time "HH:MM"');

/**
 * One backlog rule: it fires when at least `minCount` open conversations match it — waiting for an
 * agent (`unanswered`: the customer wrote last) or not resolved (`unresolved`) for at least
 * `minAge` — filtered by inquiry type, queue (`metadata.queue`) or region (the SLA regions of the
 * customer's country). With `businessHours`, age counts only working time of that calendar.
 */
export const BacklogRuleSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9_.-]+$/, 'lower-case letters, digits, "_", "-" and "."'),
    level: z.number().int().min(1),
    condition: z.enum(['unanswered', 'unresolved']),
    minAge: DurationSchema,
    minCount: z.number().int().min(1),
    inquiryTypes: z.array(z.string()).optional(),
    queues: z.array(z.string()).optional(),
    regions: z.array(z.string()).optional(),
    businessHours: z
      .object({
        timezone: z.string().refine(isValidTimezone, 'not an IANA time zone'),
        days: z.array(z.number().int().min(1).max(7)).default([1, 2, 3, 4, 5]),
        start: ClockTime,
        end: ClockTime,
        holidayCountry: z.string().length(2).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();
export type BacklogRuleInput = z.input<typeof BacklogRuleSchema>;
export type BacklogRule = z.output<typeof BacklogRuleSchema>;

/** The seed's alerts (seed 004): ≥ 10 unanswered for 2 h → level 1; ≥ 5 order issues unresolved for 4 h → level 2. */
export const DEFAULT_BACKLOG_RULES: readonly BacklogRuleInput[] = [
  { id: 'unanswered-2h', level: 1, condition: 'unanswered', minAge: '2h', minCount: 10 },
  { id: 'order-issues-unresolved-4h', level: 2, condition: 'unresolved', minAge: '4h', minCount: 5, inquiryTypes: ['order_issue'] },
];

/** A conversation behind an alert: every string from the input masked (maskPersonalData), ids like a result's `conversationId`. */
export interface BacklogItem {
  conversationId: string;
  /** Seconds it has waited (unanswered) or been open (unresolved), in business hours when the rule has them. */
  ageSeconds: number;
  inquiryType: string | null;
  queue: string | null;
  region: string | null;
  agentId: string | null;
}

export interface BacklogAlert {
  rule: string;
  level: number;
  condition: BacklogRule['condition'];
  minCount: number;
  minAgeSeconds: number;
  count: number;
  /** Oldest first. */
  conversations: BacklogItem[];
}

export interface BacklogReport {
  at: string;
  checked: number;
  /** Rules that fired, highest level first. */
  alerts: BacklogAlert[];
  /** Highest level that fired, 0 when none. */
  level: number;
}

/** Validate rules; throws CxqaError `invalid_config` naming the rule index and key. */
export function parseBacklogRules(input: unknown): BacklogRule[] {
  const parsed = z.array(BacklogRuleSchema).min(1).safeParse(input);
  if (!parsed.success) {
    const { issues, summary } = describeZodIssues(parsed.error);
    throw new CxqaError('invalid_config', `backlog rules: ${summary}`, { issues, path: issues[0]?.path ?? [] });
  }
  const ids = parsed.data.map((r) => r.id);
  const twice = ids.find((id, i) => ids.indexOf(id) !== i);
  if (twice) throw new CxqaError('invalid_config', `backlog rules: rule id "${twice}" is used twice`, { path: [ids.lastIndexOf(twice), 'id'] });
  return parsed.data;
}

const REGION_OF = new Map<string, string>(
  Object.entries(DEFAULT_SLA.regions).flatMap(([id, r]) => (r.countries as readonly string[]).map((c) => [c, id] as [string, string])),
);

/** When the customer started waiting (first customer message after the last agent reply), or null when answered. */
function waitingSince(c: Conversation): number | null {
  let since: number | null = null;
  for (const m of [...c.messages].sort((a, b) => Date.parse(a.at) - Date.parse(b.at))) {
    if (m.role === 'agent') since = null;
    else if (m.role === 'customer' && m.text.trim() && since === null) since = Date.parse(m.at);
  }
  return since;
}

export interface BacklogEvaluator {
  /** Check one open conversation against every rule. */
  add(conversation: Conversation): void;
  finish(): BacklogReport;
}

/**
 * Backlog rules over a stream of open conversations at instant `atMs`. A rule fires when
 * `count ≥ minCount`, counting conversations whose age is `≥ minAge` (both bounds inclusive).
 * Memory holds only the matching conversations' ids and ages.
 */
export function createBacklogEvaluator(atMs: number, rules: readonly BacklogRule[] = parseBacklogRules(DEFAULT_BACKLOG_RULES)): BacklogEvaluator {
  const matches = rules.map(() => [] as BacklogItem[]);
  let checked = 0;
  return {
    add(c) {
      checked++;
      const region = c.customer?.country ? (REGION_OF.get(c.customer.country) ?? null) : null;
      const queue = typeof c.metadata?.queue === 'string' ? c.metadata.queue : null;
      const started = c.messages.reduce((t, m) => Math.min(t, Date.parse(m.at)), Number.POSITIVE_INFINITY);
      const waiting = waitingSince(c);
      rules.forEach((rule, i) => {
        if (rule.inquiryTypes && !rule.inquiryTypes.includes(c.inquiryType ?? '')) return;
        if (rule.queues && (queue === null || !rule.queues.includes(queue))) return;
        if (rule.regions && (region === null || !rule.regions.includes(region))) return;
        const since = rule.condition === 'unanswered' ? waiting : c.resolved === true || !c.messages.length ? null : started;
        if (since === null || since > atMs) return;
        const age = rule.businessHours ? (workingSecondsBetween(rule.businessHours, since, atMs) ?? (atMs - since) / 1000) : (atMs - since) / 1000;
        if (age < rule.minAge) return;
        matches[i]!.push({
          conversationId: maskPersonalData(c.id, { digitRuns: 'formatted' }),
          ageSeconds: age,
          inquiryType: c.inquiryType === undefined ? null : maskPersonalData(c.inquiryType),
          queue: queue === null ? null : maskPersonalData(queue),
          region,
          agentId: c.agentId ? maskPersonalData(c.agentId, { digitRuns: 'formatted' }) : null,
        });
      });
    },
    finish() {
      const alerts = rules
        .map((rule, i) => ({ rule, items: matches[i]! }))
        .filter(({ rule, items }) => items.length >= rule.minCount)
        .map(({ rule, items }) => ({
          rule: rule.id,
          level: rule.level,
          condition: rule.condition,
          minCount: rule.minCount,
          minAgeSeconds: rule.minAge,
          count: items.length,
          conversations: [...items].sort((a, b) => b.ageSeconds - a.ageSeconds),
        }))
        .sort((a, b) => b.level - a.level);
      return { at: new Date(atMs).toISOString(), checked, alerts, level: alerts[0]?.level ?? 0 };
    },
  };
}

/**
 * Backlog rules over a snapshot of open conversations at instant `atMs` (see createBacklogEvaluator).
 *
 * @example
 * const report = evaluateBacklog(openConversations, Date.parse('2026-03-02T12:00:00Z'));
 * report.level; // 0 none, else the highest level that fired
 */
export function evaluateBacklog(conversations: Iterable<Conversation>, atMs: number, rules?: readonly BacklogRule[]): BacklogReport {
  const evaluator = createBacklogEvaluator(atMs, rules);
  for (const c of conversations) evaluator.add(c);
  return evaluator.finish();
}
