/** A BM25 index over term lists, built once; `score` returns the documents that share a term. */
export interface Bm25Index {
  readonly size: number;
  /** Inverse document frequency of a term (0 when unseen). */
  idf(term: string): number;
  /** BM25 score of every document sharing a query term. */
  score(queryTerms: readonly string[]): Map<number, number>;
}

/**
 * Build a BM25 (k1, b) index over documents given as term lists.
 *
 * @example
 * const index = buildBm25([['return', 'window'], ['shipping', 'time']]);
 * index.score(['return']).get(0); // > 0
 */
export function buildBm25(docs: readonly (readonly string[])[], k1 = 1.2, b = 0.75): Bm25Index {
  const postings = new Map<string, [number, number][]>();
  const lengths = docs.map((d) => d.length);
  const avg = lengths.reduce((a, c) => a + c, 0) / Math.max(1, docs.length);
  docs.forEach((terms, i) => {
    const tf = new Map<string, number>();
    for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + 1);
    for (const [t, n] of tf) {
      let list = postings.get(t);
      if (!list) postings.set(t, (list = []));
      list.push([i, n]);
    }
  });
  const N = docs.length;
  const idf = (term: string) => {
    const df = postings.get(term)?.length ?? 0;
    return df ? Math.log(1 + (N - df + 0.5) / (df + 0.5)) : 0;
  };
  return {
    size: N,
    idf,
    score(queryTerms) {
      const scores = new Map<number, number>();
      for (const t of new Set(queryTerms)) {
        const list = postings.get(t);
        if (!list) continue;
        const w = idf(t);
        for (const [doc, tf] of list) {
          const s = (w * tf * (k1 + 1)) / (tf + k1 * (1 - b + (b * lengths[doc]!) / avg));
          scores.set(doc, (scores.get(doc) ?? 0) + s);
        }
      }
      return scores;
    },
  };
}
