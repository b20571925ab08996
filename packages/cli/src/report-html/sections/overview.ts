import { type Echarts, renderChart } from '../charts.js';
import { delta, esc, figure, num, pct } from '../html.js';
import type { PeriodTotals } from '../overview.js';
import type { ReportView } from '../view.js';

const tile = (label: string, value: string, change = '') =>
  `<div class="tile"><div class="label">${esc(label)}</div><div class="value">${value}</div>${change}</div>`;

/** Chart `overview`: conversations per period (bars) and QA mean per period (line, right axis) over the trend window. */
export function overviewChart(view: ReportView) {
  const totals = view.trend.map((p) => view.totals.get(p) ?? null);
  return {
    id: 'overview',
    width: 1100,
    height: 260,
    option: {
      legend: { top: 0 },
      grid: { left: 56, right: 56, top: 36, bottom: 28 },
      xAxis: { type: 'category', data: view.trend },
      yAxis: [
        { type: 'value', name: 'conversations', minInterval: 1 },
        { type: 'value', name: 'QA mean', min: 0, max: 100 },
      ],
      series: [
        { name: 'Conversations', type: 'bar', barMaxWidth: 48, data: totals.map((t) => t?.conversations ?? null) },
        { name: 'QA mean', type: 'line', yAxisIndex: 1, showAllSymbol: true, symbolSize: 7, data: totals.map((t) => round(t?.qaMean ?? null)) },
      ],
    },
  };
}

export const round = (v: number | null, digits = 1) => (v === null ? null : Number(v.toFixed(digits)));

/** Overview: the current period's totals over all conversations, with the change from the previous period, and the volume chart. */
export function overviewSection(view: ReportView, echarts: Echarts): string {
  const now: PeriodTotals | undefined = view.current ? view.totals.get(view.current) : undefined;
  const before = view.previous ? view.totals.get(view.previous) : undefined;
  const v = <K extends keyof PeriodTotals>(t: PeriodTotals | undefined, k: K) => (t ? t[k] : null) as number | null;
  const groupsNow = [...view.groups.values()].filter((m) => view.current && m.has(view.current)).length;
  const tiles = [
    tile('Conversations', String(now?.conversations ?? 0), delta(v(now, 'conversations'), v(before, 'conversations'), null, 1, '', 0)),
    tile('QA score (mean)', num(v(now, 'qaMean')), delta(v(now, 'qaMean'), v(before, 'qaMean'), true)),
    tile('Pass rate', pct(v(now, 'passRate')), delta(v(now, 'passRate'), v(before, 'passRate'), true, 100, ' pt')),
    tile('SLA first response', pct(v(now, 'slaFirstResponse')), delta(v(now, 'slaFirstResponse'), v(before, 'slaFirstResponse'), true, 100, ' pt')),
    tile('SLA resolution', pct(v(now, 'slaResolution')), delta(v(now, 'slaResolution'), v(before, 'slaResolution'), true, 100, ' pt')),
    tile('CSAT (mean)', num(v(now, 'csatMean'), 2), delta(v(now, 'csatMean'), v(before, 'csatMean'), true)),
    tile('Negative feedback', pct(v(now, 'negativeRate')), delta(v(now, 'negativeRate'), v(before, 'negativeRate'), false, 100, ' pt')),
    tile('72 h repeat contact', pct(v(now, 'repeatContactRate')), delta(v(now, 'repeatContactRate'), v(before, 'repeatContactRate'), false, 100, ' pt')),
    tile('To review', String(now?.reviewNeeded ?? 0)),
    tile(`Active ${view.input.groups.by === 'agent' ? 'agents' : 'groups'}`, String(groupsNow)),
  ];
  const chart = overviewChart(view);
  return `<section id="overview"><h2>Overview ${view.current ? `— ${esc(view.current)}` : ''}</h2>
<p class="muted">Totals over every conversation of the period${view.previous ? `; changes against ${esc(view.previous)}` : ''}. Response times per agent are in the scorecards below.</p>
<div class="tiles">${tiles.join('')}</div>
${figure(chart.id, renderChart(echarts, chart), `Conversations and QA mean per period (last ${view.trend.length})`)}
</section>`;
}
