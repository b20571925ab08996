/**
 * A normalized view of a message with an offset map back to the original text.
 *
 * Normalization (in order, per grapheme-like cluster = base code point + combining marks):
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

/** Build the normalized view of `text`. Linear in the text length. */
export function normalizeText(text: string, options: NormalizeOptions = {}): TextView {
  const caseFold = options.caseFold ?? true;
  let out = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let invalid = false;
  let pendingSpace = -1; // original offset where a whitespace run started, -1 = none
  let pendingSpaceEnd = -1;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const clusterStart = i;
    let cp = text.codePointAt(i)!;
    let base: string;
    if (cp >= 0xd800 && cp <= 0xdfff) {
      invalid = true;
      base = '\uFFFD';
      i += 1;
    } else {
      base = String.fromCodePoint(cp);
      i += base.length;
    }
    if (base !== '\n' && base !== '\t' && base !== '\r' && DROP.test(base)) continue;
    if (WS.test(base)) {
      if (pendingSpace < 0) pendingSpace = clusterStart;
      pendingSpaceEnd = i;
      continue;
    }
    // attach following combining marks to this cluster
    while (i < n) {
      cp = text.codePointAt(i)!;
      if (cp >= 0xd800 && cp <= 0xdfff && !(cp <= 0xdbff && i + 1 < n)) break;
      const ch = String.fromCodePoint(cp);
      if (!COMBINING.test(ch)) break;
      base += ch;
      i += ch.length;
    }
    let piece = base.normalize('NFKC');
    if (caseFold) piece = piece.toLowerCase();
    if (piece.length === 0) continue;
    if (pendingSpace >= 0) {
      if (out.length > 0) {
        out += ' ';
        starts.push(pendingSpace);
        ends.push(pendingSpaceEnd);
      }
      pendingSpace = -1;
    }
    // NFKC can itself produce spaces (e.g. U+2003 handled above, but "¼" → "1⁄4"): keep as-is.
    for (let k = 0; k < piece.length; k++) {
      starts.push(clusterStart);
      ends.push(i);
    }
    out += piece;
  }
  const originalLength = n;
  return {
    original: text,
    normalized: out,
    invalidUtf16: invalid,
    toOriginal(idx: number): number {
      if (idx >= starts.length) return originalLength;
      return starts[Math.max(0, idx)]!;
    },
    toOriginalSpan(start: number, end: number) {
      if (end <= start) {
        const at = start >= starts.length ? originalLength : starts[start]!;
        return { start: at, end: at };
      }
      const s = starts[Math.min(start, starts.length - 1)] ?? 0;
      const e = ends[Math.min(end - 1, ends.length - 1)] ?? originalLength;
      return { start: s, end: e };
    },
  };
}
