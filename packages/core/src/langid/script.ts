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

/** Which script a code point belongs to, by Unicode block ranges (no regex per character). */
function scriptOf(cp: number): keyof ScriptCounts | null {
  if (cp < 0x41) return null;
  if (cp <= 0x7a) return cp <= 0x5a || cp >= 0x61 ? 'latin' : null;
  if (cp < 0xc0) return cp === 0xaa || cp === 0xba ? 'latin' : null;
  if (cp <= 0x24f) return cp === 0xd7 || cp === 0xf7 ? null : 'latin';
  if (cp >= 0x370 && cp <= 0x3ff) return 'greek';
  if (cp >= 0x400 && cp <= 0x52f) return 'cyrillic';
  if (cp >= 0x590 && cp <= 0x5ff) return 'hebrew';
  if ((cp >= 0x600 && cp <= 0x6ff) || (cp >= 0x750 && cp <= 0x77f) || (cp >= 0xfb50 && cp <= 0xfeff)) return 'arabic';
  if (cp >= 0x900 && cp <= 0x97f) return 'devanagari';
  if (cp >= 0xe00 && cp <= 0xe7f) return 'thai';
  if ((cp >= 0x1100 && cp <= 0x11ff) || (cp >= 0x3130 && cp <= 0x318f) || (cp >= 0xac00 && cp <= 0xd7af)) return 'hangul';
  if (cp >= 0x1e00 && cp <= 0x1eff) return 'latin';
  if ((cp >= 0x3040 && cp <= 0x30ff) || (cp >= 0x31f0 && cp <= 0x31ff) || (cp >= 0xff66 && cp <= 0xff9f)) return 'kana';
  if ((cp >= 0x3400 && cp <= 0x9fff) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0x20000 && cp <= 0x3134f)) return 'han';
  if (cp >= 0xff21 && cp <= 0xff5a) return cp <= 0xff3a || cp >= 0xff41 ? 'latin' : null;
  return null;
}

export function countScripts(text: string): ScriptCounts {
  const c: ScriptCounts = { latin: 0, han: 0, kana: 0, hangul: 0, cyrillic: 0, arabic: 0, hebrew: 0, greek: 0, thai: 0, devanagari: 0 };
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i)!;
    if (cp > 0xffff) i++;
    const script = scriptOf(cp);
    if (script) c[script]++;
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
