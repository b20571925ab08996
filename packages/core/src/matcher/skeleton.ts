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
  // CJK first (most units of Chinese text; no separator lies in these ranges)
  if ((cp >= 0x3040 && cp <= 0x30ff) || (cp >= 0x3400 && cp <= 0x9fff) || (cp >= 0xac00 && cp <= 0xd7af) || (cp >= 0xf900 && cp <= 0xfaff)) return LETTER | CJK;
  if (SEPARATORS.has(cp)) return SEP;
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
let previousInput: string | undefined;
let previousFold: ((cp: number) => number) | undefined;
let previousSkeleton: Skeleton | undefined;

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
  if (previousSkeleton && previousInput === normalized && previousFold === fold) return previousSkeleton;
  ensure(normalized.length + 1);
  const len = skeletonOfPlainCjk(normalized, AS_NORMALIZED, fold);
  return remember(normalized, fold, len >= 0 ? len : skeletonOfAny(normalized, fold));
}

/**
 * `skeletonize` without the one-pass fast path: the general algorithm (four passes) on any
 * text. For the tests that check the fast path gives the same skeleton.
 */
export function skeletonizeGeneral(normalized: string, fold?: (cp: number) => number): Skeleton {
  ensure(normalized.length + 1);
  return remember(normalized, fold, skeletonOfAny(normalized, fold));
}

/**
 * The skeleton of `normalizeText(text).normalized` for a text whose normalization maps each code
 * unit to one unit at the same offset (`plainCjkUnit`: ASCII, ideographs, kana, full-width forms,
 * 、。「」『』, single spaces inside), without normalizing it; its offsets are offsets in `text`.
 * `undefined` for any other text. In the scratch buffers, like `skeletonize`.
 */
export function skeletonizePlainCjk(text: string, fold?: (cp: number) => number): Skeleton | undefined {
  ensure(text.length + 1);
  previousSkeleton = undefined; // the scratch buffers no longer hold the last `skeletonize` result
  const len = skeletonOfPlainCjk(text, AS_ORIGINAL, fold);
  return len < 0 ? undefined : new ScratchSkeleton(outCodes, len, outStarts, outEnds);
}

/** What `normalizeText` makes of code unit `c` of a text that normalizes unit for unit (see `skeletonizePlainCjk`); -1 for other units. */
export const normalizedUnit = (c: number): number => plainCjkUnit(c, AS_ORIGINAL);

let normalizedCodes = new Uint16Array(256);

/** `normalizeText(text).normalized` for a text `skeletonizePlainCjk` accepts (or plain ASCII): each unit mapped by `normalizedUnit`. */
export function normalizeOneToOne(text: string): string {
  if (normalizedCodes.length < text.length) normalizedCodes = new Uint16Array(Math.max(text.length, 2 * normalizedCodes.length));
  for (let i = 0; i < text.length; i++) normalizedCodes[i] = plainCjkUnit(text.charCodeAt(i), AS_ORIGINAL);
  return decodeUtf16(normalizedCodes, text.length);
}

/** The scratch buffers' first `len` units as the skeleton of `input`, kept as the last one. */
function remember(input: string, fold: ((cp: number) => number) | undefined, len: number): Skeleton {
  previousInput = input;
  previousFold = fold;
  previousSkeleton = new ScratchSkeleton(outCodes, len, outStarts, outEnds);
  return previousSkeleton;
}

/** A skeleton over (scratch or copied) buffers; its string is decoded on first access. */
class ScratchSkeleton implements Skeleton {
  #text: string | undefined;

  constructor(
    readonly codes: Uint16Array,
    readonly length: number,
    readonly starts: Int32Array,
    readonly ends: Int32Array,
  ) {}

  get text(): string {
    this.#text ??= decodeUtf16(this.codes, this.length);
    return this.#text;
  }
}

/** How `skeletonOfPlainCjk` reads a code unit: as already normalized, or as original text it normalizes on the way. */
const AS_NORMALIZED = 0;
const AS_ORIGINAL = 1;

/**
 * What `normalizeText` makes of code unit `c` of a text of such units, at the same offset, or
 * -1 for a unit outside the set: printable ASCII but the backquote (lower-cased), CJK ideographs
 * (U+4E00–9FFF), hiragana (U+3041–3096), katakana (U+30A1–30FA), full-width ASCII (U+FF01–FF5E
 * but ｀, to ASCII, lower-cased), 、。〈〉《》「」『』【】·— (unchanged), ‘’“” (to ' and ").
 * Each of them is one cluster (none is a combining mark) that normalization (NFKC, lower case,
 * quotes folded) maps to one unit whatever follows it; a backquote becomes ' or stays ` depending
 * on what follows, so it is left out. A space maps to itself only between two other units
 * (`skeletonOfPlainCjk` checks that). As already normalized (`AS_NORMALIZED`), the units of that
 * set read as themselves (full-width forms and curly quotes never are: left out).
 */
function plainCjkUnit(c: number, mode: number): number {
  if (c < 0x80) {
    if (c < 0x20 || c === 0x7f) return -1;
    if (mode === AS_NORMALIZED) return c;
    return c >= 0x41 && c <= 0x5a ? c + 32 : c === 0x60 ? -1 : c;
  }
  if (
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0x3041 && c <= 0x3096) ||
    (c >= 0x30a1 && c <= 0x30fa) ||
    c === 0x3001 ||
    c === 0x3002 ||
    (c >= 0x3008 && c <= 0x3011) ||
    c === 0xb7 ||
    c === 0x2014
  )
    return c;
  if (mode === AS_NORMALIZED) return -1;
  if (c >= 0xff01 && c <= 0xff5e && c !== 0xff40) {
    const a = c - 0xfee0;
    return a >= 0x41 && a <= 0x5a ? a + 32 : a;
  }
  if (c === 0x2018 || c === 0x2019) return 0x27;
  if (c === 0x201c || c === 0x201d) return 0x22;
  return -1;
}

/** The skeleton class of normalized unit `u` (a `plainCjkUnit`), folded by `fold` first when an ideograph. */
const plainClass = (u: number, fold: ((cp: number) => number) | undefined): number =>
  u < 0x80 ? ASCII_CLASS[u]! : classify(fold && u >= 0x3400 ? fold(u) : u);

/** The class of `s[j]` read as `plainCjkUnit` in `mode`, 0 for a unit outside the set (the pass stops there anyway). */
function plainClassAt(s: string, j: number, mode: number, fold: ((cp: number) => number) | undefined): number {
  const u = plainCjkUnit(s.charCodeAt(j), mode);
  return u < 0 ? 0 : plainClass(u, fold);
}

/**
 * The skeleton of a text of `plainCjkUnit`s (read in `mode`) in one pass, into the scratch
 * buffers; returns its length, or -1 at the first other unit, or at a space that is not
 * between two other units when read as original text (normalization would collapse or trim
 * it). The same output as `skeletonOfAny` on the normalized text, every unit a code point of
 * its own at its own offset, so every rule needs only a unit's neighbours:
 * - a leetspeak symbol becomes a letter next to a letter of an alphabet (not CJK): the previous
 *   unit as already decided, the next one as written;
 * - a run of separators is dropped between two CJK letters, or between two one-letter tokens;
 * - a letter of an alphabet equal to the last unit emitted (no separator kept in between) widens
 *   that unit; a repeated CJK letter is emitted again.
 */
function skeletonOfPlainCjk(s: string, mode: number, fold: ((cp: number) => number) | undefined): number {
  const n = s.length;
  let len = 0;
  let last = -1;
  let prevAlpha = false;
  for (let k = 0; k < n; k++) {
    let c = plainCjkUnit(s.charCodeAt(k), mode);
    if (c < 0) return -1;
    if (fold && c >= 0x3400) c = fold(c);
    let f = c < 0x80 ? ASCII_CLASS[c]! : classify(c);
    if (f === SEP) {
      let e = k + 1;
      while (e < n && plainClassAt(s, e, mode, fold) === SEP) e++;
      if (mode === AS_ORIGINAL) {
        // a space normalization would trim or collapse: offsets would move
        if (k === 0 && s.charCodeAt(0) === 0x20) return -1;
        for (let j = k; j < e; j++) if (s.charCodeAt(j) === 0x20 && (j + 1 === n || s.charCodeAt(j + 1) === 0x20)) return -1;
      }
      let drop = false;
      if (k > 0 && e < n) {
        const before = plainClassAt(s, k - 1, mode, fold);
        const after = plainClassAt(s, e, mode, fold);
        drop =
          (before & after & CJK) !== 0 ||
          ((before & after & LETTER) !== 0 &&
            (k === 1 || plainClassAt(s, k - 2, mode, fold) === SEP) &&
            (e + 1 === n || plainClassAt(s, e + 1, mode, fold) === SEP));
      }
      if (!drop) {
        for (let j = k; j < e; j++) {
          outCodes[len] = plainCjkUnit(s.charCodeAt(j), mode);
          outStarts[len] = j;
          outEnds[len++] = j + 1;
        }
        last = -1;
      }
      prevAlpha = false;
      k = e - 1;
      continue;
    }
    if (!(f & LETTER) && c < 0x80 && ASCII_LEET[c] === 1 && (prevAlpha || (k + 1 < n && plainClassAt(s, k + 1, mode, fold) === LETTER))) {
      c = LEET.get(c)!;
      f = LETTER;
    }
    prevAlpha = f === LETTER;
    if (c === last && prevAlpha) {
      outEnds[len - 1] = k + 1; // a repeated letter widens the previous unit
      continue;
    }
    outCodes[len] = c;
    outStarts[len] = k;
    outEnds[len++] = k + 1;
    last = c;
  }
  return len;
}

/** The general skeleton algorithm (any text), into the scratch buffers; returns the skeleton's length. */
function skeletonOfAny(normalized: string, fold: ((cp: number) => number) | undefined): number {
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
    // look-alikes sit in 0x3b1–0x501 (ɡ below 0x370 is listed but never folded: kept as it always was)
    if (cp >= 0x370 && cp <= 0x501) cp = HOMOGLYPHS.get(cp) ?? cp;
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
  return len;
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

/** Units per slab: the kept skeletons are cut from shared slabs, a new pair once one is full. */
const SLAB = 1 << 15;
let codeSlab = new Uint16Array(SLAB);
/** Starts then ends of each kept skeleton, side by side. */
let offsetSlab = new Int32Array(2 * SLAB);
let slabUsed = 0;

/**
 * A copy of a scratch skeleton that stays valid, cut from the slabs: a chat message's skeleton
 * is skeletonized faster than three typed arrays of its own are allocated (each one an
 * off-heap buffer). A long one gets arrays of its own.
 */
function keep(sk: Skeleton): Skeleton {
  const n = sk.length;
  if (n > SLAB >> 3) return new ScratchSkeleton(sk.codes.slice(0, n), n, sk.starts.slice(0, n), sk.ends.slice(0, n));
  if (slabUsed + n > SLAB) {
    codeSlab = new Uint16Array(SLAB);
    offsetSlab = new Int32Array(2 * SLAB);
    slabUsed = 0;
  }
  const at = slabUsed;
  slabUsed += n;
  const { codes, starts, ends } = sk;
  for (let i = 0; i < n; i++) {
    codeSlab[at + i] = codes[i]!;
    offsetSlab[2 * at + i] = starts[i]!;
    offsetSlab[2 * at + n + i] = ends[i]!;
  }
  return new ScratchSkeleton(codeSlab.subarray(at, at + n), n, offsetSlab.subarray(2 * at, 2 * at + n), offsetSlab.subarray(2 * at + n, 2 * at + 2 * n));
}

/** Skeletons kept per text view (a message's normalized view lives as long as its conversation). */
const byView = new WeakMap<object, { fold: ((cp: number) => number) | undefined; skeleton: Skeleton }>();

/**
 * The skeleton of `view.normalized` for a scan that uses it at once: the one kept with the view
 * when `skeletonOfView` made it, else `skeletonize`'s (scratch buffers, nothing kept:
 * recomputing an ASCII skeleton costs less than keeping a copy).
 */
export function scanSkeletonOfView(view: { readonly normalized: string }, fold?: (cp: number) => number): Skeleton {
  const kept = byView.get(view);
  return kept && kept.fold === fold ? kept.skeleton : skeletonize(view.normalized, fold);
}

/**
 * The skeleton of `view.normalized`, computed once per view and fold and kept with the view (a
 * copy, not the scratch buffers), for a reader that keeps it (`message.analysis.skeleton`); a
 * later `scanSkeletonOfView` of the same view and fold reuses it. The built-in matchers scan with
 * `scanSkeletonOfView` and keep nothing (decision 111).
 */
export function skeletonOfView(view: { readonly normalized: string }, fold?: (cp: number) => number): Skeleton {
  const kept = byView.get(view);
  if (kept && kept.fold === fold) return kept.skeleton;
  const skeleton = keep(skeletonize(view.normalized, fold));
  byView.set(view, { fold, skeleton });
  return skeleton;
}
