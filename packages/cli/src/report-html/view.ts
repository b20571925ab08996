import { maskPersonalData } from '@cxqa/core';
import type { KpiReport, KpiRow } from '@cxqa/core/kpi';
import type { HtmlReportInput } from './model.js';
import { type PeriodTotals, periodTotals } from './overview.js';

/** The report input indexed for the sections: periods in order, the current and previous one, rows by group and period. */
export interface ReportView {
  input: HtmlReportInput;
  /** Every period with data, oldest first. */
  periods: string[];
  /** The last `trendPeriods` periods, oldest first; the last is the current one. */
  trend: string[];
  current: string | null;
  previous: string | null;
  /** Group → period → row, groups sorted; only groups with a row in the trend window. */
  groups: Map<string, Map<string, KpiRow>>;
  /** Region rows of a period. */
  regionsOf(period: string | null): KpiRow[];
  totals: Map<string, PeriodTotals>;
}

/** The report's rows with group keys masked again (agent and team keys keep plain digit runs, as kpiRow masks them). */
function maskedRows(report: KpiReport): KpiReport {
  const options = report.by === 'agent' || report.by === 'team' ? { digitRuns: 'formatted' as const } : {};
  return { ...report, rows: report.rows.map((r) => ({ ...r, group: maskPersonalData(r.group, options) })) };
}

/** Index the input: group keys masked again, periods ordered by their first day (ties by key), trend window, rows by group. */
export function reportView(raw: HtmlReportInput): ReportView {
  const input = { ...raw, groups: maskedRows(raw.groups), regions: maskedRows(raw.regions) };
  const starts = new Map<string, string>();
  for (const r of [...input.groups.rows, ...input.regions.rows]) starts.set(r.period, r.periodStart);
  const periods = [...starts.keys()].sort((a, b) => (starts.get(a)! === starts.get(b)! ? (a < b ? -1 : 1) : starts.get(a)! < starts.get(b)! ? -1 : 1));
  const trend = periods.slice(-Math.max(1, input.trendPeriods ?? 6));
  const inTrend = new Set(trend);
  const groups = new Map<string, Map<string, KpiRow>>();
  for (const r of input.groups.rows) {
    if (!inTrend.has(r.period)) continue;
    let byPeriod = groups.get(r.group);
    if (!byPeriod) groups.set(r.group, (byPeriod = new Map()));
    byPeriod.set(r.period, r);
  }
  const sorted = new Map([...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return {
    input,
    periods,
    trend,
    current: periods.at(-1) ?? null,
    previous: periods.at(-2) ?? null,
    groups: sorted,
    regionsOf: (period) => input.regions.rows.filter((r) => r.period === period),
    totals: new Map(periodTotals(input.regions.rows).map((t) => [t.period, t])),
  };
}
