/**
 * The importers' time order (`inTimeOrder`, applied by `build` to every vendor's messages and
 * notes) when items with a readable time mix with items without one. Comparing an untimed item
 * with each timed one by position was not transitive (10:05 < untimed < 10:01 < 10:05), so the
 * outcome depended on the sort's steps and timed items could come out unsorted. Now an untimed
 * item moves with the timed item above it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inTimeOrder } from '../src/importers/importer.js';

interface Item {
  n: number;
  at?: string;
}
const timed = (x: Item) => x.at !== undefined && !Number.isNaN(Date.parse(x.at));
/** Minutes 0–5 (ties likely), a time in another offset, no time or an unreadable one. */
const at = fc.oneof(
  fc.integer({ min: 0, max: 5 }).map((m) => `2026-03-02T10:0${m}:00Z`),
  fc.integer({ min: 0, max: 5 }).map((m) => `2026-03-02T11:0${m}:00+01:00`),
  fc.constant(undefined),
  fc.constant('yesterday'),
);
const items = fc.array(at, { maxLength: 30 }).map((ats) => ats.map((a, n): Item => (a === undefined ? { n } : { n, at: a })));

/** The order by definition, without Array#sort: runs (a timed item and the untimed ones after it) inserted one by one after every run not later than them. */
function reference(list: readonly Item[]): Item[] {
  const runs: { t: number; items: Item[] }[] = [];
  for (const x of list) {
    if (!timed(x) && runs.length) runs.at(-1)!.items.push(x);
    else runs.push({ t: timed(x) ? Date.parse(x.at!) : Number.NEGATIVE_INFINITY, items: [x] });
  }
  const sorted: typeof runs = [];
  for (const r of runs) {
    let k = sorted.length;
    while (k > 0 && sorted[k - 1]!.t > r.t) k--;
    sorted.splice(k, 0, r);
  }
  return sorted.flatMap((r) => r.items);
}

describe('inTimeOrder', () => {
  it('10:05, untimed, 10:01: the timed ones in order, the untimed one after the item it followed', () => {
    const list: Item[] = [{ n: 0, at: '2026-03-02T10:05:00Z' }, { n: 1 }, { n: 2, at: '2026-03-02T10:01:00Z' }];
    expect(inTimeOrder(list).map((x) => x.n)).toEqual([2, 0, 1]);
  });

  it('any mix: a permutation; timed items sorted, equal times in input order; each untimed item right after its input predecessor', () => {
    fc.assert(
      fc.property(items, (list) => {
        const out = inTimeOrder(list);
        expect([...out].sort((a, b) => a.n - b.n)).toEqual(list);
        const times = out.filter(timed);
        for (let k = 1; k < times.length; k++) {
          const [a, b] = [times[k - 1]!, times[k]!];
          expect(Date.parse(a.at!) < Date.parse(b.at!) || (Date.parse(a.at!) === Date.parse(b.at!) && a.n < b.n)).toBe(true);
        }
        for (const x of list.filter((y) => !timed(y))) {
          const pos = out.indexOf(x);
          expect(x.n === 0 ? pos === 0 : out[pos - 1] === list[x.n - 1]).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('is the order its definition gives (no comparator whose outcome depends on the sort), and sorting again changes nothing', () => {
    fc.assert(
      fc.property(items, (list) => {
        const out = inTimeOrder(list);
        expect(out).toEqual(reference(list));
        expect(inTimeOrder(out)).toEqual(out);
      }),
      { numRuns: 500 },
    );
  });
});
