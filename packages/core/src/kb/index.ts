export { KbEntrySchema, KbFactSchema, KnowledgeBaseSchema, type KbEntry, type KbEntryInput, type KbFact, type KnowledgeBase, type KnowledgeBaseInput } from './schema.js';
export { loadKnowledgeBase, parseKnowledgeBase } from './load.js';
export { buildBm25, type Bm25Index } from './bm25.js';
export { kbTerms, kbWords } from './tokens.js';
export { cosine, type Embedder } from './embedder.js';
export { buildKbIndex, entryText, type KbHit, type KbIndex, type KbIndexOptions, type KbSearchResult } from './kb-index.js';
export { extractQuantities, normalizeUnit, sameQuantity, type Quantity } from './quantities.js';
export { checkFacts, missingMentions, type FactConflict } from './facts.js';
export { answerSimilarity, lexicalSimilarity } from './similarity.js';
