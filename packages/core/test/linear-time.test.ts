import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { builtinAnalyzers, createInspector, kbAnalyzer, parseKnowledgeBase, sensitiveAnalyzer } from '@cxqa/core';
import { extractQuantities } from '@cxqa/core/kb';
import { describe, expect, it } from 'vitest';

// Issue 12, "runs hang": shipped patterns and code must cost time linear in the text. Each check
// feeds adversarial inputs — a "pump" string repeated — at n and 4n characters and compares the
// best of a few runs: linear work grows about 4×, quadratic 16×. The bound (10×) leaves room for
// a noisy shared machine; these are growth ratios, not timings.

const GROWTH_LIMIT = 10;
/** Below this (ms) at 4n, a run is too short to measure: it passes. */
const FLOOR_MS = 2;

function best(run: () => void, times = 3): number {
  let min = Infinity;
  for (let k = 0; k < times; k++) {
    const t0 = performance.now();
    run();
    min = Math.min(min, performance.now() - t0);
  }
  return min;
}

/**
 * Best (shortest) of `times` runs of each of two workloads, run in alternation (small, big, small,
 * big …) so that a burst of load on the shared machine falls on both sizes, not on one of them.
 */
function bestPair(small: () => void, big: () => void, times = 3): { small: number; big: number } {
  const t = [Infinity, Infinity];
  for (let k = 0; k < times; k++)
    for (const [i, run] of [small, big].entries()) {
      const t0 = performance.now();
      run();
      t[i] = Math.min(t[i]!, performance.now() - t0);
    }
  return { small: t[0]!, big: t[1]! };
}

async function bestPairAsync(small: () => Promise<unknown>, big: () => Promise<unknown>, times = 2): Promise<{ small: number; big: number }> {
  const t = [Infinity, Infinity];
  for (let k = 0; k < times; k++)
    for (const [i, run] of [small, big].entries()) {
      const t0 = performance.now();
      await run();
      t[i] = Math.min(t[i]!, performance.now() - t0);
    }
  return { small: t[0]!, big: t[1]! };
}

/**
 * Growth ratio big/small, confirmed: a ratio over the limit is measured twice more and counts only
 * when every measurement is over it. A quadratic cost is over it every time; a load spike on a
 * shared machine (seen: 12–14× on linear code at load 17 on 2 cores) is not.
 */
function confirmedGrowth(measure: () => { small: number; big: number }): { small: number; big: number; ratio: number } {
  let last = { small: 0, big: 0, ratio: 0 };
  for (let k = 0; k < 3; k++) {
    const m = measure();
    last = { ...m, ratio: m.big / m.small };
    if (m.big <= FLOOR_MS || last.ratio <= GROWTH_LIMIT) return last;
  }
  return last;
}

async function confirmedGrowthAsync(
  measure: () => Promise<{ small: number; big: number }>,
  floor = FLOOR_MS,
): Promise<{ small: number; big: number; ratio: number }> {
  let last = { small: 0, big: 0, ratio: 0 };
  for (let k = 0; k < 3; k++) {
    const m = await measure();
    last = { ...m, ratio: m.big / m.small };
    if (m.big <= floor || last.ratio <= GROWTH_LIMIT) return last;
  }
  return last;
}

const pump = (p: string, n: number) => p.repeat(Math.ceil(n / p.length)).slice(0, n);

/** Every regex-looking string in the shipped data files (rule patterns, cues, policy patterns). */
function shippedPatterns(): { where: string; re: RegExp }[] {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const out: { where: string; re: RegExp }[] = [];
  const skip = new Set(['about', 'why', 'suggestion', 'examples', 'innocent', 'version']);
  const walk = (v: unknown, where: string) => {
    if (typeof v === 'string') {
      if (/[\\()[\]|*+?{}^$]/.test(v)) {
        try {
          out.push({ where, re: new RegExp(v, 'giu') });
        } catch {
          // a term with a symbol in it, not a pattern
        }
      }
    } else if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${where}.${i}`));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) if (!skip.has(k)) walk(x, `${where}.${k}`);
  };
  for (const dir of ['conduct', 'courtesy', 'sentiment', 'policies']) {
    for (const f of readdirSync(`${root}${dir}`).filter((x) => x.endsWith('.json')))
      walk(JSON.parse(readFileSync(`${root}${dir}/${f}`, 'utf8')), `${dir}/${f}`);
  }
  return out;
}

/** Pumps for one pattern: generic ones, and the literal words of the pattern itself (what makes `担当の\S+です` scan to the end from every start). */
function pumpsFor(source: string): string[] {
  const literals = [...new Set((source.match(/[\p{L}\p{N}][\p{L}\p{N} ']{0,12}/gu) ?? []).map((x) => x.trim()).filter(Boolean))].slice(0, 6);
  return ['a', ' ', 'a ', '1', '1 ', '。', '!', 'x.', ...literals, ...literals.map((l) => `${l} `)];
}

describe('linear time', () => {
  it('every shipped pattern grows linearly on adversarial inputs', () => {
    const slow: string[] = [];
    const patterns = shippedPatterns();
    expect(patterns.length).toBeGreaterThan(500);
    for (const { where, re } of patterns) {
      for (const p of pumpsFor(re.source)) {
        const scan = (text: string) => () => {
          for (const _ of text.matchAll(re));
        };
        if (best(scan(pump(p, 1000))) < FLOOR_MS / 20) continue;
        const { small, big, ratio } = confirmedGrowth(() => bestPair(scan(pump(p, 1000)), scan(pump(p, 4000))));
        if (big > FLOOR_MS && ratio > GROWTH_LIMIT) slow.push(`${where} on ${JSON.stringify(p)}: ${small.toFixed(2)} → ${big.toFixed(2)} ms`);
      }
    }
    expect(slow).toEqual([]);
  }, 120_000);

  it('knowledge-base quantity extraction grows linearly with the number of amounts', () => {
    const slow: string[] = [];
    for (const p of ['€1', '1€ ', '1 EUR ', 'EUR 1 ', '$1 ', '1.000,00 € ', '1 Tag ', '30 Tage ', '1-2 ', '五', '万', 'CHF 1 ', '3 days and a half ']) {
      const { small, big, ratio } = confirmedGrowth(() =>
        bestPair(
          () => extractQuantities(pump(p, 10_000)),
          () => extractQuantities(pump(p, 40_000)),
          5,
        ),
      );
      if (big > FLOOR_MS && ratio > GROWTH_LIMIT) slow.push(`${JSON.stringify(p)}: ${small.toFixed(1)} → ${big.toFixed(1)} ms`);
    }
    expect(slow).toEqual([]);
  }, 60_000);

  it('lexicon hits in unspaced scripts stay linear past 65,535 characters (ICU segmentation in pieces, boundaries asked once per message)', async () => {
    const inspector = createInspector({ analyzers: [sensitiveAnalyzer()], timeLimitMs: 600_000 });
    const slow: string[] = [];
    for (const p of ['ばかでかい, ', '你好笨蛋，', 'ไอ้โง่ ']) {
      const run = (n: number) => () => inspector.inspect({ id: 'cjk', messages: [{ role: 'customer', text: pump(p, n), at: '2026-03-02T10:00:00Z' }] });
      const { small, big, ratio } = await confirmedGrowthAsync(() => bestPairAsync(run(20_000), run(80_000), 1), 0);
      if (ratio > GROWTH_LIMIT) slow.push(`${JSON.stringify(p)}: ${small.toFixed(0)} → ${big.toFixed(0)} ms`);
    }
    expect(slow).toEqual([]);
  }, 300_000);

  it('the whole default pipeline grows linearly with message length', async () => {
    const kb = parseKnowledgeBase({
      version: '1',
      entries: [{ id: 'r', questions: ['how do I return an item'], answer: 'Returns within 30 days, refund 5 EUR.', mustMention: ['30 days'] }],
    });
    const inspector = createInspector({ analyzers: [...builtinAnalyzers(), kbAnalyzer({ kb })], timeLimitMs: 600_000 });
    const slow: string[] = [];
    for (const p of [
      'a',
      '1 ',
      '€1 ',
      '担当の',
      'Sie ',
      'du ',
      'bitte ',
      '我',
      '。',
      '!',
      'not ',
      'sorry ',
      '30 Tage ',
      'x@',
      'http://a',
      '해',
      'ません',
      ':)',
    ]) {
      const run = (n: number) => () =>
        inspector.inspect({
          id: 'g',
          customer: { country: 'DE' },
          platform: 'amazon',
          messages: [
            { role: 'customer', text: `how do I return an item? ${pump(p, n)}`, at: '2026-03-02T10:00:00Z' },
            { role: 'agent', text: pump(p, n), at: '2026-03-02T10:01:00Z' },
          ],
        });
      const { small, big, ratio } = await confirmedGrowthAsync(() => bestPairAsync(run(4000), run(16000)), FLOOR_MS * 10);
      if (big > FLOOR_MS * 10 && ratio > GROWTH_LIMIT) slow.push(`${JSON.stringify(p)}: ${small.toFixed(0)} → ${big.toFixed(0)} ms`);
    }
    expect(slow).toEqual([]);
  }, 300_000);
});
