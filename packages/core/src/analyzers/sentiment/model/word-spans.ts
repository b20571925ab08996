/**
 * The words of a text as the sentiment features read them — the matches of
 * `/[\p{L}\p{N}][\p{L}\p{M}\p{N}'’]*\/gu` — as spans of code units with their FNV-1a hash, found
 * without the regex and without a string per word (issue 16): `sentimentRowReader` compares a
 * word with its word cache in place and slices only the words it has not seen.
 *
 * Exact: a code point is classed by the same Unicode property escapes, tested once per BMP code
 * unit (kept in a table) or per astral code point; a lone surrogate is no word character, as under
 * the `u` flag.
 */

/** Starts a word: \p{L} or \p{N}. */
const START = 1;
/** Continues a word: \p{L}, \p{M}, \p{N}, ' or ’. */
const CONT = 2;
/** The entry is computed (0: not yet). */
const KNOWN = 0x80;
const START_CHAR = /^[\p{L}\p{N}]$/u;
const CONT_CHAR = /^[\p{L}\p{M}\p{N}'’]$/u;

/** BMP code unit → its classes | KNOWN, filled on first sight. */
const bmp = new Uint8Array(0x10000);
const astral = new Map<number, number>();

function classify(cp: number): number {
  const s = String.fromCodePoint(cp);
  return (START_CHAR.test(s) ? START : 0) | (CONT_CHAR.test(s) ? CONT : 0) | KNOWN;
}

/** The classes of code point `cp` (a lone surrogate is a code point of its own and classes as neither). */
function classOf(cp: number): number {
  if (cp < 0x10000) {
    const v = bmp[cp]!;
    if (v !== 0) return v;
    return (bmp[cp] = cp >= 0xd800 && cp <= 0xdfff ? KNOWN : classify(cp));
  }
  let v = astral.get(cp);
  if (v === undefined) {
    v = classify(cp);
    astral.set(cp, v);
  }
  return v;
}

/** FNV-1a seed and prime (the hash of `wordHash` in features.ts). */
const FNV_SEED = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/** Reusable spans of the words of the last text scanned: word k is `text.slice(starts[k], ends[k])`, its FNV-1a hash `hashes[k]`. */
export class WordSpans {
  starts = new Int32Array(64);
  ends = new Int32Array(64);
  hashes = new Int32Array(64);
  count = 0;

  /** Find the words of `text` (the spans and order of `text.match(WORD)`); returns their count. */
  scan(text: string): number {
    const n = text.length;
    let count = 0;
    let i = 0;
    while (i < n) {
      let cp = text.charCodeAt(i);
      let len = 1;
      if ((cp & 0xfc00) === 0xd800 && i + 1 < n && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (text.charCodeAt(i + 1) - 0xdc00);
        len = 2;
      }
      if ((classOf(cp) & START) === 0) {
        i += len;
        continue;
      }
      const start = i;
      let a = FNV_SEED;
      for (const end = i + len; i < end; i++) a = Math.imul(a ^ text.charCodeAt(i), FNV_PRIME);
      while (i < n) {
        cp = text.charCodeAt(i);
        len = 1;
        if ((cp & 0xfc00) === 0xd800 && i + 1 < n && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
          cp = 0x10000 + ((cp - 0xd800) << 10) + (text.charCodeAt(i + 1) - 0xdc00);
          len = 2;
        }
        if ((classOf(cp) & CONT) === 0) break;
        for (const end = i + len; i < end; i++) a = Math.imul(a ^ text.charCodeAt(i), FNV_PRIME);
      }
      if (count === this.starts.length) this.#grow();
      this.starts[count] = start;
      this.ends[count] = i;
      this.hashes[count] = a;
      count++;
    }
    this.count = count;
    return count;
  }

  #grow(): void {
    const size = this.starts.length * 2;
    for (const key of ['starts', 'ends', 'hashes'] as const) {
      const grown = new Int32Array(size);
      grown.set(this[key]);
      this[key] = grown;
    }
  }
}
