export { foldQuoteCode, foldQuotes, insideSpan, quotedSpans } from './quotes.js';
export { sameSentence, sentenceStarts, sentences } from './sentences.js';
export { isWholeWords, wordBounds } from './words.js';
