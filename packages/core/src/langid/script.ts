/** Script-based shortcuts: writing systems that name their language outright. */

export interface ScriptCounts {
  latin: number;
  han: number;
  kana: number;
  hangul: number;
  cyrillic: number;
  arabic: number;
  hebrew: number;
  greek: number;
  thai: number;
  devanagari: number;
}

const TESTS: [keyof ScriptCounts, RegExp][] = [
  ['latin', /\p{Script=Latin}/u],
  ['han', /\p{Script=Han}/u],
  ['kana', /[\p{Script=Hiragana}\p{Script=Katakana}\u30FC]/u],
  ['hangul', /\p{Script=Hangul}/u],
  ['cyrillic', /\p{Script=Cyrillic}/u],
  ['arabic', /\p{Script=Arabic}/u],
  ['hebrew', /\p{Script=Hebrew}/u],
  ['greek', /\p{Script=Greek}/u],
  ['thai', /\p{Script=Thai}/u],
  ['devanagari', /\p{Script=Devanagari}/u],
];

export function countScripts(text: string): ScriptCounts {
  const c: ScriptCounts = { latin: 0, han: 0, kana: 0, hangul: 0, cyrillic: 0, arabic: 0, hebrew: 0, greek: 0, thai: 0, devanagari: 0 };
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x41) continue;
    for (const [name, re] of TESTS) {
      if (re.test(ch)) {
        c[name]++;
        break;
      }
    }
  }
  return c;
}

/**
 * Decide the dominant script. A CJK character weighs about as much as a four-letter Latin
 * word, so "Tom是我的朋友" is Chinese and "I bought a 手机 yesterday" is not.
 * Returns the language a non-Latin script implies, 'latin' for the n-gram model, or null
 * when there are no letters at all.
 */
export function scriptLanguage(text: string, c: ScriptCounts = countScripts(text)): string | null {
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
