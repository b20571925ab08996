import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@cxqa/cli';
import { DEFAULT_SCORECARD, type Result, ResultSchema } from '@cxqa/core';
import { describe, expect, it } from 'vitest';
import { closestKey, editDistance } from '../src/config-keys.js';
import { run } from './run-cli.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const EXAMPLES = join(ROOT, 'examples', 'data', 'conversations.jsonl');
const dir = mkdtempSync(join(tmpdir(), 'cxqa-config-'));
let n = 0;
const configFile = (config: unknown) => {
  const path = join(dir, `c${n++}.json`);
  writeFileSync(path, JSON.stringify(config));
  return path;
};
const results = (jsonl: string) =>
  jsonl
    .trim()
    .split('\n')
    .map((l) => ResultSchema.parse(JSON.parse(l)) as Result);

describe('config keys are validated strictly', () => {
  for (const [config, key, closest] of [
    [{ timelimitMs: 5000 }, 'timelimitMs', 'timeLimitMs'],
    [{ scorecrd: { passThreshold: 70 } }, 'scorecrd', 'scorecard'],
    [{ scoreCard: { passThreshold: 70 } }, 'scoreCard', 'scorecard'],
    [{ scorecard: { passTreshold: 70 } }, 'scorecard.passTreshold', 'scorecard.passThreshold'],
    [{ timing: { businessHours: { strat: '08:00' } } }, 'timing.businessHours.strat', 'timing.businessHours.start'],
    [{ csv: { columns: { txt: 'body' } } }, 'csv.columns.txt', 'csv.columns.text'],
    [{ scorecard: { dimensions: [{ name: 'timeliness', wieght: 30 }] } }, 'scorecard.dimensions.0.wieght', 'scorecard.dimensions.0.weight'],
  ] as const) {
    it(`"${key}" is an exit-2 error naming the key, the file and "${closest}"`, async () => {
      const path = configFile(config);
      const { code, out, err } = await run(['inspect', EXAMPLES, '--config', path]);
      expect(code).toBe(2);
      expect(out).toBe('');
      expect(err).toBe(`cxqa: ${path}: unknown key "${key}" (did you mean "${closest}"?)\n`);
    });
  }

  it('a key far from every known one lists the known keys', () => {
    expect(() => loadConfig(configFile({ frobnicate: true }))).toThrow(/unknown key "frobnicate" \(known keys: scorecard, timing, .*sentimentModel\)/);
  });

  it('edit distance is case-insensitive for suggestions and refuses far keys', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(closestKey('SCORECARD', ['timing', 'scorecard'])).toBe('scorecard');
    expect(closestKey('zzz', ['timing', 'scorecard'])).toBeUndefined();
  });
});

describe('partial overrides are merged onto the defaults', () => {
  it('{"scorecard": {"passThreshold": N}} works and keeps every default dimension', async () => {
    const judged = async (passThreshold: number) => results((await run(['inspect', EXAMPLES, '--config', configFile({ scorecard: { passThreshold } })])).out);
    const strict = await judged(100);
    const lenient = await judged(0);
    const scores = strict.map((r) => r.score);
    expect(lenient.map((r) => r.score)).toEqual(scores);
    expect(strict.map((r) => r.pass)).toEqual(strict.map((r) => r.score === 100 && !r.dimensions.some((d) => d.name === 'fail')));
    expect(lenient.filter((r) => r.pass).length).toBeGreaterThan(strict.filter((r) => r.pass).length);
    const names = DEFAULT_SCORECARD.dimensions.map((d) => d.name);
    for (const r of strict) expect(r.dimensions.map((d) => d.name).filter((n) => names.includes(n))).toEqual(names);
  });

  it('dimensions are merged by name (new names appended); other arrays are replaced', () => {
    const config = loadConfig(
      configFile({
        scorecard: {
          dimensions: [
            { name: 'timeliness', weight: 50 },
            { name: 'branding', weight: 10, findings: ['signature.*'] },
          ],
          failOn: [{ code: 'pii.*', minSeverity: 'major' }],
        },
      }),
    );
    const sc = config.scorecard!;
    expect(sc.dimensions.map((d) => d.name)).toEqual([...DEFAULT_SCORECARD.dimensions.map((d) => d.name), 'branding']);
    const timeliness = sc.dimensions.find((d) => d.name === 'timeliness')!;
    const defaultTimeliness = DEFAULT_SCORECARD.dimensions.find((d) => d.name === 'timeliness')!;
    expect(timeliness).toEqual({ ...defaultTimeliness, weight: 50 });
    expect(sc.failOn).toEqual([{ code: 'pii.*', minSeverity: 'major' }]);
    expect(sc.review).toEqual(DEFAULT_SCORECARD.review);
    expect(sc.passThreshold).toBe(DEFAULT_SCORECARD.passThreshold);
  });

  it('a partial nested timing object is merged onto the timing defaults', () => {
    const config = loadConfig(configFile({ timing: { businessHours: { start: '08:00' } } }));
    expect(config.timing?.businessHours).toEqual({ days: [1, 2, 3, 4, 5], start: '08:00', end: '18:00' });
  });

  it("the merged result is validated by core's schema: errors name the field, the file and the dimension", async () => {
    const path = configFile({ scorecard: { passThreshold: 170, dimensions: [{ name: 'branding', weight: 5 }] } });
    const { code, err } = await run(['inspect', EXAMPLES, '--config', path]);
    expect(code).toBe(2);
    expect(err).toMatch(
      new RegExp(
        `^cxqa: ${path.replace(/[.]/g, '\\.')}: scorecard\\.passThreshold: .*100.*; scorecard\\.dimensions\\.\\d+ \\(branding\\)\\.findings: [^\\n]*\\n$`,
      ),
    );
    expect(() =>
      loadConfig(
        configFile({
          scorecard: {
            dimensions: [
              { name: 'outcome', weight: 1 },
              { name: 'outcome', weight: 2 },
            ],
          },
        }),
      ),
    ).toThrow(/"outcome" is listed twice/);
  });
});

describe('keys that name Object.prototype', () => {
  it('__proto__, constructor and toString are unknown keys with a one-line error, never a stack trace', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cxqa-proto-'));
    for (const body of [
      '{"__proto__":{"x":1}}',
      '{"scorecard":{"__proto__":{}}}',
      '{"constructor":{"prototype":{}}}',
      '{"csv":{"columns":{"toString":"x"}}}',
    ]) {
      const file = join(dir, 'c.json');
      writeFileSync(file, body);
      const { code, err } = await run(['inspect', '-', '--config', file], '');
      expect(code, body).toBe(2);
      expect(err, body).toMatch(/unknown key/);
      expect(err, body).not.toMatch(/internal error|at .*\.ts:\d+/);
    }
    const big = await run(['inspect', '-', '--concurrency', '1000000000'], '');
    expect(big.code).toBe(2);
    expect(big.err).toMatch(/--concurrency 1000000000: expected an integer from 1 to 256/);
  });
});
