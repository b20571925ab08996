/**
 * Cohen's κ of a square confusion matrix (rows one rater, columns the other): (pₒ − pₑ) / (1 − pₑ),
 * pₒ the observed agreement and pₑ the agreement expected from the marginals (Cohen 1960,
 * "A coefficient of agreement for nominal scales"). Null when undefined: no pairs, or pₑ = 1
 * (both raters used a single category).
 *
 * @example
 * cohensKappa([[20, 5], [10, 15]]); // 0.4
 */
export function cohensKappa(matrix: readonly (readonly number[])[]): number | null {
  const n = matrix.reduce((s, r) => s + r.reduce((a, b) => a + b, 0), 0);
  if (!n) return null;
  let agree = 0;
  let expected = 0;
  for (let k = 0; k < matrix.length; k++) {
    agree += matrix[k]![k]!;
    const row = matrix[k]!.reduce((a, b) => a + b, 0);
    const col = matrix.reduce((a, r) => a + r[k]!, 0);
    expected += (row / n) * (col / n);
  }
  if (expected === 1) return null;
  return (agree / n - expected) / (1 - expected);
}

/** Mean absolute error of paired values (same unit as the values); NaN for no pairs. */
export function meanAbsoluteError(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length) throw new Error(`meanAbsoluteError: ${a.length} vs ${b.length} values`);
  return a.length ? a.reduce((s, x, i) => s + Math.abs(x - b[i]!), 0) / a.length : Number.NaN;
}
