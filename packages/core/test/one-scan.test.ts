import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinLexicon, compileLexicons, type Matcher, normalizeText } from '../src/index.js';
import { SHIPPED_LEXICONS } from '../src/lexicon/index.js';
import { Automaton } from '../src/matcher/aho-corasick.js';
import { matcherInternals } from '../src/matcher/matcher.js';
import { skeletonize } from '../src/matcher/skeleton.js';
import { overlappingMatcher } from './overlapping-matcher.js';

/** Real message texts from the verdict fixtures. */
const texts = readdirSync(new URL('../../../fixtures/verdicts/', import.meta.url))
  .filter((f) => f.endsWith('.jsonl'))
  .flatMap((f) =>
    readFileSync(new URL(`../../../fixtures/verdicts/${f}`, import.meta.url), 'utf8')
      .split('\n')
      .filter(Boolean)
      .flatMap((l) => (JSON.parse(l) as { conversation: { messages: { text: string }[] } }).conversation.messages.map((m) => m.text)),
  );

/**
 * Scan for several matchers at once, the way the policy engine does: one automaton over all their
 * patterns (each matcher's together, in its order), each matcher then given only its own hits.
 */
function oneScan(matchers: readonly Matcher[]): (text: string) => ReturnType<Matcher['match']>[] {
  const patterns: string[] = [];
  const owner: [number, number][] = [];
  matchers.forEach((m, k) => {
    matcherInternals(m).patterns.forEach((p, i) => {
      patterns.push(p);
      owner.push([k, i]);
    });
  });
  const automaton = new Automaton(patterns);
  return (text) => {
    const view = normalizeText(text);
    const sk = skeletonize(view.normalized, matcherInternals(matchers[0]!).fold);
    const scanned: number[][] = matchers.map(() => []);
    automaton.scanCodes(sk.codes, sk.length, (p, s, e) => {
      const [k, i] = owner[p]!;
      scanned[k]!.push(i, sk.starts[s]!, sk.ends[e - 1]!);
    });
    return matchers.map((m, k) => matcherInternals(m).matchScanned(view, scanned[k]!));
  };
}

describe('one automaton scan for several matchers (matchScanned)', () => {
  const lexicons = compileLexicons(SHIPPED_LEXICONS.map((n) => builtinLexicon(n))).matcher;
  const small = overlappingMatcher();

  it('gives every matcher exactly what its own match finds, on every verdict-fixture message', () => {
    expect(texts.length).toBeGreaterThan(900);
    const scan = oneScan([small, lexicons]);
    for (const text of texts) {
      const view = normalizeText(text);
      expect(scan(text), text).toEqual([small.match(view), lexicons.match(view)]);
    }
  });

  it('and on random text made of the terms, their obfuscations and allow-listed phrases', () => {
    const piece = fc.constantFrom('wechat', 'w.e.c.h.a.t', 'we chat', 'chat', 'wechat pay', '微信', '微 信', 'fuck', 'f*ck', 'sue you', ' ', '. ', 'x');
    const scan = oneScan([lexicons, small]);
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 10 }), (parts) => {
        const text = parts.join('');
        const view = normalizeText(text);
        expect(scan(text)).toEqual([lexicons.match(view), small.match(view)]);
      }),
      { numRuns: 300 },
    );
  });
});
