import { buildBm25 } from './bm25.js';
import { cosine, type Embedder } from './embedder.js';
import type { KbEntry, KnowledgeBase } from './schema.js';
import { kbTerms } from './tokens.js';

export interface KbHit {
  entry: KbEntry;
  /** Fused rank score (reciprocal rank fusion when an embedder is used, else the lexical score). */
  score: number;
  /** BM25 score and the share of the query's term weight it matched (0–1). */
  lexical: number;
  coverage: number;
  /** Cosine similarity to the entry, when an embedder is configured. */
  semantic?: number;
}

export interface KbSearchResult {
  hits: KbHit[];
  /** The best hit when it clears the thresholds, else null ("no entry applies"). */
  best: KbHit | null;
}

export interface KbIndexOptions {
  embedder?: Embedder;
  /** Below this share of matched query weight, no entry applies (default 0.2). */
  minCoverage?: number;
  /** With an embedder: below this cosine similarity no entry applies (default 0.5). */
  minSemantic?: number;
}

export interface KbIndex {
  readonly kb: KnowledgeBase;
  search(query: string, options?: { k?: number; language?: string; signal?: AbortSignal }): Promise<KbSearchResult>;
}

/** Entry vectors by KB version and embedder id: a KB version is embedded once per model (16 kept). */
const entryVectors = new Map<string, ArrayLike<number>[]>();

/** What an entry is indexed by: its example questions, and its answer too when it has fewer than 3. */
export function entryText(entry: KbEntry): string[] {
  return entry.questions.length >= 3 ? entry.questions : [...entry.questions, entry.answer];
}

/**
 * Build the retrieval index of a knowledge base once: BM25 over each entry's words, word bigrams
 * and character 3-grams, fused by reciprocal rank with embedding similarity when an embedder is
 * given (entry vector = mean of its question vectors; computed once per KB version and embedder id,
 * so a changed KB needs a new `version`).
 *
 * @example
 * const index = await buildKbIndex(kb);
 * const { best } = await index.search('How long do I have to return shoes?');
 */
export async function buildKbIndex(kb: KnowledgeBase, options: KbIndexOptions = {}): Promise<KbIndex> {
  const docs = kb.entries.map((e) => entryText(e).flatMap((t) => kbTerms(t, e.language)));
  const bm25 = buildBm25(docs);
  const docTerms = docs.map((d) => new Set(d));
  const minCoverage = options.minCoverage ?? 0.2;
  const minSemantic = options.minSemantic ?? 0.5;
  const embedder = options.embedder;
  let vectors: ArrayLike<number>[] | undefined = embedder ? entryVectors.get(`${kb.version}\u0000${embedder.id}`) : undefined;
  if (embedder && !vectors) {
    const texts = kb.entries.map((e) => entryText(e));
    const flat = await embedder.embed(texts.flat());
    let k = 0;
    vectors = texts.map((t) => {
      const parts = flat.slice(k, (k += t.length));
      const mean = new Float64Array(parts[0]?.length ?? 0);
      for (const v of parts) for (let i = 0; i < mean.length; i++) mean[i]! += v[i]! / parts.length;
      return mean;
    });
    if (entryVectors.size >= 16) entryVectors.delete(entryVectors.keys().next().value!);
    entryVectors.set(`${kb.version}\u0000${embedder.id}`, vectors);
  }
  return {
    kb,
    async search(query, opts = {}) {
      const terms = kbTerms(query, opts.language ?? 'und');
      // a term no entry has weighs as much as the rarest term: it is part of the question left unmatched
      const unseen = Math.log(1 + (bm25.size + 0.5) / 0.5);
      const total = [...new Set(terms)].reduce((a, t) => a + (bm25.idf(t) || unseen), 0);
      const lexical = [...bm25.score(terms)].sort((a, b) => b[1] - a[1]);
      const unique = [...new Set(terms)];
      const coverageOf = (doc: number) => (total ? unique.filter((t) => docTerms[doc]!.has(t)).reduce((a, t) => a + bm25.idf(t), 0) / total : 0);
      const k = opts.k ?? 5;
      const byDoc = new Map<number, KbHit>();
      lexical
        .slice(0, Math.max(k, 20))
        .forEach(([doc, s], rank) => byDoc.set(doc, { entry: kb.entries[doc]!, score: vectors ? 1 / (60 + rank) : s, lexical: s, coverage: coverageOf(doc) }));
      if (vectors && embedder) {
        const [q] = await embedder.embed([query], opts.signal ? { signal: opts.signal } : {});
        const semantic = vectors.map((v, doc) => [doc, cosine(q!, v)] as const).sort((a, b) => b[1] - a[1]);
        semantic.slice(0, Math.max(k, 20)).forEach(([doc, s], rank) => {
          const hit = byDoc.get(doc) ?? { entry: kb.entries[doc]!, score: 0, lexical: 0, coverage: coverageOf(doc) };
          byDoc.set(doc, { ...hit, score: hit.score + 1 / (60 + rank), semantic: s });
        });
        for (const [doc, hit] of byDoc) if (hit.semantic === undefined) hit.semantic = cosine(q!, vectors[doc]!);
      }
      const hits = [...byDoc.values()].sort((a, b) => b.score - a.score).slice(0, k);
      const top = hits[0];
      const applies = top && (top.coverage >= minCoverage || (top.semantic !== undefined && top.semantic >= minSemantic));
      return { hits, best: applies ? top : null };
    },
  };
}
