import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Result, ResultSchema } from '@cxqa/core';
import { type KpiReport, periodOf } from '@cxqa/core/kpi';
import { chromium } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateMonth } from '../../../examples/generate-month.js';
import { findChromium } from './chromium.js';
import { jsonl, tempFiles } from './kpi-files.js';
import { run } from './run-cli.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const file = tempFiles('cxqa-report-html-');
const browser = findChromium();
if (!browser.path && !process.env.CI) console.warn(`report-html-browser.test.ts: browser tests skipped: ${browser.why}`);

/** Personal data planted in the input: none of it may reach the page, in text or in attributes. */
const PLANTED = [
  'Maria Schmidt',
  '+49 151 23456789',
  '23456789',
  'jonathan.price@example.org',
  'tom.wright@support.example',
  'mia.jones@example.net',
  '+44 7700 900123',
  '7700 900123',
];

/** Conversations on the month's last day whose messages, agent id and conversation id carry personal data; the agent is rude, so they need review. */
function plantedConversations(): Record<string, unknown>[] {
  const at = (min: number) => new Date(Date.UTC(2026, 2, 31, 9, min)).toISOString();
  return [
    {
      id: 'ticket-mia.jones@example.net',
      platform: 'shopify',
      channel: 'chat',
      inquiryType: 'order_issue',
      agentId: 'tom.wright@support.example',
      customer: { id: 'cust-planted', contact: 'jonathan.price@example.org', country: 'DE', timezone: 'Europe/Berlin' },
      resolved: false,
      csat: 1,
      messages: [
        { role: 'customer', text: 'My order never came. Call me, Maria Schmidt, +49 151 23456789, or write to jonathan.price@example.org', at: at(0) },
        { role: 'agent', text: 'Not our problem. Stop asking.', at: at(40) },
        { role: 'customer', text: 'This is terrible service. My other number: +44 7700 900123', at: at(45) },
        { role: 'agent', text: 'Nothing more I can do.', at: at(90) },
      ],
    },
  ];
}

let results = '';
let html = '';
let rows: Result[] = [];
const reportOf = async (by: string): Promise<KpiReport> => {
  const out = await run(['report', results, '--by', by, '--period', 'week']);
  expect(out.code, out.err).toBe(0);
  return JSON.parse(out.out) as KpiReport;
};

beforeAll(async () => {
  const input = file('month.jsonl', jsonl([...generateMonth({ conversations: 240, seed: 7 }), ...plantedConversations()]));
  results = file('results.jsonl', '');
  const inspected = await run(['inspect', input, '--format', 'jsonl', '--out', results]);
  expect(inspected.code, inspected.err).toBe(0);
  rows = readFileSync(results, 'utf8')
    .trim()
    .split('\n')
    .map((l) => ResultSchema.parse(JSON.parse(l)));
  html = file('report.html', '');
  const report = await run(['report', results, '--format', 'html', '--period', 'week', '--out', html, '--title', 'March <QA> & co']);
  expect(report.code, report.err).toBe(0);
}, 180_000);

describe('cxqa report --format html over a generated month', () => {
  it('writes one self-contained page: no script, no external reference, the title escaped', () => {
    const page = readFileSync(html, 'utf8');
    expect(page.startsWith('<!doctype html>')).toBe(true);
    expect(page).not.toMatch(/<script|<link|<img|<iframe|@import|url\(\s*['"]?https?:/i);
    expect(page).not.toMatch(/(src|href)="(https?:)?\/\//i);
    expect(page).toContain('<title>March &lt;QA&gt; &amp; co</title>');
    for (const secret of PLANTED) expect(page).not.toContain(secret);
  });

  it('writes CSV (one row per agent and week) and Markdown from the same results, agreeing with the JSON rows', async () => {
    const agents = await reportOf('agent');
    const csv = await run(['report', results, '--format', 'csv', '--period', 'week']);
    const md = await run(['report', results, '--format', 'md', '--period', 'week']);
    expect([csv.code, md.code]).toEqual([0, 0]);
    const csvLines = csv.out.trim().split('\n');
    expect(csvLines).toHaveLength(agents.rows.length + 1);
    expect(md.out.trim().split('\n')).toHaveLength(agents.rows.length + 2);
    // 20 agents plus the planted one, over the month's ISO weeks
    expect(new Set(agents.rows.map((r) => r.group)).size).toBe(21);
    expect(new Set(agents.rows.map((r) => r.period))).toEqual(new Set(['2026-W09', '2026-W10', '2026-W11', '2026-W12', '2026-W13', '2026-W14']));
    for (const text of [csv.out, md.out]) for (const secret of PLANTED) expect(text).not.toContain(secret);
  });
});

describe.skipIf(!browser.path && !process.env.CI)(`the HTML report in headless Chromium${browser.path ? '' : ` (skipped: ${browser.why})`}`, () => {
  it('has a Chromium to run in (under CI a missing browser fails)', () => {
    expect(browser.path, browser.why).not.toBeNull();
  });

  it('renders offline with no console error, every chart with one mark per data row, no personal data in the DOM', async () => {
    const b = await chromium.launch({ executablePath: browser.path!, args: ['--no-sandbox'] });
    try {
      const page = await b.newPage({ viewport: { width: 1240, height: 900 } });
      const errors: string[] = [];
      const outside: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      page.on('pageerror', (e) => errors.push(e.message));
      const url = pathToFileURL(html).href;
      await page.route('**/*', (route) => {
        if (route.request().url() === url) return route.continue();
        outside.push(route.request().url());
        return route.abort();
      });
      await page.goto(url, { waitUntil: 'load' });
      expect(errors).toEqual([]);
      expect(outside).toEqual([]);
      // every chart is laid out at a visible size
      const widths = await page.$$eval('figure[data-chart] > svg', (svgs) => svgs.map((s) => s.getBoundingClientRect().width));
      expect(widths.length).toBeGreaterThan(4);
      expect(widths.every((w) => w > 100)).toBe(true);

      // marks per chart and series, read from the DOM (ECharts SSR tags each mark with its series and data index)
      const marks: Record<string, { counts: number[]; name: string }> = await page.$$eval('figure[data-chart]', (figures) =>
        Object.fromEntries(
          figures.map((f) => {
            const counts: number[] = [];
            for (const el of f.querySelectorAll('[ecmeta_ssr_type="chart"][ecmeta_data_index]')) {
              const s = Number(el.getAttribute('ecmeta_series_index'));
              counts[s] = (counts[s] ?? 0) + 1;
            }
            const name = f.closest('article')?.querySelector('h3')?.textContent ?? '';
            return [f.getAttribute('data-chart'), { counts: Array.from(counts, (c) => c ?? 0), name }];
          }),
        ),
      );

      // what each chart must show, computed from the KPI rows and the results
      const agents = await reportOf('agent');
      const regions = await reportOf('region');
      const periods = [...new Set(regions.rows.map((r) => r.period))].sort();
      const current = periods.at(-1)!;
      const previous = periods.at(-2)!;
      const trend = periods.slice(-6);
      const known = (values: (number | null | undefined)[]) => values.filter((v) => v !== null && v !== undefined).length;
      const regionNow = regions.rows.filter((r) => r.period === current);
      const agentNow = agents.rows.filter((r) => r.period === current);
      const scoredPeriods = trend.filter((p) => regions.rows.some((r) => r.period === p && r.qa.scored > 0));
      expect(marks.overview?.counts).toEqual([trend.length, scoredPeriods.length]);
      expect(marks.groups?.counts).toEqual([known(agentNow.map((r) => r.qa.mean)), known(agentNow.map((r) => r.sla.firstResponse))]);
      expect(marks['sla-regions']?.counts).toEqual([known(regionNow.map((r) => r.sla.firstResponse)), known(regionNow.map((r) => r.sla.resolution))]);
      const codes = new Set<string>();
      for (const r of rows) if (r.startedAt && periodOf('week', 'UTC', Date.parse(r.startedAt)).key === current) for (const f of r.findings) codes.add(f.code);
      const shown = Math.min(15, codes.size);
      expect(marks.findings?.counts).toEqual([shown, shown]);
      const trendCharts = Object.entries(marks).filter(([id]) => id?.startsWith('trend-'));
      const groupsInTrend = new Set(agents.rows.filter((r) => trend.includes(r.period)).map((r) => r.group));
      expect(trendCharts).toHaveLength(groupsInTrend.size);
      for (const [, { counts, name }] of trendCharts) {
        const mine = trend.map((p) => agents.rows.find((r) => r.group === name && r.period === p));
        expect(counts, name).toEqual([known(mine.map((r) => r?.qa.mean)), known(mine.map((r) => r?.sla.firstResponse))]);
      }
      expect(previous).toBeDefined();

      // no raw personal data anywhere in the DOM, text or attributes; the planted conversation is listed, masked
      const dom = await page.content();
      const text = (await page.locator('body').textContent()) ?? '';
      for (const secret of PLANTED) {
        expect(dom).not.toContain(secret);
        expect(text).not.toContain(secret);
      }
      const planted = rows.find((r) => r.findings.some((f) => f.code.startsWith('pii.')) && r.startedAt?.startsWith('2026-03-31T09:00'))!;
      expect(planted.review.needed || planted.pass === false).toBe(true);
      expect(text).toContain(planted.conversationId!);
      expect(text).toContain(planted.agentIds[0]!);

      mkdirSync(join(ROOT, 'artifacts'), { recursive: true });
      await page.screenshot({ path: join(ROOT, 'artifacts', 'report.png'), fullPage: true });
      // the print stylesheet applies: no navigation on paper
      expect(await page.locator('nav').isVisible()).toBe(true);
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('nav').isVisible()).toBe(false);
    } finally {
      await b.close();
    }
  }, 120_000);
});
