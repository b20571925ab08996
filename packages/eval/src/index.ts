export * from './corpora/read.js';
export * from './corpora/tatoeba.js';
