import { CxqaError, type Prediction } from '@cxqa/core';

/** Model label → cxqa label. Several model labels may map to one (e.g. `1 star`, `2 stars` → negative). */
export type LabelMap = Record<string, string>;

/**
 * Label maps for multilingual sentiment models with ONNX weights for transformers.js, by model id.
 * Sizes are the quantized (`q8`) ONNX files.
 */
export const SENTIMENT_LABEL_PRESETS: Record<string, LabelMap> = {
  // nlptown's review-star model (en, nl, de, fr, it, es), about 170 MB
  'Xenova/bert-base-multilingual-uncased-sentiment': {
    '1 star': 'negative',
    '2 stars': 'negative',
    '3 stars': 'neutral',
    '4 stars': 'positive',
    '5 stars': 'positive',
  },
  // lxyuan's distilled multilingual model (12 languages incl. zh, ja, de, fr, es, pt, it), about 136 MB
  'Xenova/distilbert-base-multilingual-cased-sentiments-student': { negative: 'negative', neutral: 'neutral', positive: 'positive' },
  // cardiffnlp's English Twitter RoBERTa, labels LABEL_0/1/2
  'onnx-community/twitter-roberta-base-sentiment-ONNX': { LABEL_0: 'negative', LABEL_1: 'neutral', LABEL_2: 'positive' },
};

/**
 * Check that `map` covers every label the model emits (from its config's `id2label`), so a
 * forgotten label fails at load time instead of silently scoring zero.
 */
export function checkLabelMap(model: string, modelLabels: readonly string[], map: LabelMap): void {
  const missing = modelLabels.filter((l) => !(l in map));
  if (missing.length) {
    throw new CxqaError(
      'invalid_option',
      `labels for model "${model}" do not map ${missing.map((l) => `"${l}"`).join(', ')}; the model emits ${modelLabels.map((l) => `"${l}"`).join(', ')}`,
      { path: ['labels'] },
    );
  }
}

/** Sum a model's per-label scores into cxqa labels; the best cxqa label wins. */
export function mapPrediction(scores: readonly { label: string; score: number }[], map: LabelMap): Prediction {
  const mapped: Record<string, number> = {};
  for (const { label, score } of scores) {
    const to = map[label];
    if (to !== undefined) mapped[to] = (mapped[to] ?? 0) + score;
  }
  let best = '';
  for (const [label, score] of Object.entries(mapped)) if (!best || score > mapped[best]!) best = label;
  return { label: best, scores: mapped };
}
