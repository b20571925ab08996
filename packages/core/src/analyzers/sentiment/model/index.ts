export { polarityOf, softPolarityOf, type TextClassifier } from './classifier.js';
export { sentimentFeatures } from './features.js';
export {
  builtinEmotionModel,
  builtinSentimentModel,
  createLinearClassifier,
  createSentimentModel,
  EMOTION_LANGUAGES,
  type FeatureFunction,
  type LinearModelFile,
  type Prediction,
  SENTIMENT_LANGUAGES,
  type SentimentModel,
} from './linear-model.js';
export {
  builtinMoodCues,
  compileMoodCues,
  DEFAULT_MOOD_THRESHOLDS,
  type MessageMood,
  type MoodCue,
  type MoodCues,
  type MoodCuesInput,
  MoodCuesSchema,
  type MoodLabel,
  type MoodThresholds,
} from './mood.js';
