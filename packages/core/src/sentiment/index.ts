export { sentimentFeatures } from './features.js';
export { builtinEmotionModel, builtinSentimentModel, createSentimentModel, SENTIMENT_LANGUAGES, type LinearModelFile, type Prediction, type SentimentModel } from './linear-model.js';
