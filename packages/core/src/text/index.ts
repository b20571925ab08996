export { sentenceStarts, sentences, sameSentence } from './sentences.js';
export { wordBounds, isWholeWords } from './words.js';
export { foldQuotes, foldQuoteCode } from './quotes.js';
