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
export function scriptOf(cp: number): keyof ScriptCounts | null {
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

const SCRIPTS: readonly (keyof ScriptCounts)[] = ['latin', 'han', 'kana', 'hangul', 'cyrillic', 'arabic', 'hebrew', 'greek', 'thai', 'devanagari'];
/** `scriptOf` of every BMP unit as 1 + its index in SCRIPTS (0 = none), made on first use. */
let bmpScript: Uint8Array | undefined;
function bmpScripts(): Uint8Array {
  const table = new Uint8Array(0x10000);
  for (let cp = 0; cp < 0x10000; cp++) {
    const script = scriptOf(cp);
    if (script) table[cp] = SCRIPTS.indexOf(script) + 1;
  }
  return table;
}

/** Letters of each script in `text`, by code point (`scriptOf`; a BMP unit through a table made from it). */
export function countScripts(text: string): ScriptCounts {
  const table = (bmpScript ??= bmpScripts());
  const n = new Int32Array(SCRIPTS.length + 1);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) {
      const cp = text.codePointAt(i)!;
      if (cp > 0xffff) {
        i++;
        const script = scriptOf(cp);
        if (script) n[SCRIPTS.indexOf(script) + 1]!++;
        continue;
      }
    }
    n[table[code]!]!++;
  }
  return { latin: n[1]!, han: n[2]!, kana: n[3]!, hangul: n[4]!, cyrillic: n[5]!, arabic: n[6]!, hebrew: n[7]!, greek: n[8]!, thai: n[9]!, devanagari: n[10]! };
}

/** Each script's weight, in the order ties are decided (the first strictly highest wins): made once, not per message. */
const SCRIPT_WEIGHTS: readonly (readonly [string, (c: ScriptCounts) => number])[] = [
  ['latin', (c) => c.latin / 4],
  ['cjk', (c) => (c.han + c.kana) * 1],
  ['ko', (c) => c.hangul / 1.5],
  ['cyrillic', (c) => c.cyrillic / 4],
  ['ar', (c) => c.arabic / 4],
  ['he', (c) => c.hebrew / 4],
  ['el', (c) => c.greek / 4],
  ['th', (c) => c.thai / 3],
  ['hi', (c) => c.devanagari / 3],
];

/**
 * Decide the dominant script. A CJK character weighs about as much as a four-letter Latin
 * word, so "Tom是我的朋友" is Chinese and "I bought a 手机 yesterday" is not.
 * Returns the language a non-Latin script implies, 'latin' for the n-gram model, or null
 * when there are no letters at all.
 */
export function scriptLanguage(text: string, c: ScriptCounts = countScripts(text)): string | null {
  let best = '';
  let bestScore = 0;
  for (const [script, weight] of SCRIPT_WEIGHTS) {
    const v = weight(c);
    if (v > bestScore) {
      best = script;
      bestScore = v;
    }
  }
  if (bestScore === 0) return null;
  if (best === 'cjk') return c.kana > 0 ? 'ja' : 'zh';
  if (best === 'cyrillic') return /[іїєґ]/iu.test(text) ? 'uk' : 'ru';
  if (best === 'ar') return /[پچژگ]/u.test(text) ? 'fa' : 'ar';
  return best;
}
