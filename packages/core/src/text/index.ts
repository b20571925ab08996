export { foldQuoteCode, foldQuotes } from './quotes.js';
export { sameSentence, sentenceStarts, sentences } from './sentences.js';
export { isWholeWords, wordBounds } from './words.js';
