export { sentimentFeatures } from './features.js';
export { builtinSentimentModel, createSentimentModel, SENTIMENT_LANGUAGES, type LinearModelFile, type Prediction, type SentimentModel } from './linear-model.js';
