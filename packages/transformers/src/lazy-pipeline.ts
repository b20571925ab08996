import { basename, dirname, isAbsolute, resolve } from 'node:path';
import { CxqaError } from '@cxqa/core';
import { defaultLibrary, loadPipeline, type ModelSource, missingModelError, type TransformersLibrary } from './library.js';

/** Where a model comes from and how it runs: shared by every provider. */
export interface ModelOptions {
  /** Hugging Face model id (looked up under `localModelPath`) or a path to the model directory. */
  model: string;
  /** Directory of local models (default: `$CXQA_MODELS_DIR`, else `./models`). */
  localModelPath?: string;
  /** Download missing files from the Hub or `remoteHost` (default false: local files only). */
  allowRemote?: boolean;
  /** Mirror host used instead of huggingface.co when `allowRemote` is set. */
  remoteHost?: string;
  /** Cache directory for downloads. */
  cacheDir?: string;
  /** ONNX weights variant: `fp32` → `onnx/model.onnx`, `q8` → `onnx/model_quantized.onnx`, … (default `q8`). */
  dtype?: 'fp32' | 'fp16' | 'q8' | 'int8' | 'uint8' | 'q4' | 'bnb4' | 'q4f16';
  /** Texts per inference call (default 16). */
  batchSize?: number;
  /** Inference calls in flight at once (default 1). */
  concurrency?: number;
  /** Download progress, when `allowRemote` is set. */
  onProgress?: (info: unknown) => void;
  /** The transformers.js module (default: `import('@huggingface/transformers')` on first use). */
  library?: () => Promise<TransformersLibrary>;
}

export interface LazyPipeline<P> {
  load(): Promise<P>;
  dispose(): Promise<void>;
}

function modelSource(options: ModelOptions): { id: string; source: ModelSource } {
  const looksLikePath = isAbsolute(options.model) || options.model.startsWith('.');
  const base = options.localModelPath ?? process.env.CXQA_MODELS_DIR ?? 'models';
  const [localModelPath, id] = looksLikePath ? [dirname(resolve(options.model)), basename(options.model)] : [resolve(base), options.model];
  const source: ModelSource = { localModelPath, allowRemote: options.allowRemote ?? false };
  if (options.remoteHost) source.remoteHost = options.remoteHost;
  if (options.cacheDir) source.cacheDir = options.cacheDir;
  return { id, source };
}

/**
 * A pipeline loaded on first use (concurrent callers share one load), re-loaded after `dispose`,
 * with a failed load turned into `model_missing` and `check` run on the loaded pipeline.
 */
export function lazyPipeline<P extends { dispose?: () => Promise<void> }>(
  task: string,
  options: ModelOptions,
  check: (pipe: P) => void = () => {},
): LazyPipeline<P> {
  const { id, source } = modelSource(options);
  let loading: Promise<P> | undefined;
  return {
    load() {
      loading ??= (async () => {
        const library = await (options.library ?? defaultLibrary)();
        let pipe: P;
        try {
          pipe = (await loadPipeline(library, task, id, source, {
            dtype: options.dtype ?? 'q8',
            device: 'cpu',
            ...(options.onProgress ? { progress_callback: options.onProgress } : {}),
          })) as P;
        } catch (cause) {
          throw missingModelError(id, source, cause);
        }
        check(pipe);
        return pipe;
      })();
      loading.catch(() => (loading = undefined));
      return loading;
    },
    async dispose() {
      const current = loading;
      loading = undefined;
      const pipe = await current?.catch(() => undefined);
      await pipe?.dispose?.();
    },
  };
}

/** Run `fn` over `items` in batches of `batchSize`, at most `concurrency` at once, results in order. */
export async function inBatches<T, R>(
  items: readonly T[],
  batchSize: number,
  concurrency: number,
  fn: (batch: T[]) => Promise<R[]>,
  signal?: AbortSignal,
): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      signal?.throwIfAborted();
      const start = next;
      next += batchSize;
      const results = await fn(items.slice(start, start + batchSize));
      results.forEach((r, k) => (out[start + k] = r));
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, Math.ceil(items.length / batchSize)) }, worker));
  return out;
}

/** Batch size and concurrency, checked. */
export function batching(options: ModelOptions): { batchSize: number; concurrency: number } {
  const batchSize = options.batchSize ?? 16;
  const concurrency = options.concurrency ?? 1;
  if (!(batchSize >= 1 && concurrency >= 1))
    throw new CxqaError('invalid_option', 'batchSize and concurrency must be at least 1', { path: [batchSize >= 1 ? 'concurrency' : 'batchSize'] });
  return { batchSize, concurrency };
}

/** Load `pipeline`, then run `fn(pipe, batch)` over `items` as {@link inBatches} does (results in order). */
export async function runInBatches<P, T, R>(
  pipeline: LazyPipeline<P>,
  items: readonly T[],
  { batchSize, concurrency }: { batchSize: number; concurrency: number },
  fn: (pipe: P, batch: T[]) => Promise<R[]>,
  signal?: AbortSignal,
): Promise<R[]> {
  const pipe = await pipeline.load();
  return inBatches(items, batchSize, concurrency, (batch) => fn(pipe, batch), signal);
}
