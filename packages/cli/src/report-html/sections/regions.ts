import { type ChartSpec, type Echarts, renderChart } from '../charts.js';
import { delta, esc, figure, pct, safe, table } from '../html.js';
import type { ReportView } from '../view.js';
import { round } from './overview.js';

const pts = (v: number | null) => round(v === null ? null : v * 100);

/** Chart `sla-regions`: per region of the current period, first-response and resolution SLA attainment (%). */
export function regionsChart(view: ReportView): ChartSpec {
  const rows = view.regionsOf(view.current);
  return {
    id: 'sla-regions',
    width: 1100,
    height: 280,
    option: {
      legend: { top: 0 },
      grid: { left: 50, right: 20, top: 36, bottom: 28 },
      xAxis: { type: 'category', data: rows.map((r) => r.group) },
      yAxis: { type: 'value', min: 0, max: 100, name: '% met' },
      series: [
        { name: 'First response', type: 'bar', barMaxWidth: 56, data: rows.map((r) => pts(r.sla.firstResponse)) },
        { name: 'Resolution', type: 'bar', barMaxWidth: 56, data: rows.map((r) => pts(r.sla.resolution)) },
      ],
    },
  };
}

/** SLA attainment by region in the current period: the chart, and a table of every target that applied with the previous period beside it. */
export function regionsSection(view: ReportView, echarts: Echarts): string {
  const before = new Map(view.regionsOf(view.previous).map((r) => [r.group, r]));
  const rows: string[][] = [];
  for (const r of view.regionsOf(view.current)) {
    const prev = before.get(r.group);
    const prevTargets = new Map(prev?.sla.targets.map((t) => [t.target, t.attainment]) ?? []);
    for (const t of r.sla.targets)
      rows.push([
        safe(r.group),
        safe(t.target),
        String(t.met),
        String(t.missed),
        pct(t.attainment) + delta(t.attainment, prevTargets.get(t.target) ?? null, true, 100, ' pt'),
        pct(prevTargets.get(t.target) ?? null),
      ]);
    if (!r.sla.targets.length) rows.push([safe(r.group), '<span class="muted">no target applied</span>', '0', '0', '–', '–']);
  }
  const chart = regionsChart(view);
  return `<section id="sla"><h2>SLA attainment by region — ${esc(view.current ?? 'no data')}</h2>
${figure(chart.id, renderChart(echarts, chart), 'Share of conversations that met the first-response and the resolution target, per region')}
${table(['Region', 'Target', 'Met', 'Missed', 'Attainment', view.previous ? `In ${view.previous}` : 'Previous'], rows, { text: [0, 1] })}
</section>`;
}
