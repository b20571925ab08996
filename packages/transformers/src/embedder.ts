import type { Embedder } from '@cxqa/core';
import { batching, inBatches, lazyPipeline, type ModelOptions } from './lazy-pipeline.js';

export interface TransformersEmbedderOptions extends ModelOptions {
  /** Pooling over tokens (default `mean`, over the attention mask). */
  pooling?: 'mean' | 'cls';
  /** L2-normalise the vectors (default true). */
  normalize?: boolean;
  /** Texts whose vectors are kept (default 10,000; 0 = no cache). Keyed by model and text. */
  cacheSize?: number;
}

export interface TransformersEmbedder extends Embedder {
  ready(): Promise<void>;
  dispose(): Promise<void>;
}

interface Tensor {
  dims: number[];
  data: Float32Array;
}
type Pipe = ((texts: string[], options: { pooling: string; normalize: boolean }) => Promise<Tensor>) & { dispose?: () => Promise<void> };

/**
 * Sentence embeddings from a local transformers.js feature-extraction model (e.g.
 * `Xenova/paraphrase-multilingual-MiniLM-L12-v2` or `Xenova/multilingual-e5-small`), for
 * `buildKbIndex(kb, { embedder })` and `kbAnalyzer({ embedder })`. Mean pooling and L2
 * normalisation by default; batched; repeated texts (KB questions) come from a bounded cache.
 *
 * @example
 * const embedder = createTransformersEmbedder({ model: 'Xenova/paraphrase-multilingual-MiniLM-L12-v2' });
 * const inspector = createInspector({ analyzers: [kbAnalyzer({ kb, embedder })] });
 */
export function createTransformersEmbedder(options: TransformersEmbedderOptions): TransformersEmbedder {
  const { batchSize, concurrency } = batching(options);
  const pipeline = lazyPipeline<Pipe>('feature-extraction', options);
  const limit = options.cacheSize ?? 10_000;
  const cache = new Map<string, Float32Array>();
  const remember = (text: string, v: Float32Array) => {
    if (!limit) return;
    if (cache.size >= limit) cache.delete(cache.keys().next().value!);
    cache.set(text, v);
  };
  return {
    id: options.model,
    async ready() {
      await pipeline.load();
    },
    async embed(texts, opts = {}) {
      const missing = [...new Set(texts.filter((t) => !cache.has(t)))];
      if (missing.length) {
        const pipe = await pipeline.load();
        const vectors = await inBatches(
          missing,
          batchSize,
          concurrency,
          async (batch) => {
            const out = await pipe(batch, { pooling: options.pooling ?? 'mean', normalize: options.normalize ?? true });
            const width = out.dims.at(-1)!;
            return batch.map((_, k) => out.data.slice(k * width, (k + 1) * width));
          },
          opts.signal,
        );
        const fresh = new Map(missing.map((t, k) => [t, vectors[k]!]));
        fresh.forEach((v, t) => remember(t, v));
        return texts.map((t) => fresh.get(t) ?? cache.get(t)!);
      }
      return texts.map((t) => cache.get(t)!);
    },
    async dispose() {
      cache.clear();
      await pipeline.dispose();
    },
  };
}
