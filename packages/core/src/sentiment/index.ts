export { sentimentFeatures } from './features.js';
export { builtinEmotionModel, builtinSentimentModel, createLinearClassifier, createSentimentModel, type FeatureFunction, EMOTION_LANGUAGES, SENTIMENT_LANGUAGES, type LinearModelFile, type Prediction, type SentimentModel } from './linear-model.js';
export { polarityOf, softPolarityOf, type TextClassifier } from './classifier.js';
export { builtinMoodCues, compileMoodCues, DEFAULT_MOOD_THRESHOLDS, MoodCuesSchema, type MessageMood, type MoodCue, type MoodCues, type MoodCuesInput, type MoodLabel, type MoodThresholds } from './mood.js';
