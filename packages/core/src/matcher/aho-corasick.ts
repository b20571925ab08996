/**
 * Aho–Corasick automaton over UTF-16 code units: linear in the text length plus the number of
 * matches, whatever the patterns (no backtracking, so no input can make it super-linear).
 */
export interface AutomatonMatch {
  /** Index of the pattern in the array given to the constructor. */
  pattern: number;
  /** Code-unit offsets in the scanned string, end exclusive. */
  start: number;
  end: number;
}

/**
 * States are numbered for the scan loop, not in insertion order: the root is 0, then the nodes
 * that get a dense ASCII row (`1 … rows`, breadth-first, so a row is `state << 7`), then every
 * other node breadth-first. Transition tables hold a _step_, `state << 1 | reports` (`reports`:
 * 1 when some pattern ends at the state or on its failure chain), so the common character costs
 * one table read and no look-up of whether to report. Steps are `Uint16Array` entries while
 * `2 × states ≤ 65,536` (every shipped automaton: half the cache footprint of `Int32Array`),
 * else `Int32Array`.
 */
export class Automaton {
  /** Failure link per state. */
  private readonly fail: Int32Array;
  /**
   * Patterns ending exactly at a state: `outIds[outFirst[state] … outFirst[state + 1])`, in pattern
   * order (typed arrays, not an array per node: a 24,000-term lexicon has 160,000 nodes, which
   * every full garbage collection would otherwise walk).
   */
  private readonly outFirst: Int32Array;
  private readonly outIds: Int32Array;
  /** Nearest state on the failure chain that has outputs (-1 none). */
  private readonly dict: Int32Array;
  private readonly lengths: Int32Array;
  /** Per state: itself when patterns end there, else `dict` (the first state on its failure chain that reports), -1 none. */
  private readonly report: Int32Array;
  /** Steps out of the root for the whole BMP: most characters of a text restart there. */
  private readonly root: Uint16Array | Int32Array;
  /** All other transitions in one open-addressing table: (state, code unit) → step. */
  /** Three ints per slot, side by side (one cache line per probe): state (-1 empty), code unit, step. */
  private readonly slots: Int32Array;
  private readonly mask: number;
  /**
   * Per state: bit `c & 31` set when the state has a child on some code unit `c` with those low
   * bits. A clear bit answers "no child" with one load instead of a probe of the table (most
   * probes in CJK text, whose nodes have a few children among thousands of ideographs, miss).
   */
  private readonly childBits: Int32Array;
  /**
   * Complete ASCII steps (failures resolved: the step after reading the unit) of states
   * `0 … denseStates`, 128 per row, row `state << 7`: one load per character where most text is
   * ASCII. The shallowest states entered by an ASCII unit get one (failure links of those states
   * have rows too). Empty, with `denseStates` -1, until built.
   */
  private dense: Uint16Array | Int32Array;
  /** The last state with a dense row (-1 until the rows are built). */
  private denseStates = -1;
  /** How many states get a row once built. */
  private readonly rows: number;
  /** Code units left to scan before the dense rows are built (an automaton used once never pays for them). */
  private untilDense = DENSE_AFTER;

  constructor(patterns: readonly string[]) {
    /** Build-time trie (code unit → child per node, nodes in insertion order); scanning uses the flat tables below. */
    const edges: Map<number, number>[] = [new Map()];
    /** The code unit on the edge into each node. */
    const via: number[] = [-1];
    this.lengths = Int32Array.from(patterns, (p) => p.length);
    /** The node where each pattern ends (0: an empty pattern, which reports nothing). */
    const endOf = new Int32Array(patterns.length);
    patterns.forEach((p, id) => {
      if (!p) return;
      let node = 0;
      for (let i = 0; i < p.length; i++) {
        const c = p.charCodeAt(i);
        let next = edges[node]!.get(c);
        if (next === undefined) {
          next = edges.length;
          edges.push(new Map());
          via.push(c);
          edges[node]!.set(c, next);
        }
        node = next;
      }
      endOf[id] = node;
    });
    const nodes = edges.length;
    const hasOut = new Uint8Array(nodes);
    for (const node of endOf) if (node > 0) hasOut[node] = 1;
    // breadth-first failure links and output links, by node
    const failOf = new Int32Array(nodes);
    const dictOf = new Int32Array(nodes).fill(-1);
    const queue: number[] = [];
    for (const child of edges[0]!.values()) queue.push(child);
    for (let q = 0; q < queue.length; q++) {
      const node = queue[q]!;
      for (const [c, child] of edges[node]!) {
        let f = failOf[node]!;
        while (f !== 0 && !edges[f]!.has(c)) f = failOf[f]!;
        const target = edges[f]!.get(c);
        failOf[child] = target !== undefined && target !== child ? target : 0;
        const fc = failOf[child]!;
        dictOf[child] = hasOut[fc] ? fc : dictOf[fc]!;
        queue.push(child);
      }
    }
    // states: the root, the nodes with a dense row (the shallowest entered by ASCII), the others, breadth-first
    const stateOf = new Int32Array(nodes).fill(-1);
    stateOf[0] = 0;
    let states = 1;
    for (let q = 0; q < queue.length && states <= MAX_DENSE_ROWS; q++) if (via[queue[q]!]! < 0x80) stateOf[queue[q]!] = states++;
    this.rows = states;
    for (const node of queue) if (stateOf[node]! < 0) stateOf[node] = states++;
    const nodeOf = new Int32Array(nodes);
    for (let node = 0; node < nodes; node++) nodeOf[stateOf[node]!] = node;
    const mapped = (node: number) => (node < 0 ? -1 : stateOf[node]!);
    const reportOf = (node: number) => (hasOut[node] ? node : dictOf[node]!);
    const step = (node: number) => (stateOf[node]! << 1) | (reportOf(node) > 0 ? 1 : 0);
    const Steps = 2 * nodes <= 0x10000 ? Uint16Array : Int32Array;
    this.fail = new Int32Array(nodes);
    this.dict = new Int32Array(nodes);
    this.report = new Int32Array(nodes);
    this.outFirst = new Int32Array(nodes + 1);
    for (let s = 0; s < nodes; s++) {
      const node = nodeOf[s]!;
      this.fail[s] = stateOf[failOf[node]!]!;
      this.dict[s] = mapped(dictOf[node]!);
      this.report[s] = mapped(reportOf(node));
    }
    endOf.forEach((node) => {
      if (node > 0) this.outFirst[stateOf[node]! + 1]!++;
    });
    for (let s = 0; s < nodes; s++) this.outFirst[s + 1]! += this.outFirst[s]!;
    this.outIds = new Int32Array(this.outFirst[nodes]!);
    const filled = this.outFirst.slice(0, nodes);
    endOf.forEach((node, id) => {
      if (node > 0) this.outIds[filled[stateOf[node]!]!++] = id;
    });
    this.root = new Steps(0x10000);
    for (const [c, child] of edges[0]!) this.root[c] = step(child);
    let transitions = 0;
    for (const e of edges) transitions += e.size;
    let size = 16;
    while (size < transitions * 2) size <<= 1;
    this.mask = size - 1;
    const slots = new Int32Array(3 * size);
    for (let k = 0; k < slots.length; k += 3) slots[k] = -1;
    this.slots = slots;
    this.childBits = new Int32Array(nodes);
    edges.forEach((e, node) => {
      const s = stateOf[node]!;
      for (const [c, to] of e) {
        this.childBits[s]! |= 1 << (c & 31);
        let slot = slotOf(s, c) & this.mask;
        while (slots[3 * slot] !== -1) slot = (slot + 1) & this.mask;
        slots[3 * slot] = s;
        slots[3 * slot + 1] = c;
        slots[3 * slot + 2] = step(to);
      }
    });
    this.dense = new Steps(0);
  }

  /**
   * Fill the dense ASCII rows, in state order (breadth-first) so a state's failure target
   * already has its row: the target's row (the root's: its steps), then the state's own ASCII
   * edges (gathered from the transition table in one pass) over it.
   */
  private buildDenseRows(): void {
    const { fail, root, slots, rows } = this;
    const slotCount = slots.length / 3;
    const first = new Int32Array(rows + 1);
    const own = (slot: number) => slots[3 * slot]! > 0 && slots[3 * slot]! < rows && slots[3 * slot + 1]! < 0x80;
    for (let slot = 0; slot < slotCount; slot++) if (own(slot)) first[slots[3 * slot]! + 1]!++;
    for (let r = 0; r < rows; r++) first[r + 1]! += first[r]!;
    const next = first.slice(0, rows);
    const edgeSlots = new Int32Array(first[rows]!);
    for (let slot = 0; slot < slotCount; slot++) if (own(slot)) edgeSlots[next[slots[3 * slot]!]!++] = slot;
    const dense = root instanceof Uint16Array ? new Uint16Array(rows * 128) : new Int32Array(rows * 128);
    dense.set(root.subarray(0, 128));
    for (let s = 1; s < rows; s++) {
      dense.copyWithin(s * 128, fail[s]! * 128, fail[s]! * 128 + 128);
      for (let k = first[s]!; k < first[s + 1]!; k++) dense[s * 128 + slots[3 * edgeSlots[k]! + 1]!] = slots[3 * edgeSlots[k]! + 2]!;
    }
    this.dense = dense;
    this.denseStates = rows - 1;
  }

  /** Number of states. */
  get size(): number {
    return this.fail.length;
  }

  /**
   * Call `onMatch` for every occurrence of every pattern in `text` (overlaps included).
   * Returns the number of state transitions taken (edges plus failure hops), which is at most
   * 2 × text.length: the linear-time guarantee, observable without a clock.
   */
  scan(text: string, onMatch: (pattern: number, start: number, end: number) => void): number {
    if (scratch.length < text.length) scratch = new Uint16Array(Math.max(text.length, scratch.length * 2));
    const codes = scratch;
    for (let i = 0; i < text.length; i++) codes[i] = text.charCodeAt(i);
    return this.scanCodes(codes, text.length, onMatch);
  }

  /** `scan` over the first `length` code units of a buffer (no string needed). */
  scanCodes(codes: Uint16Array, length: number, onMatch: (pattern: number, start: number, end: number) => void): number {
    const hits = new AutomatonHits();
    const steps = this.collect(codes, length, hits);
    const { data, count } = hits;
    for (let k = 0; k < 3 * count; k += 3) onMatch(data[k]!, data[k + 1]!, data[k + 2]!);
    return steps;
  }

  /**
   * `scanCodes` writing the matches into `hits` (cleared first) as flat triples (pattern, start,
   * end) in the order `scan` reports them: by end, then longest first, then pattern order. No
   * allocation unless `hits` must grow. Returns the number of state transitions, as `scan`.
   */
  collect(codes: Uint16Array, length: number, hits: AutomatonHits): number {
    hits.count = 0;
    if (this.untilDense > 0 && (this.untilDense -= length) <= 0) this.buildDenseRows();
    let state = 0;
    let steps = length;
    const { fail, outFirst, outIds, dict, lengths, report, root, dense, denseStates, childBits } = this;
    for (let i = 0; i < length; i++) {
      const c = codes[i]!;
      let step: number;
      if (c < 0x80 && state <= denseStates) step = dense[(state << 7) | c]!;
      else if (state === 0) step = root[c]!;
      else {
        const bit = 1 << (c & 31);
        step = (childBits[state]! & bit) === 0 ? 0 : this.child(state, c);
        while (step === 0 && state !== 0) {
          state = fail[state]!;
          step = state === 0 ? root[c]! : (childBits[state]! & bit) === 0 ? 0 : this.child(state, c);
          steps++;
        }
      }
      state = step >> 1;
      if ((step & 1) === 0) continue;
      for (let n = report[state]!; n >= 0; n = dict[n]!) {
        for (let k = outFirst[n]!; k < outFirst[n + 1]!; k++) {
          const p = outIds[k]!;
          hits.push(p, i + 1 - lengths[p]!, i + 1);
        }
      }
    }
    return steps;
  }

  /** The step of `state` (not the root) on code unit `c`, or 0 when it has no such child (`childBits` checked by the caller). */
  private child(state: number, c: number): number {
    const { slots, mask } = this;
    for (let slot = slotOf(state, c) & mask; ; slot = (slot + 1) & mask) {
      const k = slots[3 * slot]!;
      if (k === -1) return 0;
      if (k === state && slots[3 * slot + 1] === c) return slots[3 * slot + 2]!;
    }
  }

  /** All matches as objects (convenience; `scan` avoids the allocation). */
  findAll(text: string): AutomatonMatch[] {
    const found: AutomatonMatch[] = [];
    this.scan(text, (pattern, start, end) => found.push({ pattern, start, end }));
    return found;
  }
}

/** Code units an automaton scans before it builds its dense ASCII rows. */
const DENSE_AFTER = 16_384;

/** At most this many nodes besides the root get a dense ASCII row (1 MB of `Uint16Array` steps): the shallow ones, where a scan spends its time. */
const MAX_DENSE_ROWS = 4096;

/** Matches as flat triples (pattern, start, end): `count` triples are valid; grows on demand. */
export class AutomatonHits {
  data = new Int32Array(0);
  count = 0;

  push(pattern: number, start: number, end: number): void {
    let at = 3 * this.count;
    if (at + 3 > this.data.length) {
      const grown = new Int32Array(Math.max(48, this.data.length * 2));
      grown.set(this.data);
      this.data = grown;
    }
    this.data[at++] = pattern;
    this.data[at++] = start;
    this.data[at] = end;
    this.count++;
  }
}

/** Code units of the text `scan` is reading (grown on demand, reused: scans never nest). */
let scratch = new Uint16Array(256);

/** Mix a (node, code unit) pair into a table slot. */
function slotOf(node: number, c: number): number {
  return Math.imul(node, 0x9e3779b1) ^ Math.imul(c, 0x85ebca6b);
}
