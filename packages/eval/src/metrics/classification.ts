/** Fraction of positions where `predicted[i] === gold[i]`. */
export function accuracy<T>(gold: readonly T[], predicted: readonly T[]): number {
  assertSameLength(gold, predicted);
  if (gold.length === 0) return 0;
  let ok = 0;
  for (let i = 0; i < gold.length; i++) if (gold[i] === predicted[i]) ok++;
  return ok / gold.length;
}

export interface PRF {
  precision: number;
  recall: number;
  f1: number;
}

/** Precision/recall/F1 from counts; 0 where a denominator is 0. */
export function prfFromCounts(tp: number, fp: number, fn: number): PRF {
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

/** One-vs-rest precision/recall/F1 for `label`. */
export function prf<T>(gold: readonly T[], predicted: readonly T[], label: T): PRF {
  assertSameLength(gold, predicted);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let i = 0; i < gold.length; i++) {
    if (predicted[i] === label && gold[i] === label) tp++;
    else if (predicted[i] === label) fp++;
    else if (gold[i] === label) fn++;
  }
  return prfFromCounts(tp, fp, fn);
}

/** Unweighted mean of per-label F1 over the labels that occur in `gold` (or the given labels). */
export function macroF1<T>(gold: readonly T[], predicted: readonly T[], labels?: readonly T[]): number {
  const ls = labels ?? [...new Set(gold)];
  if (ls.length === 0) return 0;
  return ls.reduce((a, l) => a + prf(gold, predicted, l).f1, 0) / ls.length;
}

/** Fraction of queries whose gold label is among the first k ranked candidates. */
export function topK<T>(gold: readonly T[], ranked: readonly (readonly T[])[], k: number): number {
  assertSameLength(gold, ranked);
  if (gold.length === 0) return 0;
  let ok = 0;
  for (let i = 0; i < gold.length; i++) if (ranked[i]!.slice(0, k).includes(gold[i]!)) ok++;
  return ok / gold.length;
}

export function assertSameLength(a: readonly unknown[], b: readonly unknown[]): void {
  if (a.length !== b.length) throw new RangeError(`metric inputs differ in length: ${a.length} vs ${b.length}`);
}
