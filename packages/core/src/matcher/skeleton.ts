/**
 * The "skeleton" of a normalized text: what is left once the usual obfuscations are undone —
 * look-alike letters from other scripts (Cyrillic а, Greek ο), leetspeak inside words (h3ll0,
 * f@ck), separators between spelled-out letters (f.u.c.k, w-e-c-h-a-t, 微 信) and repeated
 * letters (fuuuck). Terms and texts go through the same function, so they meet in the middle.
 * Every skeleton code unit keeps the [start, end) of the normalized text it came from.
 *
 * One linear pass over typed arrays; the buffers are shared scratch space (the function is
 * synchronous), so callers must use `starts`/`ends` before the next call or copy them.
 */
import { decodeUtf16 } from '../util/utf16.js';

export interface Skeleton {
  /** The skeleton as code units (`length` of them are valid): scan this without building a string. */
  codes: Uint16Array;
  length: number;
  /** The skeleton as a string (built on first access). */
  readonly text: string;
  /** Per skeleton code unit: start and end offsets in the input (normalized) string. */
  starts: Int32Array;
  ends: Int32Array;
}

const HOMOGLYPHS = new Map<number, number>(
  Object.entries({
    а: 'a',
    в: 'b',
    е: 'e',
    ё: 'e',
    к: 'k',
    м: 'm',
    н: 'h',
    о: 'o',
    р: 'p',
    с: 'c',
    т: 't',
    у: 'y',
    х: 'x',
    і: 'i',
    ї: 'i',
    ј: 'j',
    ѕ: 's',
    ԁ: 'd',
    ɡ: 'g',
    α: 'a',
    β: 'b',
    ε: 'e',
    η: 'n',
    ι: 'i',
    κ: 'k',
    ν: 'v',
    ο: 'o',
    ρ: 'p',
    τ: 't',
    υ: 'u',
    χ: 'x',
    ω: 'w',
  }).map(([k, v]) => [k.codePointAt(0)!, v.codePointAt(0)!]),
);
const LEET = new Map<number, number>(
  Object.entries({ '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '8': 'b', '@': 'a', $: 's', '!': 'i', '|': 'l', '€': 'e' }).map(([k, v]) => [
    k.codePointAt(0)!,
    v.codePointAt(0)!,
  ]),
);
const SEPARATORS = new Set(Array.from(' .-_*·•,/\\~+\'":;=^', (c) => c.codePointAt(0)!));

const SEP = 1;
const LETTER = 2;
const CJK = 4;
const letterCache = new Map<number, boolean>();
const LETTER_RE = /\p{L}/u;

const ASCII_LEET = new Uint8Array(128).map((_, c) => (LEET.has(c) ? 1 : 0));
const ASCII_CLASS = new Uint8Array(128).map((_, c) => (SEPARATORS.has(c) ? SEP : (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) ? LETTER : 0));

function classify(cp: number): number {
  if (cp < 0x80) return ASCII_CLASS[cp]!;
  if (SEPARATORS.has(cp)) return SEP;
  if ((cp >= 0x3040 && cp <= 0x30ff) || (cp >= 0x3400 && cp <= 0x9fff) || (cp >= 0xac00 && cp <= 0xd7af) || (cp >= 0xf900 && cp <= 0xfaff)) return LETTER | CJK;
  let letter = letterCache.get(cp);
  if (letter === undefined) {
    letter = LETTER_RE.test(String.fromCodePoint(cp));
    if (letterCache.size < 10_000) letterCache.set(cp, letter);
  }
  return letter ? LETTER : 0;
}

let cps = new Int32Array(256);
let flags = new Uint8Array(256);
let from = new Int32Array(256);
let tokenLen = new Int32Array(256);
let outCodes = new Uint16Array(512);
let outStarts = new Int32Array(512);
let outEnds = new Int32Array(512);

/** The last call's input and result (valid until the next call overwrites the scratch buffers). */
let previous: { input: string; fold: ((cp: number) => number) | undefined; skeleton: Skeleton } | null = null;

function ensure(n: number): void {
  if (cps.length < n) {
    const size = Math.max(n, cps.length * 2);
    cps = new Int32Array(size);
    flags = new Uint8Array(size);
    from = new Int32Array(size + 1);
    tokenLen = new Int32Array(size);
  }
  if (outCodes.length < 2 * n) {
    const size = Math.max(2 * n, outCodes.length * 2);
    outCodes = new Uint16Array(size);
    outStarts = new Int32Array(size);
    outEnds = new Int32Array(size);
  }
}

/** Compute the skeleton of an already normalized (NFKC, lower-cased) string; `fold` maps code points further (e.g. Traditional→Simplified). */
export function skeletonize(normalized: string, fold?: (cp: number) => number): Skeleton {
  // one message is scanned by many matchers in turn (the lexicons, every policy rule): the last
  // skeleton is still in the scratch buffers, so the same input returns it as is
  if (previous && previous.input === normalized && previous.fold === fold) return previous.skeleton;
  ensure(normalized.length + 1);
  // 1. code points, homoglyphs folded, classified
  let n = 0;
  for (let i = 0; i < normalized.length; ) {
    from[n] = i;
    const c = normalized.charCodeAt(i);
    if (c < 0x80) {
      // ASCII fast path: no look-alike, no fold, class from the table
      cps[n] = c;
      flags[n++] = ASCII_CLASS[c]!;
      i++;
      continue;
    }
    let cp = normalized.codePointAt(i)!;
    i += cp > 0xffff ? 2 : 1;
    if (cp >= 0x370) cp = HOMOGLYPHS.get(cp) ?? cp;
    if (fold && cp >= 0x3400) cp = fold(cp);
    cps[n] = cp;
    flags[n] = classify(cp);
    n++;
  }
  from[n] = normalized.length;
  // 2. leetspeak only inside words: a digit or symbol right next to a letter
  for (let k = 0; k < n; k++) {
    const c = cps[k]!;
    if (flags[k]! & LETTER || (c < 0x80 ? ASCII_LEET[c] === 0 : c !== 0x20ac)) continue;
    const leet = LEET.get(c);
    if (leet === undefined) continue;
    // next to a letter of an alphabet (h3ll0); beside CJK or Hangul a digit is a number (별점 1개, 3个)
    const alpha = (j: number) => (flags[j]! & (LETTER | CJK)) === LETTER;
    if ((k > 0 && alpha(k - 1)) || (k + 1 < n && alpha(k + 1))) {
      cps[k] = leet;
      flags[k] = LETTER;
    }
  }
  // 3. length of the separator-free token each unit belongs to
  for (let k = 0; k < n; ) {
    if (flags[k]! & SEP) {
      k++;
      continue;
    }
    let e = k;
    while (e < n && !(flags[e]! & SEP)) e++;
    for (let j = k; j < e; j++) tokenLen[j] = e - k;
    k = e;
  }
  // 4. emit: drop separators between spelled-out letters or CJK, collapse repeated letters
  let len = 0;
  let last = -1;
  for (let k = 0; k < n; k++) {
    const f = flags[k]!;
    if (f & SEP) {
      let e = k;
      while (e < n && flags[e]! & SEP) e++;
      const b = k - 1;
      const drop =
        b >= 0 && e < n && ((flags[b]! & CJK && flags[e]! & CJK) || (flags[b]! & LETTER && flags[e]! & LETTER && tokenLen[b] === 1 && tokenLen[e] === 1));
      if (!drop) {
        for (let j = k; j < e; j++) len = emit(len, cps[j]!, from[j]!, from[j + 1]!);
        last = -1;
      }
      k = e - 1;
      continue;
    }
    const cp = cps[k]!;
    // repeated letters collapse (fuuuck); repeated CJK characters are words of their own (妈妈, 谢谢)
    if (cp === last && f & LETTER && !(f & CJK)) {
      outEnds[len - 1] = from[k + 1]!; // a repeated letter widens the previous unit
      continue;
    }
    if (cp <= 0xffff) {
      // emit inlined for the common case (one code unit)
      outCodes[len] = cp;
      outStarts[len] = from[k]!;
      outEnds[len++] = from[k + 1]!;
    } else len = emit(len, cp, from[k]!, from[k + 1]!);
    last = cp;
  }
  const codes = outCodes;
  let text: string | undefined;
  const skeleton: Skeleton = {
    codes,
    length: len,
    get text() {
      if (text === undefined) {
        text = decodeUtf16(codes, len);
      }
      return text;
    },
    starts: outStarts,
    ends: outEnds,
  };
  previous = { input: normalized, fold, skeleton };
  return skeleton;
}

/** Append code point `cp` (from normalized [s, e)) to the output; returns the new length. */
function emit(len: number, cp: number, s: number, e: number): number {
  if (cp > 0xffff) {
    const v = cp - 0x10000;
    outCodes[len] = 0xd800 + (v >> 10);
    outStarts[len] = s;
    outEnds[len++] = e;
    cp = 0xdc00 + (v & 0x3ff);
  }
  outCodes[len] = cp;
  outStarts[len] = s;
  outEnds[len] = e;
  return len + 1;
}

/** Skeletons kept per text view (a message's normalized view lives as long as its conversation). */
const byView = new WeakMap<object, { fold: ((cp: number) => number) | undefined; skeleton: Skeleton }>();

/**
 * The skeleton of `view.normalized`, computed once per view and fold and kept with the view (a
 * copy, not the scratch buffers): every matcher that reads a message — the lexicons, the policy
 * rules, the escalation list — shares it, whichever analyzer asks first.
 */
export function skeletonOfView(view: { readonly normalized: string }, fold?: (cp: number) => number): Skeleton {
  const kept = byView.get(view);
  if (kept && kept.fold === fold) return kept.skeleton;
  const sk = skeletonize(view.normalized, fold);
  const length = sk.length;
  const codes = sk.codes.slice(0, length);
  let text: string | undefined;
  const skeleton: Skeleton = {
    codes,
    length,
    get text() {
      if (text === undefined) text = decodeUtf16(codes, length);
      return text;
    },
    starts: sk.starts.slice(0, length),
    ends: sk.ends.slice(0, length),
  };
  byView.set(view, { fold, skeleton });
  return skeleton;
}
