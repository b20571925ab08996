/** `@cxqa/core/kb`: knowledge-base schemas, BM25 and embedding retrieval, quantities, numbers and fact checks. */

export * from '../analyzers/kb/index.js';
export * from '../analyzers/kb/knowledge/index.js';
