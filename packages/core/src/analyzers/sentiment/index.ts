export { SENTIMENT_ANALYZER_VERSION, type SentimentOptions, sentimentAnalyzer } from './sentiment-analyzer.js';
