import type { KpiRow } from '@cxqa/core/kpi';
import { type ChartSpec, type Echarts, horizontalBars, PALETTE, renderChart } from '../charts.js';
import { delta, dur, esc, figure, num, pct, safe, table } from '../html.js';
import type { ReportView } from '../view.js';
import { round } from './overview.js';

const kind = (view: ReportView) => (view.input.groups.by === 'agent' || view.input.groups.by === 'team' ? 'agent' : 'key');
const pts = (v: number | null) => round(v === null ? null : v * 100);

/** Chart `groups`: per group of the current period, QA mean and SLA first-response attainment (%), horizontal bars. */
export function groupsChart(view: ReportView): ChartSpec {
  const rows = [...view.groups.values()].map((m) => (view.current ? m.get(view.current) : undefined)).filter((r): r is KpiRow => r !== undefined);
  return horizontalBars(
    'groups',
    rows.map((r) => r.group),
    [
      { name: 'QA mean', data: rows.map((r) => round(r.qa.mean)) },
      { name: 'SLA first response %', data: rows.map((r) => pts(r.sla.firstResponse)) },
    ],
    { labelWidth: 150, rowHeight: 34, xAxis: { min: 0, max: 100 } },
  );
}

/** Chart `trend-<i>`: one group's QA mean and SLA first-response attainment (%) over the trend periods. */
export function trendChart(view: ReportView, index: number, byPeriod: Map<string, KpiRow>): ChartSpec {
  return {
    id: `trend-${index}`,
    width: 300,
    height: 130,
    option: {
      grid: { left: 30, right: 8, top: 10, bottom: 22 },
      xAxis: { type: 'category', data: view.trend, axisLabel: { fontSize: 9 } },
      yAxis: { type: 'value', min: 0, max: 100, splitNumber: 2, axisLabel: { fontSize: 9 } },
      series: [
        {
          name: 'QA mean',
          type: 'line',
          showAllSymbol: true,
          symbolSize: 5,
          connectNulls: true,
          data: view.trend.map((p) => round(byPeriod.get(p)?.qa.mean ?? null)),
        },
        {
          name: 'SLA first response %',
          type: 'line',
          showAllSymbol: true,
          symbolSize: 5,
          connectNulls: true,
          data: view.trend.map((p) => pts(byPeriod.get(p)?.sla.firstResponse ?? null)),
        },
      ],
    },
  };
}

/** Scorecards: a table of every group's KPIs in the current period (changes from the previous one), then a card per group with its trend. */
export function agentsSection(view: ReportView, echarts: Echarts): string {
  const { current, previous } = view;
  const rows: string[][] = [];
  const cards: string[] = [];
  let i = 0;
  for (const [group, byPeriod] of view.groups) {
    const now = current ? byPeriod.get(current) : undefined;
    const before = previous ? byPeriod.get(previous) : undefined;
    const name = safe(group, kind(view));
    rows.push([
      name,
      String(now?.conversations ?? 0),
      num(now?.conversationsPerDay ?? null),
      num(now?.qa.mean ?? null) + delta(now?.qa.mean ?? null, before?.qa.mean ?? null, true),
      pct(now?.qa.passRate ?? null),
      pct(now?.sla.firstResponse ?? null) + delta(now?.sla.firstResponse ?? null, before?.sla.firstResponse ?? null, true, 100, ' pt'),
      dur(now?.firstResponse.p50Seconds ?? null),
      dur(now?.firstResponse.p90Seconds ?? null),
      pct(now?.firstContactResolution.rate ?? null),
      pct(now?.repeatContact.rate ?? null),
      num(now?.csat.mean ?? null, 2),
      pct(now?.csat.negativeRate ?? null),
      now?.blended ? `${num(now.blended.score)}<span class="delta muted">${esc(now.blended.role)}</span>` : '–',
      String(now?.qa.reviewNeeded ?? 0),
    ]);
    const chart = trendChart(view, i++, byPeriod);
    cards.push(`<article class="card"><h3>${name}</h3>
${figure(chart.id, renderChart(echarts, chart), `${group}: QA mean and SLA first response % per period`, false)}
<dl><dt>Avg. response</dt><dd>${dur(now?.averageResponseSeconds ?? null)}</dd><dt>Resolution (mean)</dt><dd>${dur(now?.resolution.meanSeconds ?? null)}</dd>
<dt>Conversion</dt><dd>${pct(now?.conversion.rate ?? null)}</dd><dt>Utilisation</dt><dd>${pct(now?.utilisation?.rate ?? null)}</dd></dl></article>`);
  }
  const headers = [
    view.input.groups.by,
    'Conv.',
    'Per day',
    'QA mean',
    'Pass',
    'SLA 1st resp.',
    '1st resp. p50',
    'p90',
    'FCR',
    'Repeat 72 h',
    'CSAT',
    'Negative',
    'Blended',
    'Review',
  ];
  const chart = groupsChart(view);
  return `<section id="scorecards"><h2>Scorecards — ${esc(current ?? 'no data')}</h2>
${figure(chart.id, renderChart(echarts, chart), `QA mean and SLA first-response attainment per ${view.input.groups.by}, ${current ?? ''}`)}
${table(headers, rows, { caption: previous ? `Changes against ${previous}.` : undefined })}
<p class="legend">Trends, ${esc(view.trend[0] ?? '')} – ${esc(view.trend.at(-1) ?? '')}:<span class="swatch" style="background:${PALETTE[0]}"></span>QA mean<span class="swatch" style="background:${PALETTE[1]}"></span>SLA first response %</p>
<div class="cards">${cards.join('\n')}</div>
</section>`;
}
