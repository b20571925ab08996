import { foldQuoteCode, foldQuotes } from '../../text/quotes.js';
import { keepShape } from '../../util/keep-shape.js';
import { decodeUtf16 } from '../../util/utf16.js';

/**
 * A normalized view of a message with an offset map back to the original text.
 *
 * Normalization (in order, per cluster = base code point + following combining marks):
 * zero-width / control / format characters removed, NFKC (which also folds full- and
 * half-width forms), typographic apostrophes, quotes and hyphens folded to `'`, `"` and `-` (U+2010
 * and U+2011 "5‑star"; dashes stay: text/quotes.ts), lower-casing, every
 * whitespace run collapsed to one space, leading and trailing whitespace trimmed. Lone UTF-16
 * surrogates become U+FFFD in the view only.
 */
export interface TextView {
  readonly original: string;
  readonly normalized: string;
  /**
   * The original text with only typographic apostrophes, quotes and hyphens folded (’ → ', “ → ", ‑ → -): same
   * length and offsets as `original`, for case-sensitive rules whose spans are reported as is.
   */
  readonly folded: string;
  /** True when the original contained lone surrogates (invalid UTF-16). */
  readonly invalidUtf16: boolean;
  /** Original UTF-16 offset where normalized index `i` comes from. `i` may equal `normalized.length`. */
  toOriginal(i: number): number;
  /** Map a normalized span [start, end) to the original span covering it. */
  toOriginalSpan(start: number, end: number): { start: number; end: number };
}

export interface NormalizeOptions {
  /** Lower-case the view (default true). */
  caseFold?: boolean;
}

const DROP = /[\p{Cc}\p{Cf}\u200B-\u200F\u2060-\u2064\uFEFF\u00AD]/u;
const WS = /[\s\u3000]/u;
const COMBINING = /[\p{M}\uFF9E\uFF9F]/u;

/** Growable output: normalized UTF-16 code units plus, per unit, its original [start, end). */
class Builder {
  codes = new Uint16Array(1024);
  starts = new Int32Array(1024);
  ends = new Int32Array(1024);
  length = 0;

  reset(capacity: number): void {
    this.length = 0;
    if (this.codes.length < capacity) this.resize(capacity);
  }

  push(code: number, start: number, end: number): void {
    if (this.length === this.codes.length) this.resize(this.codes.length * 2);
    this.codes[this.length] = code;
    this.starts[this.length] = start;
    this.ends[this.length] = end;
    this.length++;
  }

  private resize(size: number): void {
    const codes = new Uint16Array(size);
    codes.set(this.codes.subarray(0, this.length));
    const starts = new Int32Array(size);
    starts.set(this.starts.subarray(0, this.length));
    const ends = new Int32Array(size);
    ends.set(this.ends.subarray(0, this.length));
    this.codes = codes;
    this.starts = starts;
    this.ends = ends;
  }

  text(): string {
    return decodeUtf16(this.codes, this.length);
  }
}

/**
 * One scratch builder for the whole process: normalization is synchronous, so it is never used
 * by two calls at once, and a view copies out only what it keeps. Small typed-array
 * allocations cost more than the normalization of a short chat message itself.
 */
const scratch = new Builder();
/** The view whose text `scratch` holds now (its maps are copied from there, not filled again). */
let scratchOwner: LazyTextView | undefined;

/**
 * Build the normalized view of `text`. Linear in the text length, and lazy: `normalized` is built
 * when first read, `folded` too, and the offset map when a span is first mapped back (a pipeline
 * run that reads no view — no analyzer, or none that looks at this message — pays for none).
 *
 * @example
 * const v = normalizeText('Ｗ\u200bｅＣｈａｔ me');
 * v.normalized;               // 'wechat me'
 * v.toOriginalSpan(0, 6);     // { start: 0, end: 7 }: the span in the original text
 */
export function normalizeText(text: string, options: NormalizeOptions = {}): TextView {
  return new LazyTextView(text, options.caseFold ?? true);
}

/**
 * `hasLoneSurrogate(text)` is `normalizeText(text).invalidUtf16`, without normalizing: does `text`
 * hold a high surrogate not followed by a low one, or a low one not after a high one? That is
 * `!String.prototype.isWellFormed` (Node 20+): native, ≈ 25 ns a realistic chat message against
 * ≈ 110 ns for the regular expression with a look-behind it replaces.
 */
export function hasLoneSurrogate(text: string): boolean {
  return !(text as string & { isWellFormed(): boolean }).isWellFormed();
}

/**
 * The normalization of `text` with every unit sent through the general per-cluster path (no fast
 * path, no per-unit table): the reference the fast paths are tested against. Returns the
 * normalized text and, per normalized unit, its original [start, end).
 */
export function normalizeByClusters(text: string, caseFold = true): { normalized: string; starts: Int32Array; ends: Int32Array } {
  const b = (byClusters ??= new Builder());
  fill(b, text, caseFold, false);
  return { normalized: b.text(), starts: b.starts.slice(0, b.length), ends: b.ends.slice(0, b.length) };
}

let byClusters: Builder | undefined;

/** The TextView of `normalizeText`: each part computed on first use (a class, so every view shares one shape and its getters inline). */
class LazyTextView implements TextView {
  readonly original: string;
  readonly #caseFold: boolean;
  #normalized: string | undefined;
  #folded: string | undefined;
  #starts: Int32Array | undefined;
  #ends: Int32Array | undefined;

  constructor(original: string, caseFold: boolean) {
    this.original = original;
    this.#caseFold = caseFold;
  }

  get normalized(): string {
    if (this.#normalized === undefined) {
      fill(scratch, this.original, this.#caseFold);
      scratchOwner = this;
      this.#normalized = scratch.text();
    }
    return this.#normalized;
  }

  get folded(): string {
    if (this.#folded === undefined) this.#folded = foldQuotes(this.original);
    return this.#folded;
  }

  get invalidUtf16(): boolean {
    return hasLoneSurrogate(this.original);
  }

  toOriginal(idx: number): number {
    const s = this.#maps()[0];
    return idx >= s.length ? this.original.length : s[Math.max(0, idx)]!;
  }

  toOriginalSpan(from: number, to: number): { start: number; end: number } {
    const [s, e] = this.#maps();
    const n = this.original.length;
    if (to <= from) {
      const at = from >= s.length ? n : s[Math.max(0, from)]!;
      return { start: at, end: at };
    }
    return { start: s[Math.max(0, Math.min(from, s.length - 1))] ?? 0, end: e[Math.min(to - 1, e.length - 1)] ?? n };
  }

  #maps(): readonly [Int32Array, Int32Array] {
    if (!this.#starts) {
      if (scratchOwner !== this) {
        fill(scratch, this.original, this.#caseFold);
        scratchOwner = this;
      }
      this.#starts = scratch.starts.slice(0, scratch.length);
      this.#ends = scratch.ends.slice(0, scratch.length);
    }
    return [this.#starts, this.#ends!];
  }
}
keepShape(new LazyTextView('', true));

/** A unit in ranges known to hold no combining mark (so the unit before it is a cluster of its own). */
function noMarkCanBe(unit: number): boolean {
  return (
    unit < 0x300 ||
    (unit >= 0x3000 && unit <= 0x3098) ||
    (unit >= 0x309b && unit <= 0x9fff) ||
    (unit >= 0xac00 && unit <= 0xd7a3) ||
    (unit >= 0xff01 && unit <= 0xff9d)
  );
}

/** A CJK ideograph or kana: NFKC-stable and caseless unless a mark follows. */
function isIdeographOrKana(code: number): boolean {
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3041 && code <= 0x3096) || (code >= 0x30a1 && code <= 0x30fa);
}

/**
 * From `i`, copy the run of printable ASCII, CJK ideographs and kana that no combining mark follows
 * into `b` (ASCII lower-cased when folding), as the per-unit fast path of `fill` would, without a
 * call per unit; returns where the run ends. Stops early when `b` is full (the caller goes on).
 */
function copyPlainRun(b: Builder, text: string, i: number, caseFold: boolean): number {
  const { codes, starts, ends } = b;
  const n = text.length;
  const room = codes.length;
  let length = b.length;
  let code = i < n ? text.charCodeAt(i) : 0;
  while (i < n && length < room) {
    const next = i + 1 < n ? text.charCodeAt(i + 1) : 0;
    const ascii = code > 0x20 && code < 0x7f;
    if (!(ascii || isIdeographOrKana(code))) break;
    if (!noMarkCanBe(next)) break;
    codes[length] = ascii && caseFold && code >= 0x41 && code <= 0x5a ? code + 32 : code;
    starts[length] = i;
    ends[length] = i + 1;
    length++;
    i++;
    code = next;
  }
  b.length = length;
  return i;
}

const UNKNOWN = -2;
/** `unitOutcome`: the unit is whitespace (one pending space), dropped, or needs the general path. */
const WHITESPACE = -3;
const DROPPED = -4;
const GENERAL = -1;
/**
 * What the general path makes of a BMP code unit that is a cluster of its own (no combining mark
 * follows), per unit and case folding, filled on first sight: the one unit it becomes (NFKC, lower
 * case when folding, quotes folded), WHITESPACE, DROPPED, or GENERAL for a piece of other than one
 * unit. Accented Latin letters (é, ü, ñ: 26 per realistic chat) and typographic punctuation («, …)
 * then cost a load instead of a string per character and three regular expressions.
 */
const LOWER_UNIT = new Int32Array(0x10000).fill(UNKNOWN);
const CASED_UNIT = new Int32Array(0x10000).fill(UNKNOWN);

function unitOutcome(code: number, caseFold: boolean): number {
  const cluster = String.fromCharCode(code);
  if (WS.test(cluster)) return WHITESPACE;
  if (DROP.test(cluster)) return DROPPED;
  let piece = cluster.normalize('NFKC');
  if (caseFold) piece = piece.toLowerCase();
  if (piece.length !== 1) return GENERAL;
  return foldQuoteCode(piece.charCodeAt(0));
}

/**
 * What `fill` makes of the BMP unit `code` when `noMarkCanBe(next)`, without the general path: the
 * one unit it becomes, WHITESPACE, DROPPED, or GENERAL (the general path decides). Printable ASCII
 * (lower-cased when folding), ideographs and kana stay as they are; full-width ASCII becomes ASCII
 * (not quote-folded: ｀ stays a backtick); CJK commas, stops and corner brackets stay. Any other
 * unit is read from the per-unit table, unless an ideographic tone mark (U+302A–U+302F, which
 * `noMarkCanBe` lets through) follows it or it is a surrogate. The first four keep the older fast
 * paths' outcomes exactly, quirks included (normalize.test.ts lists them).
 */
function fastOutcome(code: number, next: number, caseFold: boolean): number {
  if (code > 0x20 && code < 0x7f) return caseFold && code >= 0x41 && code <= 0x5a ? code + 32 : code;
  if (isIdeographOrKana(code)) return code;
  if (code >= 0xff01 && code <= 0xff5e) {
    const ascii = code - 0xfee0;
    return caseFold && ascii >= 0x41 && ascii <= 0x5a ? ascii + 32 : ascii;
  }
  if (code === 0x3001 || code === 0x3002 || (code >= 0x300c && code <= 0x300f)) return code;
  if ((next >= 0x302a && next <= 0x302f) || (code >= 0xd800 && code <= 0xdfff)) return GENERAL;
  const table = caseFold ? LOWER_UNIT : CASED_UNIT;
  let out = table[code]!;
  if (out === UNKNOWN) table[code] = out = unitOutcome(code, caseFold);
  return out;
}

/**
 * Normalize `text` into `b` (a lone surrogate becomes U+FFFD; `hasLoneSurrogate` tells whether
 * there is one). `fast` false sends every unit through the general per-cluster path, which the
 * fast paths must agree with (`normalizeByClusters`, for the tests).
 */
function fill(b: Builder, text: string, caseFold: boolean, fast = true): void {
  b.reset(text.length + 8);
  let spaceStart = -1; // original offset where a pending whitespace run started, -1 = none
  let spaceEnd = -1;
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (fast && spaceStart < 0) {
      i = copyPlainRun(b, text, i, caseFold);
      if (i >= n) break;
    }
    const start = i;
    const code = text.charCodeAt(i);
    if (fast) {
      const next = i + 1 < n ? text.charCodeAt(i + 1) : 0;
      // plain whitespace starts or extends the pending run; a unit no mark follows may have a
      // one-unit outcome without the general path (`fastOutcome`)
      const out =
        code === 0x20 || code === 0x0a || code === 0x09 || code === 0x0d ? WHITESPACE : noMarkCanBe(next) ? fastOutcome(code, next, caseFold) : GENERAL;
      if (out === WHITESPACE) {
        if (spaceStart < 0) spaceStart = start;
        spaceEnd = i + 1;
        i++;
        continue;
      }
      if (out === DROPPED) {
        i++;
        continue;
      }
      if (out >= 0) {
        if (spaceStart >= 0) {
          if (b.length > 0) b.push(0x20, spaceStart, spaceEnd);
          spaceStart = -1;
        }
        b.push(out, i, i + 1);
        i++;
        continue;
      }
    }
    let cp = text.codePointAt(i)!;
    let cluster: string;
    if (cp >= 0xd800 && cp <= 0xdfff) {
      cluster = '\uFFFD';
      i += 1;
    } else {
      cluster = String.fromCodePoint(cp);
      i += cluster.length;
    }
    if (code === 0x20 || code === 0x0a || code === 0x09 || code === 0x0d || WS.test(cluster)) {
      if (spaceStart < 0) spaceStart = start;
      spaceEnd = i;
      continue;
    }
    if (DROP.test(cluster)) continue;
    while (i < n) {
      cp = text.codePointAt(i)!;
      if (cp >= 0xd800 && cp <= 0xdfff) break;
      const mark = String.fromCodePoint(cp);
      if (!COMBINING.test(mark)) break;
      cluster += mark;
      i += mark.length;
    }
    let piece = cluster.normalize('NFKC');
    if (caseFold) piece = piece.toLowerCase();
    if (piece.length === 1) {
      const q = foldQuoteCode(piece.charCodeAt(0));
      if (q !== piece.charCodeAt(0)) piece = String.fromCharCode(q);
    }
    if (piece.length === 0) continue;
    if (spaceStart >= 0) {
      if (b.length > 0) b.push(0x20, spaceStart, spaceEnd);
      spaceStart = -1;
    }
    for (let k = 0; k < piece.length; k++) b.push(piece.charCodeAt(k), start, i);
  }
}
