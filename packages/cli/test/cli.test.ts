import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCsv } from '@cxqa/cli';
import { type Result, ResultSchema } from '@cxqa/core';
import { describe, expect, it } from 'vitest';
import { run } from './run-cli.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const FIX = join(ROOT, 'fixtures', 'cli');

const results = (jsonl: string) =>
  jsonl
    .trim()
    .split('\n')
    .map((l) => ResultSchema.parse(JSON.parse(l)) as Result);

describe('cxqa inspect', () => {
  it('returns exactly one result per non-blank line, in order, with the right statuses', async () => {
    const { code, out, err } = await run(['inspect', join(FIX, 'mixed.jsonl')]);
    expect(code).toBe(0);
    const rs = results(out);
    expect(rs.map((r) => [r.conversationId, r.status])).toEqual([
      ['ok-1', 'ok'],
      ['broken-json', 'invalid'],
      ['bad-schema', 'invalid'],
      ['ok-2', 'ok'],
      [null, 'invalid'],
    ]);
    expect(rs[1]!.issues[0]).toMatchObject({ code: 'invalid_json', line: 2 });
    expect(rs[2]!.issues.map((i) => i.path?.join('.'))).toEqual(['messages.0.role', 'messages.0.at']);
    expect(rs[2]!.issues[0]!.line).toBe(3);
    expect(rs[4]!.issues[0]!.line).toBe(6);
    expect(err).toContain('5 conversations: 2 ok, 0 partial, 3 invalid');
    expect(err).toContain('timing.first_response_breach 1');
  });

  it('exits 1 when --fail-on is triggered', async () => {
    expect((await run(['inspect', join(FIX, 'mixed.jsonl'), '--fail-on', 'invalid'])).code).toBe(1);
    expect((await run(['inspect', join(FIX, 'mixed.jsonl'), '--fail-on', 'partial'])).code).toBe(0);
    expect((await run(['inspect', join(FIX, 'mixed.jsonl'), '--fail-on', 'breach'])).code).toBe(1);
  });

  it('reads stdin and writes --out', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cxqa-cli-'));
    const outFile = join(dir, 'r.jsonl');
    const line = readFileSync(join(FIX, 'mixed.jsonl'), 'utf8').split('\n')[0]!;
    const { code, out } = await run(['inspect', '-', '--out', outFile, '--concurrency', '2'], `${line}\n${line}\n`);
    expect(code).toBe(0);
    expect(out).toBe('');
    expect(results(readFileSync(outFile, 'utf8')).map((r) => r.conversationId)).toEqual(['ok-1', 'ok-1']);
  });

  it('maps a CSV export with a column mapping, grouping rows into conversations', async () => {
    const { out } = await run(['inspect', join(FIX, 'export.csv'), '--config', join(FIX, 'csv-config.json')]);
    const rs = results(out);
    expect(rs.map((r) => [r.conversationId, r.status])).toEqual([
      ['T-1', 'ok'],
      ['T-2', 'ok'],
      ['T-3', 'invalid'],
    ]);
    expect(rs[0]!.metrics['timing.firstResponseSeconds']).toBe(240);
    expect(rs[1]!.metrics['timing.firstResponseSeconds']).toBe(3600);
    expect(rs[2]!.issues[0]).toMatchObject({ path: ['messages', 0, 'at'], line: 7 });
  });

  it('prints a readable report with --format pretty', async () => {
    const { out } = await run(['inspect', join(ROOT, 'examples', 'data', 'conversations.jsonl'), '--format', 'pretty']);
    expect(out).toMatch(/shopify-2002 {2}OK {2}score 67\.7 {2}pass/);
    expect(out).toMatch(/\[info\] politeness\.no_acknowledgement @2: the customer complained \(message 0\) and this reply acknowledges nothing/);
    expect(out).toContain('review: customer_dissatisfied');
    expect(out).toMatch(/amz-9009 {2}OK {2}score 63\.8 {2}FAIL/);
    expect(out).toMatch(/fail: fails on policy\.review_manipulation \(critical, message 1\)/);
    expect(out).toMatch(/review: customer_dissatisfied, marketplace_policy/);
    expect(out).toContain('[critical] pii.credit_card @1 •••• •••• •••• 1111: the agent repeated');
    expect(out).toContain('target for North America, in business hours: 5 min');
  });

  it('reports a bad config file with its path and exit code 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cxqa-cli-'));
    writeFileSync(join(dir, 'c.json'), JSON.stringify({ timing: { businessHours: { days: [9], start: '09:00', end: '18:00' } } }));
    const { code, err } = await run(['inspect', join(FIX, 'mixed.jsonl'), '--config', join(dir, 'c.json')]);
    expect(code).toBe(2);
    expect(err).toMatch(/businessHours\.days\.0/);
    expect((await run(['inspect', join(dir, 'missing.jsonl')])).code).toBe(2);
    expect((await run(['inspect'])).err).toMatch(/exactly one FILE/);
    expect((await run(['frobnicate'])).code).toBe(2);
  });
});

describe('cxqa eval', () => {
  it('runs the fixtures task, writes the JSON report and passes the committed thresholds', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cxqa-eval-'));
    const json = join(dir, 'report.json');
    const { code, out, err } = await run(['eval', '--corpora', join(dir, 'none'), '--fixtures', join(ROOT, 'fixtures'), '--json', json]);
    expect(code).toBe(0);
    expect(out).toMatch(/timing +fixtures\/timing +accuracy +1\.0000 +35/);
    expect(err).toContain('skipped (not found): langid-tatoeba-tatodet');
    const report = JSON.parse(readFileSync(json, 'utf8'));
    expect(report.results[0]).toEqual({ task: 'timing', corpus: 'fixtures/timing', metric: 'accuracy', value: 1, n: 35 });
  }, 120_000); // a child process runs every fixtures task: 18 s alone, 40 s beside the rest of the suite on 2 busy cores

  it('exits 1 when a metric is below its threshold', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cxqa-eval-'));
    writeFileSync(join(dir, 't.json'), JSON.stringify({ thresholds: [{ task: 'timing', corpus: 'fixtures/timing', metric: 'accuracy', min: 1.01 }] }));
    const { code, err } = await run(['eval', '--corpora', dir, '--fixtures', join(ROOT, 'fixtures'), '--thresholds', join(dir, 't.json')]);
    expect(code).toBe(1);
    expect(err).toMatch(/FAIL timing fixtures\/timing accuracy: 1\.0000 < 1\.01/);
  });

  it('rejects an unknown task name with exit 2, listing the tasks', async () => {
    const { code, err } = await run(['eval', '--task', 'timing', '--task', 'nope']);
    expect(code).toBe(2);
    expect(err).toMatch(/--task nope: no such task \(tasks: langid, timing, .*precision, blind, injection, llm-calibration\)/);
  });
});

describe('parseCsv', () => {
  it('handles quotes, doubled quotes, embedded newlines, CRLF and a BOM', () => {
    const rows = parseCsv('\uFEFFa,b\r\n"x, y","he said ""hi"""\r\n"multi\nline",2\n');
    expect(rows).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['x, y', 'he said "hi"'] },
      { line: 3, cells: ['multi\nline', '2'] },
    ]);
  });
});
