export { createTransformersClassifier, type TransformersClassifier, type TransformersClassifierOptions } from './classifier.js';
export { createTransformersEmbedder, type TransformersEmbedder, type TransformersEmbedderOptions } from './embedder.js';
export { checkLabelMap, type LabelMap, mapPrediction, SENTIMENT_LABEL_PRESETS } from './labels.js';
export type { ModelOptions } from './lazy-pipeline.js';
export { defaultLibrary, type ModelSource, type TransformersLibrary } from './library.js';
export {
  createTransformersTranslator,
  NLLB_LANGUAGE_CODES,
  type TransformersTranslator,
  type TransformersTranslatorOptions,
  type TranslationFamily,
} from './translator.js';
