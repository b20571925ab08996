/**
 * Calibration of the naive-Bayes log-likelihoods. Summing the log-probabilities of overlapping
 * 1–4-grams counts the same evidence several times, so raw posteriors are near 1.00 even for two
 * words. The fix is temperature scaling (Guo et al., *On Calibration of Modern Neural Networks*,
 * ICML 2017) with a temperature that grows with the amount of text, because the over-counting
 * grows with it too:
 *
 *   T(n) = t0 · (max(n, 1) / refLetters)^beta,   calibrated log-likelihood = LL / T(n)
 *
 * where n is the number of letters the evidence came from. `t0` and `beta` are fitted by
 * `pnpm train:langid` to minimise the log-loss of the true language on held-out folds (5-fold
 * cross-validation over the human-labelled training sentences).
 */
export interface LangidCalibration {
  method: 'length-temperature';
  /** Temperature at `refLetters` letters. */
  t0: number;
  /** Exponent of the length dependence (0 = one temperature for every length). */
  beta: number;
  refLetters: number;
  /** Held-out log-loss (nats per sentence) and the rows it was measured on, for the record. */
  fit?: { logLoss: number; rows: number; uncalibratedLogLoss: number };
}

/**
 * Used for models whose file carries no calibration (the fit of the shipped model, 2026-11);
 * a custom model should be calibrated on its own data.
 */
export const DEFAULT_CALIBRATION: LangidCalibration = { method: 'length-temperature', t0: 8.75, beta: 0.3, refLetters: 30 };

/** 1/T(n): the factor that turns raw log-likelihoods from `letters` letters into calibrated ones. */
export function evidenceScale(letters: number, calibration: LangidCalibration): number {
  return 1 / (calibration.t0 * (Math.max(letters, 1) / calibration.refLetters) ** calibration.beta);
}
