/**
 * The CJK character 1–3-gram features of a polarity model (`c:X`, `c:XY`, `c:XYZ`, see
 * features.ts) keyed by their code units instead of a 64-bit hash of the feature name (issue 16).
 *
 * Why: on the realistic chats a Chinese text of n characters asks the model for 3n n-grams (163k
 * positions, 490k lookups in 600 chats), each a probe into the hash table of all 73k features, three
 * arrays of 1 MB each. Here a 1-gram is one load from a table indexed by the code unit; a 2-gram
 * or a 3-gram is a probe into a table of its own, its key and its row in one 16-byte slot; and an
 * n-gram that no longer feature of the model starts with is not extended (a 2-gram no 3-gram
 * starts with is not followed by a probe for its 3-grams: 94k of the 160k 3-gram lookups remain).
 *
 * Exact: a key is the n-gram's code units themselves, so a text's n-gram is found if and only if it
 * is a feature name of the model. Only texts of BMP code units are read here (a Chinese chat has no
 * surrogate); `eachRow` returns false on a text with a surrogate and the caller reads it the hashed way.
 */

/** Adds one weight row of a model to the prediction being summed. */
type AddRow = (row: number) => void;

/** Entry of `one`: the 1-gram's row + 1 in the low 24 bits (0: not a feature), and `EXTENDS`. */
const ROW_BITS = 0xffffff;
/** A longer feature of the model starts with this n-gram. */
const EXTENDS = 1 << 30;
/** 2-gram value: (row + 1) << 2 | `TWO_EXTENDS` | `TWO_OCCUPIED` (0: empty slot; row -1: only a prefix of 3-grams). */
const TWO_OCCUPIED = 1;
const TWO_EXTENDS = 2;
/** 2-gram slots at most: a 3-gram's key is its 2-gram's slot (16 bits) and its last code unit. */
const MAX_TWO_SLOTS = 0x10000;

export class CjkGramTable {
  /** Code unit X → the `c:X` entry (see `ROW_BITS`, `EXTENDS`), 65,536 entries. */
  readonly #one = new Int32Array(0x10000);
  /** Open addressing over X << 16 | Y: [key, value] per slot (8 bytes). */
  readonly #two: Int32Array;
  readonly #twoShift: number;
  /** Open addressing over (slot of XY in `two`) << 16 | Z: [key, row (-1: empty)] per slot. */
  readonly #three: Int32Array;
  readonly #threeShift: number;

  /**
   * The table of the `c:` features among `names` (row r is `names[r]`), or null when they have too
   * many 2-grams to key this way. A feature of a code point beyond the BMP is left out (no text read here has one).
   */
  static of(names: readonly string[]): CjkGramTable | null {
    const grams: [string, number][] = [];
    const twos = new Set<string>();
    let threes = 0;
    for (let r = 0; r < names.length; r++) {
      const name = names[r]!;
      if (!name.startsWith('c:') || name.length < 3 || name.length > 5 || /[\ud800-\udfff]/.test(name)) continue;
      grams.push([name.slice(2), r]);
      if (name.length >= 4) twos.add(name.slice(2, 4));
      if (name.length === 5) threes++;
    }
    if (names.length >= ROW_BITS || twos.size > (MAX_TWO_SLOTS * 3) / 4) return null;
    return new CjkGramTable(grams, twos.size, threes);
  }

  private constructor(grams: readonly [string, number][], twos: number, threes: number) {
    [this.#two, this.#twoShift] = slots(twos, MAX_TWO_SLOTS);
    [this.#three, this.#threeShift] = slots(threes, 1 << 30);
    this.#three.fill(-1);
    const two = this.#two;
    const three = this.#three;
    const twoMask = two.length - 1;
    const threeMask = three.length - 1;
    for (const [g, r] of grams) {
      const x = g.charCodeAt(0);
      if (g.length === 1) {
        this.#one[x] = (this.#one[x]! & ~ROW_BITS) | (r + 1);
        continue;
      }
      this.#one[x]! |= EXTENDS;
      const xy = (x << 16) | g.charCodeAt(1);
      let s = (Math.imul(xy, 0x9e3779b1) >>> this.#twoShift) << 1;
      while (two[s + 1] !== 0 && two[s] !== xy) s = (s + 2) & twoMask;
      if (two[s + 1] === 0) {
        two[s] = xy;
        two[s + 1] = TWO_OCCUPIED;
      }
      if (g.length === 2) {
        two[s + 1] = ((r + 1) << 2) | (two[s + 1]! & 3);
        continue;
      }
      two[s + 1]! |= TWO_EXTENDS;
      const key = ((s >>> 1) << 16) | g.charCodeAt(2);
      let t = (Math.imul(key, 0x9e3779b1) >>> this.#threeShift) << 1;
      while (three[t + 1]! >= 0) t = (t + 2) & threeMask;
      three[t] = key;
      three[t + 1] = r;
    }
  }

  /**
   * Pass to `add` the row of each 1-, 2- and 3-gram of `chars` that is a feature, position by
   * position and shortest first (the order of `eachSentimentFeatureHash`). Returns false, having
   * passed nothing, when `chars` holds a surrogate code unit.
   */
  eachRow(chars: string, add: AddRow): boolean {
    const n = chars.length;
    for (let i = 0; i < n; i++) if ((chars.charCodeAt(i) & 0xf800) === 0xd800) return false;
    const one = this.#one;
    const two = this.#two;
    const twoMask = two.length - 1;
    const twoShift = this.#twoShift;
    const three = this.#three;
    const threeMask = three.length - 1;
    const threeShift = this.#threeShift;
    for (let i = 0; i < n; i++) {
      const x = chars.charCodeAt(i);
      const v = one[x]!;
      if (v === 0) continue;
      const r1 = (v & ROW_BITS) - 1;
      if (r1 >= 0) add(r1);
      if ((v & EXTENDS) === 0 || i + 1 >= n) continue;
      const xy = (x << 16) | chars.charCodeAt(i + 1);
      let s = (Math.imul(xy, 0x9e3779b1) >>> twoShift) << 1;
      let value = two[s + 1]!;
      while (value !== 0 && two[s] !== xy) {
        s = (s + 2) & twoMask;
        value = two[s + 1]!;
      }
      if (value === 0) continue;
      const r2 = (value >> 2) - 1;
      if (r2 >= 0) add(r2);
      if ((value & TWO_EXTENDS) === 0 || i + 2 >= n) continue;
      const key = ((s >>> 1) << 16) | chars.charCodeAt(i + 2);
      let t = (Math.imul(key, 0x9e3779b1) >>> threeShift) << 1;
      for (let r3 = three[t + 1]!; r3 >= 0; r3 = three[t + 1]!) {
        if (three[t] === key) {
          add(r3);
          break;
        }
        t = (t + 2) & threeMask;
      }
    }
    return true;
  }
}

/**
 * A zeroed array of [key, value] slots for `count` keys — a power of two, at most half full unless
 * that passes `max` slots — and the shift that maps a 32-bit hash to a slot.
 */
function slots(count: number, max: number): [Int32Array, number] {
  let bits = 4;
  while (1 << bits < count * 2 && 1 << bits < max) bits++;
  return [new Int32Array((1 << bits) * 2), 32 - bits];
}
