import { MAX_NGRAM } from './features.js';

/** Largest transition table (entries) an automaton may take; a bigger model uses `GramTable`. */
const MAX_ENTRIES = 1 << 23;
/** Below 4 × this many code points a text is walked as one chain (the warm-ups would dominate). */
const CHAIN_MIN = 8;
const SPACE = 0x20;

/**
 * The n-gram rows of a naive-Bayes language-ID model as an Aho–Corasick automaton over its
 * alphabet (Aho & Corasick 1975, "Efficient string matching", CACM 18(6)): one table read per
 * character instead of a trie walk of up to MAX_NGRAM reads from every position.
 *
 * The log-likelihood of a text is the sum, over every 1..MAX_NGRAM-gram of it, of the gram's row
 * (the unseen row for a gram the model lacks; a lone space adds nothing). Grouped by the position
 * where a gram ends, that sum only depends on the automaton's state there — the longest suffix of
 * the text read so far that is a gram or a prefix of one — because every gram ending there is a
 * suffix of that state (found on its suffix chain) and every longer suffix is not a gram. So each
 * state keeps its chain's row sum and gram count, and the row of a steady position (MAX_NGRAM
 * grams ending there) is precomputed: `steady = chainSum + (MAX_NGRAM − chainCount) · unseen`.
 *
 * The sums are the trie's (and `GramTable`'s) up to rounding, not bit for bit: additions happen in
 * another order (relative difference ≤ 1e-13, gram-automaton.test.ts). Reading the table is bound
 * by memory latency, so the table has rows only for states with children (a leaf goes on as its
 * failure state would), each entry packing the next row and the state reached, and `accumulate`
 * walks a long text as four independent chains, each starting MAX_NGRAM − 1 characters before its
 * quarter so that its state is exact where the quarter starts.
 */
export class GramAutomaton {
  private readonly symbolOf: Uint8Array;
  private readonly bits: number;
  /** Per row (a state with children) and symbol: (row to read next) << 16 | (state reached). */
  private readonly walk: Int32Array;
  /** Per state, L values: the rows of the grams on its suffix chain, added. */
  private readonly chainSum: Float64Array;
  /** Per state: how many suffix lengths its chain accounts for (grams, and a lone space). */
  private readonly chainCount: Uint8Array;
  /** Per state, L values: the whole sum of a position where MAX_NGRAM grams end. */
  private readonly steady: Float64Array;
  private readonly unseen: Float64Array;
  private readonly L: number;
  private states = new Int32Array(256);

  private constructor(
    symbolOf: Uint8Array,
    bits: number,
    walk: Int32Array,
    chainSum: Float64Array,
    chainCount: Uint8Array,
    steady: Float64Array,
    unseen: Float64Array,
  ) {
    this.symbolOf = symbolOf;
    this.bits = bits;
    this.walk = walk;
    this.chainSum = chainSum;
    this.chainCount = chainCount;
    this.steady = steady;
    this.unseen = unseen;
    this.L = unseen.length;
  }

  /**
   * The automaton of `grams` (row r of `rows`, `unseen.length` values each), or null when its
   * table would exceed MAX_ENTRIES, it has more than 65,536 states or 32,767 with children, the
   * alphabet has more than 255 characters, or a gram has a character beyond the Basic Multilingual Plane.
   */
  static build(grams: readonly string[], rows: Float64Array, unseen: Float64Array): GramAutomaton | null {
    const L = unseen.length;
    const symbolOfCode = new Map<number, number>([[SPACE, 1]]); // a space always has a state: it must add nothing
    for (const g of grams) {
      for (let k = 0; k < g.length; k++) {
        const c = g.charCodeAt(k);
        if (c >= 0xd800 && c <= 0xdfff) return null;
        if (!symbolOfCode.has(c)) symbolOfCode.set(c, symbolOfCode.size + 1);
      }
    }
    if (symbolOfCode.size > 255) return null;
    let bits = 1;
    while (1 << bits <= symbolOfCode.size) bits++;
    const width = 1 << bits;
    // the trie: state 0 is the root; rowOf −1 = a prefix that is not a gram
    const childAt = new Map<number, number>(); // state · 256 + symbol → state
    const rowOf = [-1];
    const addPath = (g: string): number => {
      let state = 0;
      for (let k = 0; k < g.length; k++) {
        const key = state * 256 + symbolOfCode.get(g.charCodeAt(k))!;
        let child = childAt.get(key);
        if (child === undefined) {
          child = rowOf.push(-1) - 1;
          childAt.set(key, child);
        }
        state = child;
      }
      return state;
    };
    grams.forEach((g, r) => {
      rowOf[addPath(g)] = r;
    });
    const spaceState = addPath(' ');
    const count = rowOf.length;
    if (count * width > MAX_ENTRIES || count > 0x10000) return null;
    const next = count < 0x7fff ? new Int16Array(count * width) : new Int32Array(count * width);
    for (const [key, child] of childAt) next[Math.floor(key / 256) * width + (key & 255)] = child;
    // breadth first: a state's failure link is shallower, so its goto row and chain are complete;
    // the root's missing edges stay 0 (the root)
    const fail = new Int32Array(count);
    const chainSum = new Float64Array(count * L);
    const chainCount = new Uint8Array(count);
    const queue = new Int32Array(count);
    let head = 0;
    let tail = 0;
    for (let s = 1; s < width; s++) {
      const child = next[s]!;
      if (child !== 0) queue[tail++] = child; // fail = root
    }
    while (head < tail) {
      const state = queue[head++]!;
      const f = fail[state]!;
      // a lone space is a suffix length accounted for that adds nothing (even when " " is a gram)
      const row = state === spaceState ? -1 : rowOf[state]!;
      chainCount[state] = chainCount[f]! + (row >= 0 || state === spaceState ? 1 : 0);
      for (let l = 0; l < L; l++) chainSum[state * L + l] = chainSum[f * L + l]! + (row >= 0 ? rows[row * L + l]! : 0);
      for (let s = 1; s < width; s++) {
        const child = next[state * width + s]!;
        if (child !== 0) {
          // still a trie child: a state's row gets goto edges only here, after its parent's
          fail[child] = next[f * width + s]!;
          queue[tail++] = child;
        } else {
          next[state * width + s] = next[f * width + s]!;
        }
      }
    }
    const steady = new Float64Array(count * L);
    for (let state = 0; state < count; state++) {
      const missing = MAX_NGRAM - chainCount[state]!;
      for (let l = 0; l < L; l++) steady[state * L + l] = chainSum[state * L + l]! + missing * unseen[l]!;
    }
    // the walk's table: rows only for states with children (6,684 of the built-in model's 28,366:
    // a leaf's goto row is its failure state's), entries packing the row to read next and the state
    // whose sums the position gets — 1.7 MB instead of 3.6 MB, more of it in cache
    const hasChildren = new Uint8Array(count);
    for (const key of childAt.keys()) hasChildren[Math.floor(key / 256)] = 1;
    hasChildren[0] = 1;
    const rowIndex = new Int32Array(count).fill(-1);
    let rowCount = 0;
    for (let state = 0; state < count; state++) if (hasChildren[state]) rowIndex[state] = rowCount++;
    if (rowCount > 0x7fff) return null;
    const rowAfter = new Int32Array(count); // the row that gives a state's transitions: its own, or its nearest failure state's with children
    for (let k = 0; k < tail; k++) {
      const state = queue[k]!;
      rowAfter[state] = hasChildren[state] ? rowIndex[state]! : rowAfter[fail[state]!]!;
    }
    const walk = new Int32Array(rowCount * width);
    for (let state = 0; state < count; state++) {
      if (!hasChildren[state]) continue;
      for (let s = 0; s < width; s++) {
        const target = next[state * width + s]!;
        walk[rowIndex[state]! * width + s] = (rowAfter[target]! << 16) | target;
      }
    }
    const symbolOf = new Uint8Array(Math.max(...symbolOfCode.keys()) + 1);
    for (const [code, symbol] of symbolOfCode) symbolOf[code] = symbol;
    return new GramAutomaton(symbolOf, bits, walk, chainSum, chainCount, steady, Float64Array.from(unseen));
  }

  /**
   * Add the row of every 1..MAX_NGRAM-gram of `cps[0, length)` to `acc` (the unseen row for a gram
   * the model lacks; a lone space adds nothing).
   */
  accumulate(cps: Int32Array, length: number, acc: Float64Array): void {
    if (length === 0) return;
    if (this.states.length < length) this.states = new Int32Array(length * 2);
    const states = this.states;
    if (length < 4 * CHAIN_MIN) walkStates(this.walk, this.bits, this.symbolOf, cps, 0, 0, length, states);
    else walkStates4(this.walk, this.bits, this.symbolOf, cps, length, states);
    const warm = Math.min(MAX_NGRAM - 1, length);
    const { L, chainSum, chainCount, unseen } = this;
    // positions 0 .. MAX_NGRAM − 2 end fewer than MAX_NGRAM grams: j + 1 of them
    for (let j = 0; j < warm; j++) {
      const state = states[j]!;
      const missing = j + 1 - chainCount[state]!;
      for (let l = 0; l < L; l++) acc[l] = acc[l]! + chainSum[state * L + l]! + missing * unseen[l]!;
    }
    if (L === 8) addSteady8(this.steady, states, warm, length, acc);
    else for (let j = warm; j < length; j++) for (let l = 0, o = states[j]! * L; l < L; l++) acc[l] = acc[l]! + this.steady[o + l]!;
  }
}

/** States after each of `cps[from, to)` into `states`, starting at row `row` before `from`. */
function walkStates(walk: Int32Array, bits: number, symbolOf: Uint8Array, cps: Int32Array, row: number, from: number, to: number, states: Int32Array): void {
  const size = symbolOf.length;
  for (let j = from; j < to; j++) {
    const cp = cps[j]!;
    const e = walk[(row << bits) | (cp < size ? symbolOf[cp]! : 0)]!;
    row = e >>> 16;
    states[j] = e & 0xffff;
  }
}

/**
 * `walkStates` over the whole text as four interleaved chains, one per quarter: each table read
 * waits on memory, and four independent reads in flight overlap those waits (≈ 2× faster on the
 * realistic chats' messages than one chain; eight were no faster). A chain starts at the root
 * MAX_NGRAM − 1 characters before its quarter: the state is the longest suffix that is a gram or
 * a prefix of one (at most MAX_NGRAM characters), so it is exact from the quarter's first character.
 */
function walkStates4(walk: Int32Array, bits: number, symbolOf: Uint8Array, cps: Int32Array, length: number, states: Int32Array): void {
  const size = symbolOf.length;
  const quarter = length >> 2;
  const warm = MAX_NGRAM - 1;
  const e0 = quarter;
  const e1 = 2 * quarter;
  const e2 = 3 * quarter;
  // warm-ups: chains 1..3 read the MAX_NGRAM − 1 characters before their quarter (states discarded)
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  for (let k = 0; k < warm; k++) {
    const c1 = cps[e0 - warm + k]!;
    const c2 = cps[e1 - warm + k]!;
    const c3 = cps[e2 - warm + k]!;
    s1 = walk[(s1 << bits) | (c1 < size ? symbolOf[c1]! : 0)]! >>> 16;
    s2 = walk[(s2 << bits) | (c2 < size ? symbolOf[c2]! : 0)]! >>> 16;
    s3 = walk[(s3 << bits) | (c3 < size ? symbolOf[c3]! : 0)]! >>> 16;
  }
  for (let k = 0; k < quarter; k++) {
    const c0 = cps[k]!;
    const c1 = cps[e0 + k]!;
    const c2 = cps[e1 + k]!;
    const c3 = cps[e2 + k]!;
    const w0 = walk[(s0 << bits) | (c0 < size ? symbolOf[c0]! : 0)]!;
    const w1 = walk[(s1 << bits) | (c1 < size ? symbolOf[c1]! : 0)]!;
    const w2 = walk[(s2 << bits) | (c2 < size ? symbolOf[c2]! : 0)]!;
    const w3 = walk[(s3 << bits) | (c3 < size ? symbolOf[c3]! : 0)]!;
    s0 = w0 >>> 16;
    s1 = w1 >>> 16;
    s2 = w2 >>> 16;
    s3 = w3 >>> 16;
    states[k] = w0 & 0xffff;
    states[e0 + k] = w1 & 0xffff;
    states[e1 + k] = w2 & 0xffff;
    states[e2 + k] = w3 & 0xffff;
  }
  // the last chain also takes the remainder (length − 4 · quarter < 4 characters)
  walkStates(walk, bits, symbolOf, cps, s3, e2 + quarter, length, states);
}

/** The steady rows of `states[from, to)` added to `acc`, 8 languages, the sums in locals. */
function addSteady8(steady: Float64Array, states: Int32Array, from: number, to: number, acc: Float64Array): void {
  let a0 = acc[0]!;
  let a1 = acc[1]!;
  let a2 = acc[2]!;
  let a3 = acc[3]!;
  let a4 = acc[4]!;
  let a5 = acc[5]!;
  let a6 = acc[6]!;
  let a7 = acc[7]!;
  for (let j = from; j < to; j++) {
    const o = states[j]! << 3;
    a0 += steady[o]!;
    a1 += steady[o + 1]!;
    a2 += steady[o + 2]!;
    a3 += steady[o + 3]!;
    a4 += steady[o + 4]!;
    a5 += steady[o + 5]!;
    a6 += steady[o + 6]!;
    a7 += steady[o + 7]!;
  }
  acc[0] = a0;
  acc[1] = a1;
  acc[2] = a2;
  acc[3] = a3;
  acc[4] = a4;
  acc[5] = a5;
  acc[6] = a6;
  acc[7] = a7;
}
