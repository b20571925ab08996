/**
 * Hashed features for the shipped linear models (issue 16): a feature is known by 64 bits — two
 * 32-bit hashes of its UTF-16 code units (FNV-1a, and a multiply-xorshift with another seed) —
 * computed piece by piece while the features are enumerated, so no feature string is built, kept
 * in a Set or looked up in a Map<string>.
 *
 * Exactness: equal strings give equal hashes by construction; a model whose own feature names
 * collide on the 64 bits gets no table (`featureTable` returns null, the caller keeps the string
 * path). An absent feature taken for a model feature needs both 32-bit halves to collide: about
 * (model features) / 2^64 per lookup, ≈ 4·10^-15 for the largest shipped model (73k features).
 */

const SEED_A = 0x811c9dc5 | 0;
const SEED_B = 0x9747b28c | 0;

/** The two running hashes of the feature being enumerated. */
export interface FeatureHash {
  a: number;
  b: number;
}

/** Start a feature: reset `h` and hash `prefix` (e.g. `g:`). */
export function begin(h: FeatureHash, prefix: string): void {
  h.a = SEED_A;
  h.b = SEED_B;
  add(h, prefix, 0, prefix.length);
}

/** The state `begin(h, prefix)` leaves, to start many features with one prefix by `resume`. */
export function prefixState(prefix: string): Readonly<FeatureHash> {
  const h: FeatureHash = { a: 0, b: 0 };
  begin(h, prefix);
  return h;
}

/** `begin(h, prefix)` where `state` is `prefixState(prefix)`: the prefix is not hashed again. */
export function resume(h: FeatureHash, state: Readonly<FeatureHash>): void {
  h.a = state.a;
  h.b = state.b;
}

/** Hash the code units `from … to-1` of `s` into `h`. */
export function add(h: FeatureHash, s: string, from: number, to: number): void {
  let { a, b } = h;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 13;
  }
  h.a = a;
  h.b = b;
}

/** Hash one code unit into `h`. */
export function addCode(h: FeatureHash, c: number): void {
  h.a = Math.imul(h.a ^ c, 0x01000193);
  const b = Math.imul(h.b ^ c, 0x5bd1e995);
  h.b = b ^ (b >>> 13);
}

/** Row lookup by the 64-bit hash: open addressing over typed arrays (no allocation per lookup). */
export interface FeatureTable {
  /** The row of the feature hashed as (a, b), or -1. */
  rowOf(a: number, b: number): number;
}

/**
 * A table from the hashes of `features` to their index (row), or null when two of them share all
 * 64 bits (the caller then keeps exact string lookups).
 */
export function featureTable(features: readonly string[]): FeatureTable | null {
  let capacity = 16;
  while (capacity < features.length * 2) capacity *= 2;
  const mask = capacity - 1;
  const keyA = new Int32Array(capacity);
  const keyB = new Int32Array(capacity);
  const rows = new Int32Array(capacity).fill(-1);
  const h: FeatureHash = { a: 0, b: 0 };
  for (let r = 0; r < features.length; r++) {
    begin(h, features[r]!);
    let slot = h.a & mask;
    while (rows[slot] !== -1) {
      if (keyA[slot] === h.a && keyB[slot] === h.b) return null;
      slot = (slot + 1) & mask;
    }
    keyA[slot] = h.a;
    keyB[slot] = h.b;
    rows[slot] = r;
  }
  return {
    rowOf(a, b) {
      let slot = a & mask;
      for (let r = rows[slot]!; r !== -1; r = rows[slot]!) {
        if (keyA[slot] === a && keyB[slot] === b) return r;
        slot = (slot + 1) & mask;
      }
      return -1;
    },
  };
}

/**
 * `featureTable` of the features among `features` that start with `prefix` (their rows those of
 * `features`), or null when two of them share all 64 bits. A slot is [a, b, row, 0] in one array:
 * a probe reads one cache line, where `featureTable` reads three arrays.
 *
 * Why (issue 16): the sentiment reader looks up the bigrams (`b:`) of a text by their hashes, 13 a
 * message on the realistic English chats, and those lookups were a fifth of a prediction's time in
 * a line profile, nearly all of it the three loads of the whole model's table: its 7,673 bigrams
 * take 16,384 slots of 16 bytes here, against 65,536 slots in three arrays of 256 KB there. A hash
 * is found here exactly when it is the hash of a feature with the prefix.
 */
export function prefixTable(features: readonly string[], prefix: string): FeatureTable | null {
  let count = 0;
  for (const f of features) if (f.startsWith(prefix)) count++;
  let capacity = 16;
  while (capacity < count * 2) capacity *= 2;
  const mask = capacity - 1;
  const slots = new Int32Array(capacity * 4);
  for (let s = 0; s < capacity; s++) slots[s * 4 + 2] = -1;
  const h: FeatureHash = { a: 0, b: 0 };
  for (let r = 0; r < features.length; r++) {
    if (!features[r]!.startsWith(prefix)) continue;
    begin(h, features[r]!);
    let s = (h.a & mask) << 2;
    while (slots[s + 2] !== -1) {
      if (slots[s] === h.a && slots[s + 1] === h.b) return null;
      s = (s + 4) & (mask << 2);
    }
    slots[s] = h.a;
    slots[s + 1] = h.b;
    slots[s + 2] = r;
  }
  const wrap = mask << 2;
  return {
    rowOf(a, b) {
      let s = (a & mask) << 2;
      for (let r = slots[s + 2]!; r !== -1; r = slots[s + 2]!) {
        if (slots[s] === a && slots[s + 1] === b) return r;
        s = (s + 4) & wrap;
      }
      return -1;
    },
  };
}
