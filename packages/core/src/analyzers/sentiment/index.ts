export { sentimentAnalyzer, SENTIMENT_ANALYZER_VERSION, type SentimentOptions } from './sentiment-analyzer.js';
