import { CxqaError, describeZodIssues } from '../errors.js';
import type { Result } from '../pipeline/validate/result.js';
import { GroupStats } from './group-stats.js';
import { type KpiRow, kpiRow } from './kpi-row.js';
import { type KpiGrouping, type KpiOptions, type KpiOptionsInput, KpiOptionsSchema } from './options.js';
import { type Order, OrderIndex } from './orders.js';
import { dayOf, type PeriodSlot, periodOf } from './period.js';
import { assertKpiInput } from './result-checks.js';
import { type AgentStatus, addStatus, emptyUtilisation, type UtilisationTally } from './status-log.js';

export interface KpiAggregatorOptions extends KpiOptionsInput {
  /** Orders that convert conversations without `converted` (see OrderSchema). */
  orders?: Iterable<Order>;
}

/** What the aggregation produced: one row per (period, group), sorted by period then group, and what it left out. */
export interface KpiReport {
  by: KpiGrouping;
  period: KpiOptions['period'];
  rows: KpiRow[];
  /** Results counted in no row: invalid ones and ones without a start time (older than schema 2). */
  skipped: { invalid: number; undated: number };
}

export interface KpiAggregator {
  /**
   * Count one result (validated by the caller, e.g. with ResultSchema).
   * @throws CxqaError `input_unreadable` for a CSAT outside the scale, a negative duration or an end before the start (see assertKpiInput); nothing is counted then.
   */
  add(result: Result): void;
  /** Count one interval of an agent's status log (validated with AgentStatusSchema). */
  addStatus(status: AgentStatus): void;
  /** Resolve repeat contacts and first-contact resolution, and return the rows. */
  finish(): KpiReport;
}

interface Cell {
  slot: PeriodSlot;
  group: string;
  stats: GroupStats;
}

/**
 * Conversations of known customers, kept until `finish` to find repeat contacts: per customer key
 * a flat list of (start ms, end ms, cells ref) triples, 24 bytes a conversation. The ref is
 * 2·i + resolved, where i indexes `cellSets` (the cells a conversation counts in, shared by every
 * conversation with the same groups and period).
 */
const CONTACT_FIELDS = 3;

const NONE = '(none)';

/**
 * Streaming KPI aggregation over results (docs/kpis.md has every formula): memory grows with the
 * number of (period, group) cells, plus a few numbers per conversation that has a customer key
 * (needed for the 72-hour repeat contact), never with findings or text.
 *
 * @throws CxqaError `invalid_option` when the options do not validate (the message names the key).
 * @example
 * const kpis = createKpiAggregator({ period: 'week', by: 'agent' });
 * for (const r of results) kpis.add(r);
 * const { rows } = kpis.finish(); // rows[0].firstResponse.p50Seconds …
 */
export function createKpiAggregator(input: KpiAggregatorOptions = {}): KpiAggregator {
  const { orders, ...rest } = input;
  const parsed = KpiOptionsSchema.safeParse(rest);
  if (!parsed.success) {
    const { issues, summary } = describeZodIssues(parsed.error);
    throw new CxqaError('invalid_option', `KPI options: ${summary}`, { issues, path: issues[0]?.path ?? [] });
  }
  const options = parsed.data;
  const orderIndex = orders ? new OrderIndex(orders) : null;
  const cells = new Map<string, Cell>();
  const utilisation = new Map<string, { slot: PeriodSlot; group: string; tally: UtilisationTally }>();
  const contacts = new Map<string, number[]>();
  const cellSets: Cell[][] = [];
  const cellSetIndex = new Map<string, number>();
  const cellSetOf = (slotKey: string, groups: string[], mine: Cell[]): number => {
    const key = `${slotKey}\u0000${groups.join('\u0000')}`;
    let i = cellSetIndex.get(key);
    if (i === undefined) {
      i = cellSets.push(mine) - 1;
      cellSetIndex.set(key, i);
    }
    return i;
  };
  const skipped = { invalid: 0, undated: 0 };

  const groupsOf = (r: Result): string[] => {
    switch (options.by) {
      case 'agent':
        return r.agentIds.length ? r.agentIds : [NONE];
      case 'team':
        return r.agentIds.length ? [...new Set(r.agentIds.map((a) => options.teams[a] ?? NONE))] : [NONE];
      case 'platform':
        return [r.platform ?? NONE];
      case 'channel':
        return [r.channel ?? NONE];
      case 'inquiryType':
        return [r.inquiryType ?? NONE];
      case 'region': {
        const region = r.metrics['timing.region'];
        return [typeof region === 'string' ? region : NONE];
      }
    }
  };

  const cellOf = (slot: PeriodSlot, group: string): Cell => {
    const key = `${slot.key}\u0000${group}`;
    let cell = cells.get(key);
    if (!cell) cells.set(key, (cell = { slot, group, stats: new GroupStats(options) }));
    return cell;
  };

  return {
    add(r) {
      if (r.status === 'invalid') {
        skipped.invalid++;
        return;
      }
      if (r.startedAt === null) {
        skipped.undated++;
        return;
      }
      assertKpiInput(r, options);
      const start = Date.parse(r.startedAt);
      const slot = periodOf(options.period, options.timezone, start);
      const day = dayOf(options.timezone, start);
      const converted = r.converted ?? (orderIndex ? orderIndex.converted(r.conversationId, r.customerKey, start, options.conversionWindow) : null);
      const groups = groupsOf(r);
      const mine = groups.map((g) => cellOf(slot, g));
      for (const cell of mine) cell.stats.add(r, day, converted, options);
      if (r.customerKey !== null) {
        const ref = 2 * cellSetOf(slot.key, groups, mine) + (r.resolved === true ? 1 : 0);
        const list = contacts.get(r.customerKey);
        const entry = [start, r.endedAt === null ? start : Date.parse(r.endedAt), ref];
        if (list) list.push(...entry);
        else contacts.set(r.customerKey, entry);
      }
    },

    addStatus(s) {
      const slot = periodOf(options.period, options.timezone, Date.parse(s.from));
      const group = options.by === 'team' ? (options.teams[s.agentId] ?? NONE) : s.agentId;
      const key = `${slot.key}\u0000${group}`;
      let u = utilisation.get(key);
      if (!u) utilisation.set(key, (u = { slot, group, tally: emptyUtilisation() }));
      addStatus(u.tally, s, options);
    },

    finish() {
      const windowMs = options.repeatWindow * 1000;
      for (const flat of contacts.values()) {
        const n = flat.length / CONTACT_FIELDS;
        if (n < 2) continue;
        const order = Array.from({ length: n }, (_, i) => i * CONTACT_FIELDS).sort((a, b) => flat[a]! - flat[b]!);
        for (let k = 0; k + 1 < n; k++) {
          const at = order[k]!;
          if (flat[order[k + 1]!]! - flat[at + 1]! > windowMs) continue;
          const ref = flat[at + 2]!;
          for (const cell of cellSets[ref >> 1]!) {
            cell.stats.repeated++;
            if (ref & 1) cell.stats.resolvedRepeated++;
          }
        }
      }
      const byAgents = options.by === 'agent' || options.by === 'team';
      const rows = [...cells.entries()].map(([key, cell]) =>
        kpiRow(cell.slot, options.by, cell.group, cell.stats, byAgents ? utilisation.get(key)?.tally : undefined, options),
      );
      if (byAgents) {
        for (const [key, u] of utilisation) if (!cells.has(key)) rows.push(kpiRow(u.slot, options.by, u.group, new GroupStats(options), u.tally, options));
      }
      rows.sort((a, b) => (a.periodStart === b.periodStart ? (a.group < b.group ? -1 : a.group > b.group ? 1 : 0) : a.periodStart < b.periodStart ? -1 : 1));
      return { by: options.by, period: options.period, rows, skipped: { ...skipped } };
    },
  };
}
