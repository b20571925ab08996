export { sentimentFeatures } from './features.js';
export { builtinEmotionModel, builtinSentimentModel, createLinearClassifier, createSentimentModel, type FeatureFunction, EMOTION_LANGUAGES, SENTIMENT_LANGUAGES, type LinearModelFile, type Prediction, type SentimentModel } from './linear-model.js';
export { polarityOf, type TextClassifier } from './classifier.js';
