import type { Result } from '../pipeline/validate/result.js';
import type { AppealLog } from './log.js';
import type { AppealState } from './schema.js';

/** Appeals of one finding code (or rule) over a period, and how they were decided. */
export interface OverturnRow {
  /** The finding code, or the fired rule's id with `by: 'rule'`. */
  key: string;
  appeals: number;
  /** Decided by the end of the period (`accepted + severityChanged + rejected`). */
  decided: number;
  accepted: number;
  severityChanged: number;
  rejected: number;
  pending: number;
  /** accepted ÷ decided, 0–1; null when none was decided. */
  overturnRate: number | null;
  /** (accepted + severityChanged) ÷ decided, 0–1; null when none was decided. */
  changeRate: number | null;
  /** Findings of this key in the results given (null without results). */
  findings: number | null;
  /** appeals ÷ findings, 0–1 (null without results or findings). */
  appealRate: number | null;
}

export interface OverturnReportOptions {
  /** Count appeals filed at or after this instant (default: all). Decisions count as the log stood when it was read (read it with `asOf` = the period's end). */
  since?: Date;
  /** Group by finding `code` (default) or by the fired `rule` id (`lexicon:term`, `pack:rule`). */
  by?: 'code' | 'rule';
  /** The results the appealed findings come from: adds each key's finding count and appeal rate. */
  results?: readonly Result[];
}

const rate = (n: number, d: number) => (d === 0 ? null : Math.round((n / d) * 1000) / 1000);

/**
 * Overturn rate per finding code (or rule) over a period, so noisy rules are seen: for each key,
 * the appeals filed, how they stand (accepted, severity changed, rejected, pending), the overturn
 * rate accepted ÷ decided and, with results, the appeal rate appeals ÷ findings. Rows sorted by
 * overturn rate, then appeals, highest first; `total` sums them all.
 *
 * @example
 * overturnReport(readAppeals('appeals.log', { asOf: until }), { since }).rows[0]; // { key: 'policy.review_manipulation', appeals: 3, accepted: 2, overturnRate: 0.667, … }
 */
export function overturnReport(log: AppealLog, options: OverturnReportOptions = {}): { rows: OverturnRow[]; total: OverturnRow } {
  const since = options.since?.getTime() ?? Number.NEGATIVE_INFINITY;
  const keyOf = (a: AppealState) => (options.by === 'rule' ? (a.finding.rule?.id ?? a.finding.code) : a.finding.code);
  const groups = new Map<string, AppealState[]>();
  for (const a of log.appeals) {
    if (Date.parse(a.at) < since) continue;
    groups.set(keyOf(a), [...(groups.get(keyOf(a)) ?? []), a]);
  }
  const counts = new Map<string, number>();
  for (const r of options.results ?? [])
    for (const f of r.findings) {
      const key = options.by === 'rule' ? (f.rule?.id ?? f.code) : f.code;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  const row = (key: string, appeals: readonly AppealState[], findings: number | null): OverturnRow => {
    const n = (o: string) => appeals.filter((a) => a.decision?.outcome === o).length;
    const accepted = n('accept');
    const severityChanged = n('severity');
    const rejected = n('reject');
    const decided = accepted + severityChanged + rejected;
    return {
      key,
      appeals: appeals.length,
      decided,
      accepted,
      severityChanged,
      rejected,
      pending: appeals.length - decided,
      overturnRate: rate(accepted, decided),
      changeRate: rate(accepted + severityChanged, decided),
      findings,
      appealRate: findings === null ? null : rate(appeals.length, findings),
    };
  };
  const withResults = options.results !== undefined;
  const rows = [...groups].map(([key, list]) => row(key, list, withResults ? (counts.get(key) ?? 0) : null));
  rows.sort((a, b) => (b.overturnRate ?? -1) - (a.overturnRate ?? -1) || b.appeals - a.appeals || a.key.localeCompare(b.key));
  const all = [...groups.values()].flat();
  const total = row('total', all, withResults ? [...counts.values()].reduce((a, b) => a + b, 0) : null);
  return { rows, total };
}
