import { type Result, ResultSchema } from '@cxqa/core';
import { createKpiAggregator, type KpiReport } from '@cxqa/core/kpi';
import { describe, expect, it } from 'vitest';
import { buildHtmlReport } from '../src/report-html/build.js';
import { loadEcharts, renderChart } from '../src/report-html/charts.js';
import { createReportExtras } from '../src/report-html/extras.js';
import type { HtmlReportInput } from '../src/report-html/model.js';
import { periodTotals } from '../src/report-html/overview.js';
import { findChromium } from './chromium.js';
import { resultRecord } from './kpi-files.js';

const echarts = await loadEcharts();

/** A schema-2 result: agent, start, region, score; `over` replaces fields. */
const result = (agent: string, startedAt: string, region: string, score: number, over: Record<string, unknown> = {}): Result =>
  ResultSchema.parse(
    resultRecord({
      conversationId: `c-${agent}-${startedAt}`,
      agentIds: [agent],
      startedAt,
      score,
      pass: score >= 80,
      metrics: { 'timing.region': region },
      ...over,
    }),
  );

const RESULTS = [
  result('ann', '2026-03-02T10:00:00.000Z', 'europe', 90, { csat: 5 }),
  result('ann', '2026-03-09T10:00:00.000Z', 'europe', 70, { csat: 2 }),
  result('ben', '2026-03-09T11:00:00.000Z', 'north_america', 60, {
    csat: 1,
    review: { needed: true, reasons: ['agent_misconduct'] },
    findings: [
      { analyzer: 'politeness', code: 'politeness.dismissive', severity: 'critical', explanation: 'brushes off', evidence: 'call Jane Roe, +49 151 23456789' },
      { analyzer: 'script', code: 'script.missing_greeting', severity: 'info', explanation: 'no greeting' },
    ],
  }),
  result('ben', '2026-03-10T11:00:00.000Z', 'north_america', 100),
];

function inputOf(results: Result[], over: Partial<HtmlReportInput> = {}): HtmlReportInput {
  const groups = createKpiAggregator({ period: 'week' });
  const regions = createKpiAggregator({ period: 'week', by: 'region' });
  const extras = createReportExtras({ period: 'week', timezone: 'UTC' });
  for (const r of results) {
    groups.add(r);
    regions.add(r);
    extras.add(r);
  }
  return { title: 'Week 11', groups: groups.finish(), regions: regions.finish(), ...extras.finish(), ...over };
}

describe('periodTotals', () => {
  it('recombines region rows exactly: conversations summed, means weighted by their counts', () => {
    const { regions } = inputOf(RESULTS);
    const w11 = periodTotals(regions.rows).find((t) => t.period === '2026-W11')!;
    expect(w11.conversations).toBe(3);
    expect(w11.qaMean).toBeCloseTo((70 + 60 + 100) / 3, 10);
    expect(w11.passRate).toBeCloseTo(1 / 3, 10);
    expect(w11.csatMean).toBeCloseTo((2 + 1) / 2, 10);
    expect(w11.negativeRate).toBe(1);
    expect(w11.reviewNeeded).toBe(1);
  });
});

describe('createReportExtras', () => {
  it('counts findings per period and code with the worst severity, and keeps the conversations to review with masked evidence', () => {
    const { findings, review } = inputOf(RESULTS);
    expect(findings).toEqual([
      { period: '2026-W11', code: 'politeness.dismissive', count: 1, severity: 'critical' },
      { period: '2026-W11', code: 'script.missing_greeting', count: 1, severity: 'info' },
    ]);
    // ann's 70 failed (pass false) and ben's 60 needs review; worst score first
    expect(review.map((r) => [r.period, r.agents[0], r.score])).toEqual([
      ['2026-W11', 'ben', 60],
      ['2026-W11', 'ann', 70],
    ]);
    expect(review[0]!.findings[0]).toMatchObject({ code: 'politeness.dismissive', severity: 'critical' });
    expect(review[0]!.findings[0]!.evidence).not.toContain('23456789');
  });

  it('keeps at most reviewPerPeriod per period, the lowest scores, and ignores invalid and undated results', () => {
    const extras = createReportExtras({ period: 'week', timezone: 'UTC', reviewPerPeriod: 3 });
    for (let i = 0; i < 20; i++) extras.add(result(`a${i}`, '2026-03-02T10:00:00.000Z', 'europe', 40 + i));
    extras.add(ResultSchema.parse(resultRecord({ conversationId: 'bad', status: 'invalid', score: null, pass: null })));
    extras.add(ResultSchema.parse(resultRecord({ conversationId: 'old', schemaVersion: 1, score: 10, pass: false })));
    const { review, reviewTotals } = extras.finish();
    expect(review.map((r) => r.score)).toEqual([40, 41, 42]);
    expect(reviewTotals).toEqual({ '2026-W10': 20 });
    const html = buildHtmlReport({ ...inputOf([]), review, reviewTotals }, echarts);
    expect(html).not.toContain('The 3 lowest scores of 20 are listed.'); // no KPI rows: no current period
  });

  it('says how many conversations of the period need review when it lists only the worst', () => {
    const many = Array.from({ length: 60 }, (_, i) => result(`a${i % 7}`, '2026-03-02T10:00:00.000Z', 'europe', 10 + i));
    const html = buildHtmlReport(inputOf(many), echarts);
    expect(html).toContain('60 conversation(s): review needed or QA failed, lowest score first. The 50 lowest scores of 60 are listed.');
    expect(html.match(/<tr><td class="text"><code>c-a\d-/g)).toHaveLength(50);
  });
});

describe('findChromium', () => {
  it('says where it looked when CHROMIUM_PATH names no file', () => {
    expect(findChromium({ CHROMIUM_PATH: '/nowhere/chromium' })).toEqual({
      path: null,
      why: "no Chromium executable (looked at /nowhere/chromium; install Debian's chromium or set CHROMIUM_PATH)",
    });
    expect(findChromium({ CHROMIUM_PATH: process.execPath }).path).toBe(process.execPath);
  });
});

describe('buildHtmlReport', () => {
  it('is a pure function: the same bytes twice, whatever was rendered in between', () => {
    const input = inputOf(RESULTS);
    const once = buildHtmlReport(input, echarts);
    renderChart(echarts, {
      id: 'other',
      width: 100,
      height: 100,
      option: { xAxis: { type: 'category', data: ['x'] }, yAxis: {}, series: [{ type: 'bar', data: [1] }] },
    });
    expect(buildHtmlReport(input, echarts)).toBe(once);
    expect(once).not.toMatch(/zr\d+-/);
  });

  it('shows the current period against the previous one, every section, and one chart per group', () => {
    const html = buildHtmlReport(inputOf(RESULTS), echarts);
    expect(html).toContain('Overview — 2026-W11');
    expect(html).toContain('Changes against 2026-W10.');
    for (const id of ['overview', 'scorecards', 'sla', 'findings', 'review']) expect(html).toContain(`<section id="${id}">`);
    expect(html.match(/data-chart="trend-\d+"/g)).toHaveLength(2);
    // ann: QA 90 → 70 is a fall of 20 points
    expect(html).toMatch(/70\.0<span class="delta down"[^>]*>▼ -20\.0</);
    expect(html).toContain('2 conversation(s): review needed or QA failed');
    // volume: 1 conversation in W10, 3 in W11, a whole-number change neither good nor bad
    expect(html).toContain(
      '<div class="label">Conversations</div><div class="value">3</div><span class="delta" title="change from the previous period">▲ +2</span>',
    );
  });

  it('limits the trends to trendPeriods and masks and escapes whatever a hand-made input carries', () => {
    const input = inputOf(RESULTS, { trendPeriods: 1 });
    const evil: KpiReport = { ...input.groups, rows: input.groups.rows.map((r) => ({ ...r, group: `<b>${r.group}</b> jane.roe@mail.example` })) };
    const html = buildHtmlReport({ ...input, groups: evil, title: '<script>alert(1)</script>' }, echarts);
    expect(html).not.toContain('jane.roe@mail.example');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>');
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('Trends, 2026-W11 – 2026-W11');
  });

  it('writes a page for no data at all', () => {
    const html = buildHtmlReport(inputOf([]), echarts);
    expect(html).toContain('Periods: no data');
    expect(html).toContain('No findings in this period.');
  });
});
