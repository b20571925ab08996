import { normalizeText } from '../../../pipeline/normalize/text-view.js';
import { CjkGramTable } from './cjk-gram-table.js';
import { add, addCode, begin, type FeatureHash, type FeatureTable, prefixState, prefixTable, resume } from './feature-hash.js';
import { WordSpans } from './word-spans.js';

const NEGATORS = new Set([
  'not',
  'no',
  'never',
  "don't",
  "doesn't",
  "didn't",
  "isn't",
  "wasn't",
  "aren't",
  "won't",
  "can't",
  'cannot',
  'nothing',
  'nobody',
  'hardly',
  'nicht',
  'kein',
  'keine',
  'keinen',
  'nie',
  'niemals',
  'nichts',
  'ne',
  'pas',
  'jamais',
  'rien',
  'nunca',
  'nada',
  'não',
  'nem',
]);
const CJK = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/u;
const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}'’]*/gu;

/**
 * Sparse binary features of one text for the polarity models: CJK character 1–3-grams; words,
 * word bigrams, character 4-grams inside words and negation-scoped words (`n:good`) for
 * alphabetic scripts; support-chat cues (!!!, ???, shouting in capitals). Each feature once.
 * Pass `normalized` when the text's normalized view already exists (the pipeline has one).
 */
export function sentimentFeatures(text: string, normalized?: string): string[] {
  return [...new Set(sentimentFeatureList(text, normalized))];
}

/** `sentimentFeatures` before deduplication: a feature may repeat (the models count it once). */
export function sentimentFeatureList(text: string, normalized?: string): string[] {
  const norm = normalized ?? normalizeText(text).normalized;
  const out: string[] = [];
  if (CJK.test(norm)) {
    const chars = Array.from(norm.replace(/\s+/g, ''));
    for (let i = 0; i < chars.length; i++) {
      out.push(`c:${chars[i]}`);
      if (i + 1 < chars.length) out.push(`c:${chars[i]}${chars[i + 1]}`);
      if (i + 2 < chars.length) out.push(`c:${chars[i]}${chars[i + 1]}${chars[i + 2]}`);
    }
  }
  const words = norm.match(WORD) ?? [];
  let negated = 0;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!.replace(/’/g, "'");
    out.push(negated > 0 ? `n:${w}` : `w:${w}`);
    if (!CJK.test(w)) {
      const p = ` ${w} `;
      for (let k = 0; k + 4 <= p.length; k++) out.push(`g:${p.slice(k, k + 4)}`);
    }
    if (i + 1 < words.length) out.push(`b:${w} ${words[i + 1]}`);
    if (NEGATORS.has(w)) negated = 3;
    else if (negated > 0) negated--;
  }
  out.push(...cuesOf(text));
  return out;
}

/** Support-chat cues of the raw text: `cue:!!`, `cue:??`, `cue:caps` (two or more words in capitals). */
function cuesOf(text: string): string[] {
  const out: string[] = [];
  if (text.includes('!!')) out.push('cue:!!');
  if (text.includes('??')) out.push('cue:??');
  if ((text.match(/\b[A-Z]{3,}\b/g) ?? []).length >= 2) out.push('cue:caps');
  return out;
}

/**
 * `sentimentFeatureList` hashed (see feature-hash.ts): the same features in the same order, each
 * reported to `visit` once its hash in `h` is complete, without building a string. Predictions read
 * `sentimentRowReader` instead (decision 237); this stays as the plain statement of the features'
 * order that the reader is property-tested against.
 */
export function eachSentimentFeatureHash(text: string, normalized: string | undefined, h: FeatureHash, visit: () => void): void {
  const norm = normalized ?? normalizeText(text).normalized;
  // no word of a text without CJK characters holds one: the per-word test is skipped
  const cjk = CJK.test(norm);
  if (cjk) {
    // the code points of the text without spaces (as Array.from splits it: a lone surrogate is
    // one), each n-gram hashed as the code units it spans: no string per character
    const chars = norm.replace(/\s+/g, '');
    const at = codePointStarts(chars);
    const n = at.length - 1;
    for (let i = 0; i < n; i++) {
      resume(h, C);
      add(h, chars, at[i]!, at[i + 1]!);
      visit();
      if (i + 1 < n) {
        resume(h, C);
        add(h, chars, at[i]!, at[i + 2]!);
        visit();
      }
      if (i + 2 < n) {
        resume(h, C);
        add(h, chars, at[i]!, at[i + 3]!);
        visit();
      }
    }
  }
  const words = norm.match(WORD) ?? [];
  let negated = 0;
  for (let i = 0; i < words.length; i++) {
    const w = straightApostrophes(words[i]!);
    resume(h, negated > 0 ? N : W);
    add(h, w, 0, w.length);
    visit();
    if (!cjk || !CJK.test(w)) {
      // the 4-grams of ` ${w} `: position k of that string is a space at 0 and at w.length + 1
      const last = w.length + 1;
      for (let k = 0; k + 4 <= last + 1; k++) {
        resume(h, G);
        for (let j = k; j < k + 4; j++) addCode(h, j === 0 || j === last ? 32 : w.charCodeAt(j - 1));
        visit();
      }
    }
    if (i + 1 < words.length) {
      resume(h, B);
      add(h, w, 0, w.length);
      addCode(h, 32);
      add(h, words[i + 1]!, 0, words[i + 1]!.length);
      visit();
    }
    if (NEGATORS.has(w)) negated = 3;
    else if (negated > 0) negated--;
  }
  for (const cue of cuesOf(text)) {
    begin(h, cue);
    visit();
  }
}

/** Adds one weight row of a model to the prediction being summed. */
export type AddRow = (row: number) => void;

/**
 * Words of at most this many code units are kept in a model's word cache (see `sentimentRowReader`).
 * 12 while the cache kept the word as a string (V8 copies a slice that short, so a kept word did
 * not hold its message); the entry now holds the code units, and the longer words repeat too: per
 * 1,000 realistic chats 9,337 words of 13 units or more (a German compound, a Chinese phrase — a
 * run of CJK letters is one word — an agent's template) were read afresh each time, 149k units.
 */
const CACHED_WORD_MAX = 64;
/** A model's word cache is emptied when it holds this many words. */
const WORD_CACHE_SIZE = 16384;
/**
 * Layout of a cached word in the pool: w-row, n-row, flags, bigram state (2), count of 4-gram rows,
 * length in code units, the successor filter (`FOLLOWER_WORDS` elements), the code units (one an
 * element), the 4-gram rows.
 */
const E_W = 0;
const E_N = 1;
const E_FLAGS = 2;
const E_BA = 3;
const E_BB = 4;
const E_GRAMS = 5;
const E_LEN = 6;
const E_FOLLOWERS = 7;
/** 32-bit words of a word's successor filter: 128 bits. */
const FOLLOWER_WORDS = 4;
const E_HEAD = E_FOLLOWERS + FOLLOWER_WORDS;
const NEGATOR = 1;
const STARTS_BIGRAM = 2;

/**
 * The rows of a model's features of one text, each passed to `add` in the order
 * `eachSentimentFeatureHash` visits their hashes (features absent from the model skipped), so a
 * scorer that sums rows as they come gives the same doubles, bit for bit, as looking each hash up
 * in `table` (`names` are the model's feature names, row by row).
 *
 * Why (issue 16): on the realistic chats three features in four of an alphabetic text are the
 * 4-grams and the word itself, pure functions of one word, and a support chat repeats few words
 * (en: 143k words, 3,575 distinct). Each word of at most `CACHED_WORD_MAX` code units is read
 * once per model: the rows of its `w:`, `n:` and `g:` features, whether it is a negator, and the
 * hash state after `b:word ` are kept in a pool under the word (a `WordCache`; the entry holds
 * the word's code units, so no string is kept). The words are read as spans of the text
 * (`WordSpans`): a kept word is compared in place, only a new one is sliced. With `relocate` (see
 * `createSentimentModel`) the entry holds the rows' copies, side by side in the order words come.
 * A bigram is hashed only when one of the model's bigrams starts with its first word (a bigram no
 * feature starts like is not in the model) and the next word passes that word's successor filter. The CJK n-grams are read by their code
 * units (`CjkGramTable`).
 */
export function sentimentRowReader(
  table: FeatureTable,
  names: readonly string[],
  relocate: (row: number) => number = sameRow,
): (text: string, normalized: string | undefined, add: AddRow) => void {
  // the first words of the model's bigrams, `b:${w} ${next}` (no word holds a space), each with
  // the filter of the words that follow it there
  const bigramStarts = new Map<string, Int32Array>();
  for (const name of names) {
    if (!name.startsWith('b:')) continue;
    const space = name.indexOf(' ', 2);
    if (space < 0) continue;
    const first = name.slice(2, space);
    let followers = bigramStarts.get(first);
    if (!followers) bigramStarts.set(first, (followers = new Int32Array(FOLLOWER_WORDS)));
    const bit = followerBit(wordHash(name, space + 1, name.length));
    followers[bit >>> 5]! |= 1 << (bit & 31);
  }
  // the bigrams alone, one cache line a probe (null: two of them collide, read from `table`)
  const bigrams = prefixTable(names, 'b:') ?? table;
  const h: FeatureHash = { a: 0, b: 0 };
  const cueRow = new Map<string, number>();
  for (const cue of ['cue:!!', 'cue:??', 'cue:caps']) {
    begin(h, cue);
    cueRow.set(cue, table.rowOf(h.a, h.b));
  }
  // a model without c: features has none of a text's n-grams; one with them reads them keyed by
  // their code units (null: too many 2-grams for that table, hashed)
  const hasGrams = names.some((name) => name.startsWith('c:'));
  const grams = hasGrams ? CjkGramTable.of(names) : null;
  const cached = new WordCache();
  const spans = new WordSpans();
  let pool: Int32Array = new Int32Array(1 << 14);
  let used = 0;
  // the entry of the word being read when it is not kept
  let scratch: Int32Array = new Int32Array(64);

  /** The row of the word feature hashed in `h`, as `relocate` gives it, or -1. */
  function wordRow(h: FeatureHash): number {
    const r = table.rowOf(h.a, h.b);
    return r >= 0 ? relocate(r) : -1;
  }

  /** Write the entry of `raw` at `out[at…]`; returns the array it is in (grown when needed) and its end. */
  function entry(raw: string, out: Int32Array, at: number): [Int32Array, number] {
    const w = straightApostrophes(raw);
    // the code units, then at most w.length - 1 four-grams of ` ${w} `
    const size = E_HEAD + 2 * w.length;
    if (at + size > out.length) {
      const grown = new Int32Array(Math.max(out.length * 2, at + size));
      grown.set(out.subarray(0, at));
      out = grown;
    }
    resume(h, W);
    add(h, w, 0, w.length);
    out[at + E_W] = wordRow(h);
    resume(h, N);
    add(h, w, 0, w.length);
    out[at + E_N] = wordRow(h);
    let flags = NEGATORS.has(w) ? NEGATOR : 0;
    const followers = bigramStarts.get(w);
    if (followers) {
      flags |= STARTS_BIGRAM;
      out.set(followers, at + E_FOLLOWERS);
      resume(h, B);
      add(h, w, 0, w.length);
      addCode(h, 32);
      out[at + E_BA] = h.a;
      out[at + E_BB] = h.b;
    }
    out[at + E_FLAGS] = flags;
    out[at + E_LEN] = raw.length;
    for (let k = 0; k < raw.length; k++) out[at + E_HEAD + k] = raw.charCodeAt(k);
    const first = at + E_HEAD + raw.length;
    let grams = 0;
    if (!CJK.test(w)) {
      const last = w.length + 1;
      for (let k = 0; k + 4 <= last + 1; k++) {
        resume(h, G);
        for (let j = k; j < k + 4; j++) addCode(h, j === 0 || j === last ? 32 : w.charCodeAt(j - 1));
        const r = wordRow(h);
        if (r >= 0) out[first + grams++] = r;
      }
    }
    out[at + E_GRAMS] = grams;
    return [out, first + grams];
  }

  return (text, normalized, addRow) => {
    const norm = normalized ?? normalizeText(text).normalized;
    if (hasGrams && CJK.test(norm)) {
      const chars = norm.replace(/\s+/g, '');
      if (grams === null || !grams.eachRow(chars, addRow)) {
        // a code point beyond the BMP: the n-grams hashed
        const at = codePointStarts(chars);
        const n = at.length - 1;
        for (let i = 0; i < n; i++) {
          for (let k = 1; k <= 3 && i + k <= n; k++) {
            resume(h, C);
            add(h, chars, at[i]!, at[i + k]!);
            const r = table.rowOf(h.a, h.b);
            if (r >= 0) addRow(r);
          }
        }
      }
    }
    // the words as spans of norm: a word already kept is compared in place, not sliced
    const count = spans.scan(norm);
    const { starts, ends, hashes } = spans;
    let negated = 0;
    for (let i = 0; i < count; i++) {
      const start = starts[i]!;
      const end = ends[i]!;
      let e: Int32Array;
      let o: number;
      const short = end - start <= CACHED_WORD_MAX;
      const known = short ? cached.getSpan(pool, norm, start, end, hashes[i]!) : -1;
      if (known >= 0) {
        e = pool;
        o = known;
      } else if (short) {
        if (cached.size >= WORD_CACHE_SIZE) {
          cached.clear();
          used = 0;
        }
        // (the entry keeps the code units, not this slice)
        const raw = norm.slice(start, end);
        o = used;
        [pool, used] = entry(raw, pool, used);
        cached.set(hashes[i]!, o);
        e = pool;
      } else {
        [scratch] = entry(norm.slice(start, end), scratch, 0);
        e = scratch;
        o = 0;
      }
      const r = e[o + (negated > 0 ? E_N : E_W)]!;
      if (r >= 0) addRow(r);
      for (let g = o + E_HEAD + (end - start), last = g + e[o + E_GRAMS]!; g < last; g++) addRow(e[g]!);
      const flags = e[o + E_FLAGS]!;
      // a bigram is looked up only when the next word may follow the word in one (its filter bit is set)
      if (
        flags & STARTS_BIGRAM &&
        i + 1 < count &&
        (e[o + E_FOLLOWERS + (followerBit(hashes[i + 1]!) >>> 5)]! & (1 << (followerBit(hashes[i + 1]!) & 31))) !== 0
      ) {
        h.a = e[o + E_BA]!;
        h.b = e[o + E_BB]!;
        add(h, norm, starts[i + 1]!, ends[i + 1]!);
        const b = bigrams.rowOf(h.a, h.b);
        if (b >= 0) addRow(b);
      }
      if (flags & NEGATOR) negated = 3;
      else if (negated > 0) negated--;
    }
    for (const cue of cuesOf(text)) {
      const r = cueRow.get(cue)!;
      if (r >= 0) addRow(r);
    }
  };
}

/**
 * Words → the offset of their entry in a pool, at most `WORD_CACHE_SIZE` words: open addressing
 * over the FNV-1a hash of its code units (`WordSpans`), the word compared on a hash match with the
 * code units its pool entry holds. Half the time of a `Map<string, number>` on the realistic chats'
 * words, fresh strings of a regex match (322k lookups: 45 vs 91 ms, same process), where the Map
 * lookup was the costliest line of a prediction. A slot is [hash, offset] in one array and the word
 * is read from the entry a hit reads next, not from a string of its own: a hit reads one slot and
 * the entry (before, three arrays and a string: more cache lines, see `sentimentRowReader`).
 */
class WordCache {
  /** [hash, offset (-1: empty)] per slot, 2 × `WORD_CACHE_SIZE` slots. */
  readonly #slots = emptySlots();
  size = 0;

  /** The offset in `pool` kept under the word `text[start … end-1]` (whose FNV-1a hash, see `WordSpans`, is `hash`), or -1. */
  getSpan(pool: Int32Array, text: string, start: number, end: number, hash: number): number {
    const slots = this.#slots;
    const mask = slots.length - 2;
    for (let s = (hash << 1) & mask; ; s = (s + 2) & mask) {
      const o = slots[s + 1]!;
      if (o < 0 || (slots[s] === hash && sameSpan(pool, o, text, start, end))) return o;
    }
  }

  /** Keep `offset` under the word whose hash is `hash` (its entry holds its code units), not kept yet (`size` below `WORD_CACHE_SIZE`). */
  set(hash: number, offset: number): void {
    const slots = this.#slots;
    const mask = slots.length - 2;
    let s = (hash << 1) & mask;
    while (slots[s + 1]! >= 0) s = (s + 2) & mask;
    slots[s] = hash;
    slots[s + 1] = offset;
    this.size++;
  }

  clear(): void {
    this.#slots.fill(-1);
    this.size = 0;
  }
}

function emptySlots(): Int32Array {
  return new Int32Array(4 * WORD_CACHE_SIZE).fill(-1);
}

/** Are the code units of the entry at `pool[o…]` those of `text[start … end-1]`? */
function sameSpan(pool: Int32Array, o: number, text: string, start: number, end: number): boolean {
  if (pool[o + E_LEN] !== end - start) return false;
  for (let k = 0, u = o + E_HEAD; k < end - start; k++, u++) if (pool[u] !== text.charCodeAt(start + k)) return false;
  return true;
}

/** The bit of a word's successor filter for a following word whose FNV-1a hash (`WordSpans`) is `hash`: 0 … 127. */
function followerBit(hash: number): number {
  return Math.imul(hash, 0x9e3779b1) >>> 25;
}

/** FNV-1a of the code units `s[from … to-1]`, as `WordSpans` hashes a word. */
function wordHash(s: string, from: number, to: number): number {
  let a = 0x811c9dc5 | 0;
  for (let i = from; i < to; i++) a = Math.imul(a ^ s.charCodeAt(i), 0x01000193);
  return a;
}

function sameRow(row: number): number {
  return row;
}

/** The hash states after each feature prefix (see `prefixState`). */
const C = prefixState('c:');
const W = prefixState('w:');
const N = prefixState('n:');
const G = prefixState('g:');
const B = prefixState('b:');

/** Where each code point of `s` starts, then `s.length` (a lone surrogate is a code point of its own, as in `Array.from`). */
function codePointStarts(s: string): number[] {
  const at: number[] = [];
  for (let k = 0; k < s.length; ) {
    at.push(k);
    const c = s.charCodeAt(k);
    k += c >= 0xd800 && c <= 0xdbff && k + 1 < s.length && (s.charCodeAt(k + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
  }
  at.push(s.length);
  return at;
}

/** `word` with ’ written ' (the normalized view has folded most already: no regex runs then). */
function straightApostrophes(word: string): string {
  return word.includes('’') ? word.replace(/’/g, "'") : word;
}
