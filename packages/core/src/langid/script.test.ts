import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countScripts, type ScriptCounts, scriptLanguage, scriptOf } from './script.js';

/** countScripts as it was written before its lookup table: `scriptOf` of every code point. */
function referenceCounts(text: string): ScriptCounts {
  const c: ScriptCounts = { latin: 0, han: 0, kana: 0, hangul: 0, cyrillic: 0, arabic: 0, hebrew: 0, greek: 0, thai: 0, devanagari: 0 };
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i)!;
    if (cp > 0xffff) i++;
    const script = scriptOf(cp);
    if (script) c[script]++;
  }
  return c;
}

/** scriptLanguage as it was written before (a list of weights, the first strictly highest wins). */
function referenceLanguage(text: string, c: ScriptCounts): string | null {
  const weighted: [string, number][] = [
    ['latin', c.latin / 4],
    ['cjk', (c.han + c.kana) * 1],
    ['ko', c.hangul / 1.5],
    ['cyrillic', c.cyrillic / 4],
    ['ar', c.arabic / 4],
    ['he', c.hebrew / 4],
    ['el', c.greek / 4],
    ['th', c.thai / 3],
    ['hi', c.devanagari / 3],
  ];
  let best = '';
  let bestScore = 0;
  for (const [k, v] of weighted) if (v > bestScore) [best, bestScore] = [k, v];
  if (bestScore === 0) return null;
  if (best === 'cjk') return c.kana > 0 ? 'ja' : 'zh';
  if (best === 'cyrillic') return /[іїєґ]/iu.test(text) ? 'uk' : 'ru';
  if (best === 'ar') return /[پچژگ]/u.test(text) ? 'fa' : 'ar';
  return best;
}

describe('countScripts', () => {
  it('counts every BMP code point as scriptOf says', () => {
    const all = Array.from({ length: 0x10000 }, (_, cp) => String.fromCharCode(cp));
    for (const ch of all) expect(countScripts(ch)).toEqual(referenceCounts(ch));
  });

  it('counts any text, astral letters and lone surrogates included, as scriptOf says', () => {
    const pieces = fc.constantFrom(
      'Grüße',
      '手机',
      'カタ',
      '한국',
      'Привет',
      'مرحبا',
      'شکر',
      'שלום',
      'Γειά',
      'สวัสดี',
      'नमस्ते',
      '𠀀',
      '😀',
      '\ud83d',
      '\ude00',
      'ｈｉ',
      'ª',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(pieces, fc.string({ unit: 'binary', maxLength: 5 })), { maxLength: 10 }), (parts) => {
        const text = parts.join('');
        expect(countScripts(text)).toEqual(referenceCounts(text));
      }),
      { numRuns: 500 },
    );
  });
});

describe('scriptLanguage', () => {
  it('picks the script the list of weights picks, ties included', () => {
    const n = fc.integer({ min: 0, max: 12 });
    const counts = fc.record({ latin: n, han: n, kana: n, hangul: n, cyrillic: n, arabic: n, hebrew: n, greek: n, thai: n, devanagari: n });
    fc.assert(
      fc.property(counts, fc.constantFrom('', 'ї', 'پ', 'x'), (c, text) => {
        expect(scriptLanguage(text, c)).toBe(referenceLanguage(text, c));
      }),
      { numRuns: 2000 },
    );
  });
});
