import { type ChartSpec, type Echarts, horizontalBars, renderChart } from '../charts.js';
import { esc, figure, safe, table } from '../html.js';
import type { FindingCount } from '../model.js';
import type { ReportView } from '../view.js';

/** Codes shown in the findings chart (the table lists them all). */
export const CHART_CODES = 15;

/** The current period's finding counts, most frequent first. */
const countsOf = (view: ReportView, period: string | null): FindingCount[] => view.input.findings.filter((f) => f.period === period);

/** Chart `findings`: the most frequent codes of the current period, with the previous period's counts beside them. */
export function findingsChart(view: ReportView): ChartSpec {
  const top = countsOf(view, view.current).slice(0, CHART_CODES);
  const before = new Map(countsOf(view, view.previous).map((f) => [f.code, f.count]));
  const series = [{ name: view.current ?? 'current', data: top.map((f) => f.count) }];
  if (view.previous) series.push({ name: view.previous, data: top.map((f) => before.get(f.code) ?? 0) });
  return horizontalBars(
    'findings',
    top.map((f) => f.code),
    series,
    { labelWidth: 280, rowHeight: 30, xAxis: { minInterval: 1 } },
  );
}

/** Findings by code: chart of the top codes and a table of every code with its worst severity. */
export function findingsSection(view: ReportView, echarts: Echarts): string {
  const now = countsOf(view, view.current);
  const before = new Map(countsOf(view, view.previous).map((f) => [f.code, f.count]));
  const rows = now.map((f) => [
    `<code>${safe(f.code)}</code>`,
    `<span class="sev ${esc(f.severity)}">${esc(f.severity)}</span>`,
    String(f.count),
    String(before.get(f.code) ?? 0),
  ]);
  const chart = findingsChart(view);
  return `<section id="findings"><h2>Findings by code — ${esc(view.current ?? 'no data')}</h2>
${now.length ? figure(chart.id, renderChart(echarts, chart), `The ${Math.min(CHART_CODES, now.length)} most frequent finding codes`) : '<p class="muted">No findings in this period.</p>'}
${table(['Code', 'Worst severity', 'Count', view.previous ? `In ${view.previous}` : 'Previous'], rows, { text: [0, 1] })}
</section>`;
}
