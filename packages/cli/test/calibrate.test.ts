import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from './run-cli.js';

const DIR = join(import.meta.dirname, '..', '..', '..', 'fixtures', 'calibration');
const RESULTS = join(DIR, 'results.jsonl');
const REVIEWS = join(DIR, 'reviews.csv');

describe('cxqa calibrate', () => {
  it('prints κ, MAE, Spearman, the code table and the worst disagreements; --json writes the report', async () => {
    const json = join(mkdtempSync(join(tmpdir(), 'cxqa-cal-')), 'report.json');
    const { code, out } = await run(['calibrate', RESULTS, '--reviews', REVIEWS, '--json', json, '--top', '3']);
    expect(code).toBe(0);
    expect(out).toContain('11 of 12 reviews compared (no result for amz-0000)');
    expect(out).toContain('verdict: n 11, agreement 0.64, κ 0.29');
    expect(out).toContain('score: n 11, MAE 23.0, Spearman 0.49');
    expect(out).toMatch(/script\.missing_closing +4 +0\.50 +0\.20 +0\.33 +1\.00/);
    expect(out).toContain('shopify-8008 (ann): weight 1.763, score +76.3, verdict differs');
    const report = JSON.parse(readFileSync(json, 'utf8')) as { disagreements: unknown[]; verdict: { kappa: number } };
    expect(report.disagreements).toHaveLength(3);
    expect(report.verdict.kappa).toBeCloseTo(0.2903, 4);
  });

  it('reads results from stdin', async () => {
    const { code, out } = await run(['calibrate', '-', '--reviews', REVIEWS], readFileSync(RESULTS, 'utf8'));
    expect(code).toBe(0);
    expect(out).toContain('verdict: n 11');
  });

  it('usage and input errors exit 2 with one line naming what is wrong', async () => {
    let r = await run(['calibrate', RESULTS]);
    expect([r.code, r.err]).toEqual([2, expect.stringMatching(/--reviews FILE is required/)]);
    r = await run(['calibrate', '-', '--reviews', REVIEWS], '{"id":"c1","messages":[]}\n');
    expect([r.code, r.err]).toEqual([2, expect.stringMatching(/-:1: not a cxqa Result: /)]);
    // a Result whose parts are not what a Result holds: named, not a crash
    r = await run(['calibrate', '-', '--reviews', REVIEWS], '{"conversationId":"amz-1001","score":-50,"pass":null,"findings":[null],"dimensions":[null]}\n');
    expect([r.code, r.err]).toEqual([2, expect.stringMatching(/^cxqa: -:1: not a cxqa Result: [a-zA-Z.0-9]+: /)]);
    expect(r.err).not.toMatch(/internal error|TypeError/);
    // lines that are not JSON, an empty file, a conversation twice: exit 2, not a quiet 0
    r = await run(['calibrate', REVIEWS, '--reviews', REVIEWS]);
    expect([r.code, r.err]).toEqual([2, expect.stringMatching(/reviews\.csv:1: .*RESULTS is the JSONL cxqa inspect writes/)]);
    r = await run(['calibrate', '-', '--reviews', REVIEWS], '');
    expect([r.code, r.err]).toEqual([2, expect.stringMatching(/-: no results/)]);
    const line = readFileSync(RESULTS, 'utf8').split('\n')[0]!;
    r = await run(['calibrate', '-', '--reviews', REVIEWS], `${line}\n${line}\n`);
    expect([r.code, r.err]).toEqual([2, expect.stringMatching(/-:2: conversation amz-1001 has a result on line 1 already/)]);
    r = await run(['calibrate', RESULTS, '--reviews', join(DIR, 'missing.csv')]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/missing\.csv/);
    r = await run(['calibrate', RESULTS, '--reviews', REVIEWS, '--top=-1']);
    expect([r.code, r.err]).toEqual([2, expect.stringMatching(/--top -1: expected an integer ≥ 0/)]);
  });
});
