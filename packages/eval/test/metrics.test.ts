import { accuracy, macroF1, pearson, prf, prfFromCounts, ranks, rocAuc, spearman, topK } from '@cxqa/eval';
import { describe, expect, it } from 'vitest';

describe('classification metrics', () => {
  it('accuracy', () => {
    expect(accuracy(['a', 'b', 'c', 'a'], ['a', 'b', 'a', 'a'])).toBe(0.75);
    expect(accuracy([], [])).toBe(0);
    expect(() => accuracy(['a'], [])).toThrow(/differ in length/);
  });

  it('precision, recall and F1 for one label', () => {
    // gold a a b b, predicted a b a a → tp 1, fp 2, fn 1
    const r = prf(['a', 'a', 'b', 'b'], ['a', 'b', 'a', 'a'], 'a');
    expect(r.precision).toBeCloseTo(1 / 3);
    expect(r.recall).toBeCloseTo(1 / 2);
    expect(r.f1).toBeCloseTo(0.4);
    expect(prfFromCounts(0, 0, 0)).toEqual({ precision: 0, recall: 0, f1: 0 });
  });

  it('macro-F1 averages labels equally', () => {
    // label a: F1 0.4 (above); label b: predicted once (wrongly), never right → F1 0; mean 0.2
    expect(macroF1(['a', 'a', 'b', 'b'], ['a', 'b', 'a', 'a'])).toBeCloseTo(0.2);
    expect(macroF1(['x', 'y'], ['x', 'y'])).toBe(1);
  });

  it('top-k accuracy', () => {
    const ranked = [
      ['a', 'b', 'c'],
      ['c', 'a', 'b'],
      ['b', 'c', 'a'],
    ];
    expect(topK(['a', 'a', 'a'], ranked, 1)).toBeCloseTo(1 / 3);
    expect(topK(['a', 'a', 'a'], ranked, 2)).toBeCloseTo(2 / 3);
    expect(topK(['a', 'a', 'a'], ranked, 3)).toBe(1);
  });
});

describe('correlation metrics', () => {
  it('pearson on a known example', () => {
    expect(pearson([1, 2, 3, 4], [2, 4, 6, 8])).toBeCloseTo(1);
    expect(pearson([1, 2, 3, 4], [8, 6, 4, 2])).toBeCloseTo(-1);
    expect(pearson([1, 2, 3], [1, 3, 2])).toBeCloseTo(0.5);
    expect(Number.isNaN(pearson([1, 1, 1], [1, 2, 3]))).toBe(true);
  });

  it('average ranks for ties, and spearman on a monotone but non-linear relation', () => {
    expect(ranks([10, 20, 20, 30])).toEqual([1, 2.5, 2.5, 4]);
    expect(spearman([1, 2, 3, 4, 5], [1, 4, 9, 16, 25])).toBeCloseTo(1);
    expect(pearson([1, 2, 3, 4, 5], [1, 4, 9, 16, 25])).toBeLessThan(0.99);
    // classic textbook case: d² sum = 2 → 1 − 6·2/(5·24) = 0.9
    expect(spearman([1, 2, 3, 4, 5], [2, 1, 3, 4, 5])).toBeCloseTo(0.9);
  });

  it('ROC AUC: 1 when positives all score higher, 0.5 for ties, counted pairwise otherwise', () => {
    expect(rocAuc([0.9, 0.8], [0.1, 0.2])).toBe(1);
    expect(rocAuc([0.5], [0.5])).toBe(0.5);
    expect(rocAuc([0.9, 0.3], [0.5, 0.1])).toBeCloseTo(0.75);
    expect(rocAuc([], [1])).toBeNaN();
  });
});
