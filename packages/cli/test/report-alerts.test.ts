import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '@cxqa/cli';
import { ResultSchema } from '@cxqa/core';
import type { KpiReport } from '@cxqa/core/kpi';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { jsonl, resultRecord, tempFiles } from './kpi-files.js';
import { run } from './run-cli.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const file = tempFiles('cxqa-report-');

describe('cxqa report', () => {
  it('turns inspected results into KPIs per agent and month: JSON, CSV (one row per group and period) and Markdown agree', async () => {
    const config = file('salt.json', JSON.stringify({ customerKeySaltEnv: 'CXQA_TEST_SALT' }));
    const results = file('results.jsonl', '');
    const inspected = await run(['inspect', join(ROOT, 'examples/data/conversations.jsonl'), '--config', config, '--out', results], '', {
      env: { CXQA_TEST_SALT: 'pepper' },
    });
    expect(inspected.code).toBe(0);
    const first = ResultSchema.parse(JSON.parse(readFileSync(results, 'utf8').split('\n')[0]!));
    expect(first.schemaVersion).toBe(2);

    const json = await run(['report', results, '--period', 'month', '--by', 'agent']);
    expect(json.code).toBe(0);
    const report = JSON.parse(json.out) as KpiReport;
    const total = readFileSync(results, 'utf8').trim().split('\n').length;
    expect(report.rows.reduce((n, r) => n + r.conversations, 0) + report.skipped.invalid + report.skipped.undated).toBeGreaterThanOrEqual(total);

    const csv = await run(['report', results, '--period', 'month', '--by', 'agent', '--format', 'csv']);
    const rows = parse(csv.out, { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => [r.period, r.group, Number(r.conversations)])).toEqual(report.rows.map((r) => [r.period, r.group, r.conversations]));
    expect(rows.map((r) => (r.qaMean === '' ? null : Number(r.qaMean)))).toEqual(
      report.rows.map((r) => (r.qa.mean === null ? null : Math.round(r.qa.mean * 1e4) / 1e4)),
    );

    const md = await run(['report', results, '--period', 'month', '--format', 'md']);
    const lines = md.out.trim().split('\n');
    expect(lines[0]).toMatch(/^\| period +\| periodStart +\| group +\| conversations/);
    expect(lines).toHaveLength(report.rows.length + 2);
  });

  it('takes conversions from an orders CSV and utilisation from a status log', async () => {
    const results = file(
      'kpi-results.jsonl',
      jsonl([
        resultRecord({ conversationId: 'o1', agentIds: ['p1'], customerKey: 'K1', startedAt: '2026-03-02T10:00:00.000Z' }),
        resultRecord({ conversationId: 'o2', agentIds: ['p1'], customerKey: 'K2', startedAt: '2026-03-02T11:00:00.000Z' }),
        resultRecord({ conversationId: 'o3', agentIds: ['p1'], customerKey: 'K3', startedAt: '2026-03-02T12:00:00.000Z' }),
      ]),
    );
    // o1 by id; K2 ordered 71 h after o2 started (inside 72 h); K3 ordered 73 h after (outside)
    const orders = file('orders.csv', 'conversationId,customerKey,at\no1,,\n,K2,2026-03-05T10:00:00Z\n,K3,2026-03-05T13:00:00Z\n');
    const log = file(
      'status.jsonl',
      jsonl([
        { agentId: 'p1', status: 'busy', from: '2026-03-02T09:00:00Z', to: '2026-03-02T12:00:00Z' },
        { agentId: 'p1', status: 'online', from: '2026-03-02T12:00:00Z', to: '2026-03-02T13:00:00Z' },
      ]),
    );
    const r = await run(['report', results, '--period', 'all', '--orders', orders, '--status-log', log]);
    expect(r.code).toBe(0);
    const [row] = (JSON.parse(r.out) as KpiReport).rows;
    expect(row!.conversion).toEqual({ n: 3, rate: 2 / 3 });
    expect(row!.utilisation).toEqual({ busySeconds: 3 * 3600, idleSeconds: 3600, idleLowTrafficSeconds: 0, awaySeconds: 0, rate: 0.75 });
    const bad = await run(['report', results, '--orders', file('bad-orders.csv', 'customerKey\nK1\n')]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('bad-orders.csv row 2: not an order');
  });

  it('reads schema-1 results, saying they are left out for want of a start time (nothing left to report: exit 1)', async () => {
    const r = await run(['report', join(ROOT, 'fixtures/results/schema-v1.jsonl')]);
    expect(r.code).toBe(1);
    expect((JSON.parse(r.out) as KpiReport).skipped).toEqual({ invalid: 0, undated: 1 });
    expect(r.err).toContain('1 result(s) without a start time');
    expect(r.err).toContain('cxqa report: nothing to report');
  });

  it('nothing to report (no result in the input): the report is written, stderr and the page say so, exit 1 — 0 with --allow-empty', async () => {
    const empty = file('empty.jsonl', '');
    for (const format of ['html', 'json', 'csv', 'md']) {
      const r = await run(['report', empty, '--format', format]);
      expect({ format, code: r.code }).toEqual({ format, code: 1 });
      expect(r.err).toBe(`cxqa report: nothing to report: no valid result with a start time in ${empty} (pass --allow-empty to accept an empty report)\n`);
      if (format === 'html') expect(r.out).toContain('<strong>Nothing to report:</strong> the input holds no valid result with a start time.');
      if (format === 'json') expect((JSON.parse(r.out) as KpiReport).rows).toEqual([]);
    }
    const allowed = await run(['report', empty, '--format', 'html', '--allow-empty']);
    expect(allowed.code).toBe(0);
    expect(allowed.err).toBe(`cxqa report: nothing to report: no valid result with a start time in ${empty}\n`);
    // a page with rows has no such notice
    const results = file('dated.jsonl', jsonl([resultRecord({ conversationId: 'c1', startedAt: '2026-03-02T10:00:00Z' })]));
    const full = await run(['report', results, '--format', 'html']);
    expect(full.code, full.err).toBe(0);
    expect(full.err).toBe('');
    expect(full.out).not.toContain('Nothing to report');
  });

  it('stops on a line that is not a result, naming the file and the line; rejects a bad --by', async () => {
    const bad = file('bad.jsonl', `${readFileSync(join(ROOT, 'fixtures/results/schema-v1.jsonl'), 'utf8').trim()}\n{"conversationId": 3}\n`);
    const r = await run(['report', bad]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/bad\.jsonl line 2: not a result/);
    expect((await run(['report', bad, '--by', 'shop'])).err).toContain('--by shop: expected one of agent, team');
  });

  it('needs the salt variable that customerKeySaltEnv names', async () => {
    const config = file('salt2.json', JSON.stringify({ customerKeySaltEnv: 'CXQA_MISSING_SALT' }));
    const r = await run(['inspect', join(ROOT, 'examples/data/conversations.jsonl'), '--config', config]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('CXQA_MISSING_SALT is not set');
  });
});

describe('cxqa alerts', () => {
  const AT = '2026-03-02T12:00:00Z';
  const waiting = (n: number, seconds: number) =>
    Array.from({ length: n }, (_, i) => ({
      id: `w${i}`,
      inquiryType: 'logistics',
      messages: [{ role: 'customer', text: 'Any news?', at: new Date(Date.parse(AT) - seconds * 1000).toISOString() }],
    }));

  it('exits 1 with the alert and its conversations at 10 unanswered for 2 h, 0 at 9', async () => {
    const ten = await run(['alerts', file('ten.jsonl', jsonl(waiting(10, 7200))), '--at', AT]);
    expect(ten.code).toBe(1);
    const report = JSON.parse(ten.out);
    expect(report).toMatchObject({ at: '2026-03-02T12:00:00.000Z', checked: 10, level: 1, unreadable: [] });
    expect(report.alerts[0].conversations).toHaveLength(10);
    expect(ten.err).toContain('level 1 alert unanswered-2h: 10 conversations (threshold 10)');
    const nine = await run(['alerts', file('nine.jsonl', jsonl(waiting(9, 7200))), '--at', AT]);
    expect(nine.code).toBe(0);
    expect(JSON.parse(nine.out).alerts).toEqual([]);
  });

  it('takes rules from a file, lists unreadable records, and rejects a bad --at', async () => {
    const rules = file(
      'rules.json',
      JSON.stringify([{ id: 'logistics-1h', level: 3, condition: 'unresolved', minAge: '1h', minCount: 2, inquiryTypes: ['logistics'] }]),
    );
    const r = await run(['alerts', file('two.jsonl', `${jsonl(waiting(2, 3600))}not json\n`), '--at', AT, '--rules', rules]);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out);
    expect(report.alerts.map((a: { rule: string; level: number }) => [a.rule, a.level])).toEqual([['logistics-1h', 3]]);
    expect(report.unreadable).toHaveLength(1);
    expect(report.unreadable[0].line).toBe(3);
    const badRule = file('bad-rules.json', JSON.stringify([{ id: 'x', level: 1, condition: 'late', minAge: '1h', minCount: 1 }]));
    expect((await run(['alerts', file('one.jsonl', jsonl(waiting(1, 60))), '--rules', badRule])).err).toMatch(/bad-rules\.json: backlog rules: 0\.condition/);
    expect((await run(['alerts', file('one.jsonl', jsonl(waiting(1, 60))), '--at', 'yesterday'])).code).toBe(2);
  });
});

describe('docs/kpis.md', () => {
  it('has config examples that load', () => {
    const doc = readFileSync(join(ROOT, 'docs/kpis.md'), 'utf8');
    const blocks = [...doc.matchAll(/```json config\n([\s\S]*?)```/g)].map((m) => m[1]!);
    expect(blocks.length).toBe(3);
    for (const [i, block] of blocks.entries()) expect(() => loadConfig(file(`kpis-doc-${i}.json`, block))).not.toThrow();
  });
});
