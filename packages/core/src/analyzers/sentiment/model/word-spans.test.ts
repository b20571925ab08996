import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { verdictMessages } from '../../../../test/verdict-messages.js';
import { WordSpans } from './word-spans.js';

const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}'’]*/gu;

/** The FNV-1a hash of the word's code units. */
function fnv(word: string): number {
  let a = 0x811c9dc5 | 0;
  for (let i = 0; i < word.length; i++) a = Math.imul(a ^ word.charCodeAt(i), 0x01000193);
  return a;
}

/** The regex's matches as [start, end, hash]. */
function byRegex(text: string): number[][] {
  return [...text.matchAll(WORD)].map((m) => [m.index, m.index + m[0].length, fnv(m[0])]);
}

function bySpans(spans: WordSpans, text: string): number[][] {
  const out: number[][] = [];
  for (let k = 0, n = spans.scan(text); k < n; k++) out.push([spans.starts[k]!, spans.ends[k]!, spans.hashes[k]!]);
  return out;
}

describe('word spans (the WORD regex without a regex, issue 16)', () => {
  const spans = new WordSpans();
  it('finds the spans and hashes of the regex: letters, marks, digits, apostrophes, astral letters, lone surrogates', () => {
    const cases = ["don't", 'don’t', "'quoted'", 'é\u0301x', '\u0301x', '𠀀𠀁 a', '\ud800a\udc00b', 'a\ud800', '١٢٣ ٤', 'ｗｏｒｄ', '한국어 말', '', '  ', 'x'];
    for (const text of cases) expect(bySpans(spans, text), text).toEqual(byRegex(text));
    // every code unit class at the edges of a word
    const unit = fc.oneof(
      fc.constantFrom('a', 'Z', '9', "'", '’', '\u0301', '\u0903', ' ', '-', '质', '𠀀', '𝟘', '\ud800', '\udc00', 'ß', 'Ⅻ', '½', '_', '😀', '\u200d'),
      fc.integer({ min: 0, max: 0x10ffff }).map((cp) => String.fromCodePoint(cp)),
    );
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 20 }), (parts) => {
        const text = parts.join('');
        expect(bySpans(spans, text), JSON.stringify(text)).toEqual(byRegex(text));
      }),
      { numRuns: 2000 },
    );
  });
  it('agrees on every verdict-fixture message and on more words than the first arrays hold', () => {
    for (const { text } of verdictMessages()) expect(bySpans(spans, text), text).toEqual(byRegex(text));
    const long = Array.from({ length: 500 }, (_, k) => `w${k}`).join(' ');
    expect(bySpans(spans, long)).toEqual(byRegex(long));
  });
});
