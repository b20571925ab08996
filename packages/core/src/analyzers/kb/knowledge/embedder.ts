/**
 * Turns texts into vectors (e.g. `@cxqa/transformers`' `createTransformersEmbedder`, or your own
 * API). Vectors should be L2-normalised; `id` names the model in cache keys and findings.
 *
 * @example
 * const embedder: Embedder = { id: 'my-api/e5', embed: async (texts) => (await myApi.embed(texts)).vectors };
 */
export interface Embedder {
  readonly id: string;
  embed(texts: readonly string[], options?: { signal?: AbortSignal }): Promise<ArrayLike<number>[]>;
}

/** Cosine similarity of two vectors (normalises, so any embedder works). */
export function cosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
  }
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}
