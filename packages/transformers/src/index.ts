export { createTransformersClassifier, type TransformersClassifier, type TransformersClassifierOptions } from './classifier.js';
export { createTransformersEmbedder, type TransformersEmbedder, type TransformersEmbedderOptions } from './embedder.js';
export { checkLabelMap, mapPrediction, SENTIMENT_LABEL_PRESETS, type LabelMap } from './labels.js';
export { defaultLibrary, type ModelSource, type TransformersLibrary } from './library.js';
export type { ModelOptions } from './lazy-pipeline.js';
