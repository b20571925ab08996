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

export class Automaton {
  private readonly fail: Int32Array;
  /**
   * Patterns ending exactly at a node: `outIds[outFirst[node] … outFirst[node + 1])`, in pattern
   * order (typed arrays, not an array per node: a 24,000-term lexicon has 160,000 nodes, which
   * every full garbage collection would otherwise walk).
   */
  private readonly outFirst: Int32Array;
  private readonly outIds: Int32Array;
  /** Nearest node on the failure chain that has outputs (-1 none). */
  private readonly dict: Int32Array;
  private readonly lengths: Int32Array;
  /** Per node: itself when patterns end there, else `dict` (the first node on its failure chain that reports). */
  private report = new Int32Array(0);
  /** Dense transitions out of the root for the BMP: most characters of a text restart there. */
  private readonly root = new Int32Array(0x10000);
  /** All other transitions in one open-addressing table: (node, code unit) → child. */
  /** Three ints per slot, side by side (one cache line per probe): node (-1 empty), code unit, child. */
  private readonly slots: Int32Array;
  private readonly mask: number;
  /**
   * Per node: bit `c & 31` set when the node has a child on some code unit `c` with those low
   * bits. A clear bit answers "no child" with one load instead of a probe of the table (most
   * probes in CJK text, whose nodes have a few children among thousands of ideographs, miss).
   */
  private readonly childBits: Int32Array;
  /**
   * Complete ASCII transitions (failures resolved: the state after reading the unit) for the
   * shallowest nodes entered by an ASCII unit, 128 per row: one load per character where most
   * text is ASCII. `rowOf[node]` is the row, -1 none; failure links of those nodes have rows too.
   */
  private readonly rowOf: Int32Array;
  private dense = new Int32Array(0);
  /** The nodes that get a row, breadth-first. */
  private readonly denseRows: Int32Array;
  /** Code units left to scan before the dense rows are built (an automaton used once never pays for them). */
  private untilDense = DENSE_AFTER;

  constructor(patterns: readonly string[]) {
    /** Build-time trie (code unit → child per node); scanning uses the flat tables below. */
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
    this.outFirst = new Int32Array(nodes + 1);
    for (const node of endOf) if (node > 0) this.outFirst[node + 1]!++;
    for (let node = 0; node < nodes; node++) this.outFirst[node + 1]! += this.outFirst[node]!;
    this.outIds = new Int32Array(this.outFirst[nodes]!);
    const filled = this.outFirst.slice(0, nodes);
    endOf.forEach((node, id) => {
      if (node > 0) this.outIds[filled[node]!++] = id;
    });
    const hasOut = (node: number) => this.outFirst[node + 1]! > this.outFirst[node]!;
    this.fail = new Int32Array(nodes);
    this.dict = new Int32Array(nodes).fill(-1);
    for (const [c, child] of edges[0]!) this.root[c] = child;
    let transitions = 0;
    for (const e of edges) transitions += e.size;
    let size = 16;
    while (size < transitions * 2) size <<= 1;
    this.mask = size - 1;
    const slots = new Int32Array(3 * size);
    for (let k = 0; k < slots.length; k += 3) slots[k] = -1;
    this.slots = slots;
    this.childBits = new Int32Array(edges.length);
    edges.forEach((e, node) => {
      for (const [c, to] of e) {
        this.childBits[node]! |= 1 << (c & 31);
        let slot = slotOf(node, c) & this.mask;
        while (slots[3 * slot] !== -1) slot = (slot + 1) & this.mask;
        slots[3 * slot] = node;
        slots[3 * slot + 1] = c;
        slots[3 * slot + 2] = to;
      }
    });
    // breadth-first failure links
    const queue: number[] = [];
    for (const child of edges[0]!.values()) queue.push(child);
    for (let q = 0; q < queue.length; q++) {
      const node = queue[q]!;
      for (const [c, child] of edges[node]!) {
        let f = this.fail[node]!;
        while (f !== 0 && !edges[f]!.has(c)) f = this.fail[f]!;
        const target = edges[f]!.get(c);
        this.fail[child] = target !== undefined && target !== child ? target : 0;
        const fc = this.fail[child]!;
        this.dict[child] = hasOut(fc) ? fc : this.dict[fc]!;
        queue.push(child);
      }
    }
    this.report = new Int32Array(edges.length);
    for (let node = 0; node < edges.length; node++) this.report[node] = hasOut(node) ? node : this.dict[node]!;
    // the nodes that get a dense ASCII row, built once the automaton has scanned enough to repay it
    this.rowOf = new Int32Array(edges.length).fill(-1);
    let rows = 0;
    for (let q = 0; q < queue.length && rows < MAX_DENSE_ROWS; q++) if (via[queue[q]!]! < 0x80) rows++;
    this.denseRows = new Int32Array(rows);
    for (let q = 0, r = 0; r < rows; q++) if (via[queue[q]!]! < 0x80) this.denseRows[r++] = queue[q]!;
  }

  /**
   * Fill the dense ASCII rows, in breadth-first order so a node's failure target already has its
   * row: the target's row (or the root's), then the node's own ASCII edges (gathered from the
   * transition table in one pass) over it.
   */
  private buildDenseRows(): void {
    const { rowOf, fail, root, slots, denseRows: rows } = this;
    const keyNode = (slot: number) => slots[3 * slot]!;
    const keyCode = (slot: number) => slots[3 * slot + 1]!;
    const target = (slot: number) => slots[3 * slot + 2]!;
    const slotCount = slots.length / 3;
    rows.forEach((node, r) => {
      rowOf[node] = r;
    });
    const first = new Int32Array(rows.length + 1);
    const own = (slot: number) => keyNode(slot) > 0 && keyCode(slot) < 0x80 && rowOf[keyNode(slot)]! >= 0;
    for (let slot = 0; slot < slotCount; slot++) if (own(slot)) first[rowOf[keyNode(slot)]! + 1]!++;
    for (let r = 0; r < rows.length; r++) first[r + 1]! += first[r]!;
    const next = first.slice(0, rows.length);
    const edgeSlots = new Int32Array(first[rows.length]!);
    for (let slot = 0; slot < slotCount; slot++) if (own(slot)) edgeSlots[next[rowOf[keyNode(slot)]!]!++] = slot;
    const dense = new Int32Array(rows.length * 128);
    rows.forEach((node, r) => {
      const f = fail[node]!;
      if (f === 0) dense.set(root.subarray(0, 128), r * 128);
      else dense.copyWithin(r * 128, rowOf[f]! * 128, rowOf[f]! * 128 + 128);
      for (let k = first[r]!; k < first[r + 1]!; k++) dense[r * 128 + keyCode(edgeSlots[k]!)] = target(edgeSlots[k]!);
    });
    this.dense = dense;
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
    let node = 0;
    let steps = length;
    const { fail, outFirst, outIds, dict, lengths, report, root, rowOf, dense, childBits } = this;
    for (let i = 0; i < length; i++) {
      const c = codes[i]!;
      let to: number;
      if (node === 0) to = root[c]!;
      else if (c < 0x80 && rowOf[node]! >= 0) to = dense[(rowOf[node]! << 7) | c]!;
      else {
        const bit = 1 << (c & 31);
        to = (childBits[node]! & bit) === 0 ? 0 : this.child(node, c);
        while (to === 0 && node !== 0) {
          node = fail[node]!;
          to = node === 0 ? root[c]! : (childBits[node]! & bit) === 0 ? 0 : this.child(node, c);
          steps++;
        }
      }
      node = to;
      for (let n = report[node]!; n > 0; n = dict[n]!) {
        for (let k = outFirst[n]!; k < outFirst[n + 1]!; k++) {
          const p = outIds[k]!;
          hits.push(p, i + 1 - lengths[p]!, i + 1);
        }
      }
    }
    return steps;
  }

  /** The child of `node` (not the root) on code unit `c`, or 0 (the root) when there is none (`childBits` checked by the caller). */
  private child(node: number, c: number): number {
    const { slots, mask } = this;
    for (let slot = slotOf(node, c) & mask; ; slot = (slot + 1) & mask) {
      const k = slots[3 * slot]!;
      if (k === -1) return 0;
      if (k === node && slots[3 * slot + 1] === c) return slots[3 * slot + 2]!;
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

/** At most this many nodes get a dense ASCII row (2 MB): the shallow ones, where a scan spends its time. */
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
