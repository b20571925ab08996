/**
 * Expected calibration error (Naeini et al., AAAI 2015; Guo et al., ICML 2017): predictions are
 * put in `bins` equal-width confidence bins; ECE = Σ_b (n_b / n) · |accuracy_b − mean confidence_b|.
 * 0 is perfectly calibrated; an identifier that says 1.00 and is right 90 % of the time has 0.10.
 *
 * @param confidence the confidence of each prediction, in [0, 1]
 * @param correct whether each prediction was right
 * @throws RangeError when the arrays differ in length
 */
export function expectedCalibrationError(confidence: readonly number[], correct: readonly boolean[], bins = 10): number {
  if (confidence.length !== correct.length) throw new RangeError(`expected equal lengths, got ${confidence.length} and ${correct.length}`);
  if (!confidence.length) return 0;
  const n = new Array<number>(bins).fill(0);
  const conf = new Array<number>(bins).fill(0);
  const hits = new Array<number>(bins).fill(0);
  confidence.forEach((c, i) => {
    const b = Math.min(bins - 1, Math.max(0, Math.floor(c * bins)));
    n[b]!++;
    conf[b]! += c;
    if (correct[i]) hits[b]!++;
  });
  let ece = 0;
  for (let b = 0; b < bins; b++) if (n[b]) ece += (n[b]! / confidence.length) * Math.abs(hits[b]! / n[b]! - conf[b]! / n[b]!);
  return ece;
}
