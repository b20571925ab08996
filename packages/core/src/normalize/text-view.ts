/**
 * A normalized view of a message with an offset map back to the original text.
 *
 * Normalization (in order, per cluster = base code point + following combining marks):
 * zero-width / control / format characters removed, NFKC (which also folds full- and
 * half-width forms), lower-casing, every whitespace run collapsed to one space, leading and
 * trailing whitespace trimmed. Lone UTF-16 surrogates become U+FFFD in the view only.
 */
export interface TextView {
  readonly original: string;
  readonly normalized: string;
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
  codes: Uint16Array;
  starts: Int32Array;
  ends: Int32Array;
  length = 0;

  constructor(capacity: number) {
    this.codes = new Uint16Array(capacity);
    this.starts = new Int32Array(capacity);
    this.ends = new Int32Array(capacity);
  }

  push(code: number, start: number, end: number): void {
    if (this.length === this.codes.length) this.grow();
    this.codes[this.length] = code;
    this.starts[this.length] = start;
    this.ends[this.length] = end;
    this.length++;
  }

  private grow(): void {
    const size = this.codes.length * 2 + 16;
    const codes = new Uint16Array(size);
    codes.set(this.codes);
    const starts = new Int32Array(size);
    starts.set(this.starts);
    const ends = new Int32Array(size);
    ends.set(this.ends);
    Object.assign(this, { codes, starts, ends });
  }

  text(): string {
    let out = '';
    for (let k = 0; k < this.length; k += 8192) out += String.fromCharCode(...this.codes.subarray(k, Math.min(this.length, k + 8192)));
    return out;
  }
}

/** Build the normalized view of `text`. Linear in the text length. */
export function normalizeText(text: string, options: NormalizeOptions = {}): TextView {
  const caseFold = options.caseFold ?? true;
  const b = new Builder(text.length + 8);
  let invalid = false;
  let spaceStart = -1; // original offset where a pending whitespace run started, -1 = none
  let spaceEnd = -1;
  const flushSpace = () => {
    if (spaceStart >= 0 && b.length > 0) b.push(0x20, spaceStart, spaceEnd);
    spaceStart = -1;
  };
  const n = text.length;
  let i = 0;
  while (i < n) {
    const start = i;
    const code = text.charCodeAt(i);
    // Fast path: printable ASCII not followed by a combining mark needs no NFKC or regex work.
    if (code > 0x20 && code < 0x7f) {
      const next = i + 1 < n ? text.charCodeAt(i + 1) : 0;
      if (next < 0x300 || (next > 0x36f && next < 0x1ab0)) {
        flushSpace();
        b.push(caseFold && code >= 0x41 && code <= 0x5a ? code + 32 : code, i, i + 1);
        i++;
        continue;
      }
    }
    // Fast path: CJK ideographs and kana are NFKC- and case-stable unless a combining mark follows.
    if ((code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3041 && code <= 0x3096) || (code >= 0x30a1 && code <= 0x30fa)) {
      const next = i + 1 < n ? text.charCodeAt(i + 1) : 0;
      if (next !== 0x3099 && next !== 0x309a && (next < 0x300 || next > 0x36f)) {
        flushSpace();
        b.push(code, i, i + 1);
        i++;
        continue;
      }
    }
    let cp = text.codePointAt(i)!;
    let cluster: string;
    if (cp >= 0xd800 && cp <= 0xdfff) {
      invalid = true;
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
    if (piece.length === 0) continue;
    flushSpace();
    for (let k = 0; k < piece.length; k++) b.push(piece.charCodeAt(k), start, i);
  }
  const normalized = b.text();
  const { starts, ends, length } = b;
  return {
    original: text,
    normalized,
    invalidUtf16: invalid,
    toOriginal(idx: number): number {
      if (idx >= length) return n;
      return starts[Math.max(0, idx)]!;
    },
    toOriginalSpan(s: number, e: number) {
      if (e <= s) {
        const at = s >= length ? n : starts[Math.max(0, s)]!;
        return { start: at, end: at };
      }
      return { start: starts[Math.max(0, Math.min(s, length - 1))] ?? 0, end: ends[Math.min(e - 1, length - 1)] ?? n };
    },
  };
}
