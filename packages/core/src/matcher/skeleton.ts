/**
 * The "skeleton" of a normalized text: what is left once the usual obfuscations are undone —
 * look-alike letters from other scripts (Cyrillic а, Greek ο), leetspeak inside words (h3ll0,
 * f@ck), separators between spelled-out letters (f.u.c.k, w-e-c-h-a-t, 微 信) and repeated
 * letters (fuuuck). Terms and texts go through the same function, so they meet in the middle.
 * Every skeleton unit keeps the [start, end) of the normalized text it came from.
 */
export interface Skeleton {
  text: string;
  /** Per skeleton code unit: start and end offsets in the input (normalized) string. */
  starts: Int32Array;
  ends: Int32Array;
}

const HOMOGLYPHS: Record<string, string> = {
  а: 'a', в: 'b', е: 'e', ё: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x', і: 'i', ї: 'i', ј: 'j', ѕ: 's', ԁ: 'd', ɡ: 'g',
  α: 'a', β: 'b', ε: 'e', η: 'n', ι: 'i', κ: 'k', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x', ω: 'w',
};
const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '8': 'b', '@': 'a', $: 's', '!': 'i', '|': 'l', '€': 'e' };
const SEPARATORS = new Set([' ', '.', '-', '_', '*', '·', '•', ',', '/', '\\', '~', '+', "'", '"', ':', ';', '=', '^']);

const isCjk = (cp: number) => (cp >= 0x3040 && cp <= 0x30ff) || (cp >= 0x3400 && cp <= 0x9fff) || (cp >= 0xac00 && cp <= 0xd7af) || (cp >= 0xf900 && cp <= 0xfaff);
const isLetter = (ch: string) => /\p{L}/u.test(ch);

interface Unit {
  ch: string;
  sep: boolean;
  letter: boolean;
  cjk: boolean;
  start: number;
  end: number;
}

/** Compute the skeleton of an already normalized (NFKC, lower-cased) string. */
export function skeletonize(normalized: string): Skeleton {
  const units: Unit[] = [];
  for (let i = 0; i < normalized.length; ) {
    const cp = normalized.codePointAt(i)!;
    const raw = String.fromCodePoint(cp);
    const ch = HOMOGLYPHS[raw] ?? raw;
    units.push({ ch, sep: SEPARATORS.has(ch), letter: isLetter(ch), cjk: isCjk(cp), start: i, end: i + raw.length });
    i += raw.length;
  }
  // leetspeak only inside words: a digit or symbol right next to a letter
  for (let k = 0; k < units.length; k++) {
    const u = units[k]!;
    const leet = LEET[u.ch];
    if (leet === undefined) continue;
    if (units[k - 1]?.letter || units[k + 1]?.letter) units[k] = { ...u, ch: leet, letter: true, sep: false };
  }
  // token length (letters between separators) for the spelled-out rule
  const tokenLen = new Int32Array(units.length);
  for (let k = 0; k < units.length; ) {
    if (units[k]!.sep) {
      k++;
      continue;
    }
    let e = k;
    while (e < units.length && !units[e]!.sep) e++;
    for (let j = k; j < e; j++) tokenLen[j] = e - k;
    k = e;
  }
  let text = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let last = '';
  for (let k = 0; k < units.length; k++) {
    const u = units[k]!;
    if (u.sep) {
      // find the units either side of this separator run
      let e = k;
      while (e < units.length && units[e]!.sep) e++;
      const before = units[k - 1];
      const after = units[e];
      const drop = before && after && ((before.cjk && after.cjk) || (before.letter && after.letter && tokenLen[k - 1] === 1 && tokenLen[e] === 1));
      if (!drop) {
        for (let j = k; j < e; j++) {
          text += units[j]!.ch;
          starts.push(units[j]!.start);
          ends.push(units[j]!.end);
        }
        last = '';
      }
      k = e - 1;
      continue;
    }
    if (u.ch === last && u.letter) {
      ends[ends.length - 1] = u.end; // a repeated letter widens the previous unit
      continue;
    }
    for (let j = 0; j < u.ch.length; j++) {
      text += u.ch[j];
      starts.push(u.start);
      ends.push(u.end);
    }
    last = u.ch;
  }
  return { text, starts: Int32Array.from(starts), ends: Int32Array.from(ends) };
}
