import type { KpiRow } from '@cxqa/core/kpi';

/** Totals of one period over all groups of a partition (each conversation in exactly one group, e.g. regions). */
export interface PeriodTotals {
  period: string;
  conversations: number;
  qaMean: number | null;
  passRate: number | null;
  reviewNeeded: number;
  slaFirstResponse: number | null;
  slaResolution: number | null;
  csatMean: number | null;
  negativeRate: number | null;
  repeatContactRate: number | null;
}

/** Σ value·weight / Σ weight over the rows whose value is known. */
function weighted(rows: KpiRow[], value: (r: KpiRow) => number | null, weight: (r: KpiRow) => number): number | null {
  let sum = 0;
  let total = 0;
  for (const r of rows) {
    const v = value(r);
    if (v === null) continue;
    sum += v * weight(r);
    total += weight(r);
  }
  return total > 0 ? sum / total : null;
}

/** Met / (met + missed) over every target of the given kind (`first:` or `resolution:`). */
function attainment(rows: KpiRow[], prefix: string): number | null {
  let met = 0;
  let all = 0;
  for (const r of rows)
    for (const t of r.sla.targets)
      if (t.target.startsWith(prefix)) {
        met += t.met;
        all += t.met + t.missed;
      }
  return all > 0 ? met / all : null;
}

/**
 * Per period, the KPI totals recombined exactly from a partition's rows (the region rows: every
 * conversation counts in one region, `(none)` included): means weighted by their counts, SLA
 * attainment from met/missed sums. Pass rate is weighted by scored conversations (its own
 * denominator is not in the row; results with a score always carry a pass verdict).
 */
export function periodTotals(rows: KpiRow[]): PeriodTotals[] {
  const byPeriod = new Map<string, KpiRow[]>();
  for (const r of rows) {
    const list = byPeriod.get(r.period);
    if (list) list.push(r);
    else byPeriod.set(r.period, [r]);
  }
  return [...byPeriod].map(([period, list]) => ({
    period,
    conversations: list.reduce((n, r) => n + r.conversations, 0),
    qaMean: weighted(
      list,
      (r) => r.qa.mean,
      (r) => r.qa.scored,
    ),
    passRate: weighted(
      list,
      (r) => r.qa.passRate,
      (r) => r.qa.scored,
    ),
    reviewNeeded: list.reduce((n, r) => n + r.qa.reviewNeeded, 0),
    slaFirstResponse: attainment(list, 'first:'),
    slaResolution: attainment(list, 'resolution:'),
    csatMean: weighted(
      list,
      (r) => r.csat.mean,
      (r) => r.csat.n,
    ),
    negativeRate: weighted(
      list,
      (r) => r.csat.negativeRate,
      (r) => r.csat.n,
    ),
    repeatContactRate: weighted(
      list,
      (r) => r.repeatContact.rate,
      (r) => r.repeatContact.n,
    ),
  }));
}
