import type { Prediction } from './linear-model.js';

/**
 * An asynchronous, batched text classifier the sentiment analyzer can use instead of the shipped
 * linear models — a transformers.js pipeline (`@cxqa/transformers`), a hosted API, anything.
 * `classify` returns one prediction per text, in order; for polarity the labels are `negative`,
 * `neutral` and/or `positive` (map a model's own labels before returning).
 *
 * @example
 * const classifier: TextClassifier = {
 *   id: 'my-api/sentiment-v2',
 *   async classify(texts) {
 *     const res = await myApi.sentiment(texts); // [{ label: 'NEG', score: 0.9 }, …]
 *     return res.map((r) => ({ label: r.label === 'NEG' ? 'negative' : 'positive', scores: { [r.label === 'NEG' ? 'negative' : 'positive']: r.score } }));
 *   },
 * };
 * sentimentAnalyzer({ classifier });
 */
export interface TextClassifier {
  /** Model id recorded in findings (`rule.id`) and results. */
  readonly id: string;
  /** Languages it should be used for (ISO 639-1); omitted = every language. */
  readonly languages?: readonly string[];
  classify(texts: readonly string[], options?: { signal?: AbortSignal }): Promise<Prediction[]>;
}

/** Polarity −1 … 1 from a prediction's scores: P(positive) − P(negative). */
export function polarityOf(prediction: Prediction): number {
  const s = prediction.scores;
  return Math.round(((s.positive ?? 0) - (s.negative ?? 0)) * 1000) / 1000;
}

/**
 * A finer polarity for ranking, −1 … 1: tanh of the log-odds of positive over negative divided by
 * `temperature` (default 4). Unlike `polarityOf` it does not saturate at ±1 for the confident
 * naive-Bayes-style models, so two clearly negative texts are still ordered by how negative.
 */
export function softPolarityOf(prediction: Prediction, temperature = 2): number {
  const s = prediction.scores;
  const pos = Math.max(s.positive ?? 0, 1e-12);
  const neg = Math.max(s.negative ?? 0, 1e-12);
  return Math.round(Math.tanh(Math.log(pos / neg) / (2 * temperature)) * 1000) / 1000;
}
