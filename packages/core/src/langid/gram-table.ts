import { MAX_NGRAM } from './features.js';

/**
 * Open-addressing hash table from character n-grams to rows of per-language log-probabilities.
 * Grams are identified by two independent 32-bit hashes of their code points, so scoring a
 * text allocates no strings (≈ 5× faster than a Map<string, …>); a false match needs both
 * hashes to collide (≈ 1 in 10^19 per lookup).
 */
export class GramTable {
  private readonly h1: Uint32Array;
  private readonly h2: Uint32Array;
  private readonly rowOf: Int32Array;
  private readonly mask: number;
  readonly rows: Float64Array;

  constructor(grams: readonly string[], rows: Float64Array) {
    let size = 1;
    while (size < grams.length * 2) size <<= 1;
    this.mask = size - 1;
    this.h1 = new Uint32Array(size);
    this.h2 = new Uint32Array(size);
    this.rowOf = new Int32Array(size).fill(-1);
    this.rows = rows;
    grams.forEach((gram, row) => {
      const cps = Array.from(gram, (c) => c.codePointAt(0)!);
      let a = SEED1;
      let b = SEED2;
      for (const cp of cps) [a, b] = [step1(a, cp), step2(b, cp)];
      let slot = a & this.mask;
      while (this.rowOf[slot] !== -1) slot = (slot + 1) & this.mask;
      this.h1[slot] = a;
      this.h2[slot] = b;
      this.rowOf[slot] = row;
    });
  }

  /** Row index of the gram with these hashes, or -1. */
  find(a: number, b: number): number {
    let slot = a & this.mask;
    for (;;) {
      const row = this.rowOf[slot]!;
      if (row === -1) return -1;
      if (this.h1[slot] === a && this.h2[slot] === b) return row;
      slot = (slot + 1) & this.mask;
    }
  }

  /**
   * Add the log-probability row of every 1..MAX_NGRAM-gram of `cps` to `acc` (L languages),
   * or `unseen` for an unknown gram: the grams `forEachNgram` yields (a lone space is
   * skipped), hashed on the fly with the lookup inlined (this loop is the hot path of language ID).
   */
  accumulate(cps: Int32Array, length: number, acc: Float64Array, unseen: Float64Array): void {
    const L = acc.length;
    const rows = this.rows;
    const mask = this.mask;
    const h1 = this.h1;
    const h2 = this.h2;
    const rowOf = this.rowOf;
    for (let i = 0; i < length; i++) {
      let a = SEED1;
      let b = SEED2;
      for (let n = 0; n < MAX_NGRAM && i + n < length; n++) {
        const cp = cps[i + n]!;
        a = step1(a, cp);
        b = step2(b, cp);
        if (n === 0 && cp === 0x20) continue;
        let slot = a & mask;
        let row = -1;
        for (;;) {
          const r = rowOf[slot]!;
          if (r === -1) break;
          if (h1[slot] === a && h2[slot] === b) {
            row = r;
            break;
          }
          slot = (slot + 1) & mask;
        }
        if (row < 0) for (let l = 0; l < L; l++) acc[l] = acc[l]! + unseen[l]!;
        else for (let l = 0, o = row * L; l < L; l++) acc[l] = acc[l]! + rows[o + l]!;
      }
    }
  }
}

const SEED1 = 0x811c9dc5;
const SEED2 = 0x9747b28c;
const step1 = (h: number, cp: number) => Math.imul(h ^ cp, 0x01000193) >>> 0;
const step2 = (h: number, cp: number) => {
  const x = Math.imul(h ^ cp, 0x5bd1e995) >>> 0;
  return (x ^ (x >>> 15)) >>> 0;
};
