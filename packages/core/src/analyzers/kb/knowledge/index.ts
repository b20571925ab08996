export { type Bm25Index, buildBm25 } from './bm25.js';
export { cosine, type Embedder } from './embedder.js';
export { type CheckFactsOptions, checkFacts, type FactConflict, missingMentions } from './facts.js';
export { buildKbIndex, entryText, type KbHit, type KbIndex, type KbIndexOptions, type KbSearchResult } from './kb-index.js';
export { loadKnowledgeBase, parseKnowledgeBase } from './load.js';
export { parseDigits, parseNumber } from './numbers.js';
export { dimensionOf, extractQuantities, normalizeUnit, type Quantity, type QuantityDimension, sameQuantity } from './quantities.js';
export {
  type KbEntry,
  type KbEntryInput,
  KbEntrySchema,
  type KbFact,
  KbFactSchema,
  type KnowledgeBase,
  type KnowledgeBaseInput,
  KnowledgeBaseSchema,
} from './schema.js';
export { answerSimilarity, lexicalSimilarity } from './similarity.js';
export { kbTerms, kbWords } from './tokens.js';
export { entryByTopic, TOPICS, topicsOf } from './topics.js';
