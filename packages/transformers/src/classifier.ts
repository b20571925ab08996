import { isAbsolute, resolve, dirname, basename } from 'node:path';
import { CxqaError, type Prediction, type TextClassifier } from '@cxqa/core';
import { checkLabelMap, mapPrediction, SENTIMENT_LABEL_PRESETS, type LabelMap } from './labels.js';
import { defaultLibrary, loadPipeline, missingModelError, type ModelSource, type TransformersLibrary } from './library.js';

export interface TransformersClassifierOptions {
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
  /** Model label → cxqa label; defaults to the preset for `model` (see `SENTIMENT_LABEL_PRESETS`). */
  labels?: LabelMap;
  /** ONNX weights variant: `fp32` → `onnx/model.onnx`, `q8` → `onnx/model_quantized.onnx`, … (default `q8`). */
  dtype?: 'fp32' | 'fp16' | 'q8' | 'int8' | 'uint8' | 'q4' | 'bnb4' | 'q4f16';
  /** Languages the sentiment analyzer should use it for (default: all). */
  languages?: readonly string[];
  /** Texts per inference call (default 16). */
  batchSize?: number;
  /** Inference calls in flight at once (default 1). */
  concurrency?: number;
  /** Download progress, when `allowRemote` is set. */
  onProgress?: (info: unknown) => void;
  /** The transformers.js module (default: `import('@huggingface/transformers')` on first use). */
  library?: () => Promise<TransformersLibrary>;
}

export interface TransformersClassifier extends TextClassifier {
  /** Load the model now (otherwise the first `classify` does); rejects with `model_missing`. */
  ready(): Promise<void>;
  /** Release the ONNX session; a later `classify` loads the model again. */
  dispose(): Promise<void>;
}

type Output = { label: string; score: number }[];
interface Pipe {
  (texts: string[], options: { top_k: null }): Promise<Output[] | Output>;
  model?: { config?: { id2label?: Record<string, string> } };
  dispose?: () => Promise<void>;
}

function modelSource(options: TransformersClassifierOptions): { id: string; source: ModelSource } {
  const looksLikePath = isAbsolute(options.model) || options.model.startsWith('.');
  const base = options.localModelPath ?? process.env.CXQA_MODELS_DIR ?? 'models';
  const [localModelPath, id] = looksLikePath ? [dirname(resolve(options.model)), basename(options.model)] : [resolve(base), options.model];
  const source: ModelSource = { localModelPath, allowRemote: options.allowRemote ?? false };
  if (options.remoteHost) source.remoteHost = options.remoteHost;
  if (options.cacheDir) source.cacheDir = options.cacheDir;
  return { id, source };
}

/**
 * A text classifier running a local transformers.js model, for `sentimentAnalyzer({ classifier })`.
 * Nothing is downloaded unless `allowRemote` is set; a missing model is a `model_missing` error
 * that says how to fetch it. Batches of `batchSize`, at most `concurrency` in flight.
 *
 * @example
 * const classifier = createTransformersClassifier({ model: 'Xenova/distilbert-base-multilingual-cased-sentiments-student', localModelPath: './models' });
 * const inspector = createInspector({ analyzers: [timingAnalyzer(), sentimentAnalyzer({ classifier })] });
 * // … inspect …
 * await classifier.dispose();
 */
export function createTransformersClassifier(options: TransformersClassifierOptions): TransformersClassifier {
  const labels = options.labels ?? SENTIMENT_LABEL_PRESETS[options.model];
  if (!labels) throw new CxqaError('invalid_option', `no label map for model "${options.model}": pass \`labels\` (model label → negative / neutral / positive)`, { path: ['labels'] });
  const batchSize = options.batchSize ?? 16;
  const concurrency = options.concurrency ?? 1;
  if (!(batchSize >= 1 && concurrency >= 1)) throw new CxqaError('invalid_option', 'batchSize and concurrency must be at least 1', { path: [batchSize >= 1 ? 'concurrency' : 'batchSize'] });
  const { id, source } = modelSource(options);
  let loading: Promise<Pipe> | undefined;

  const load = (): Promise<Pipe> => {
    loading ??= (async () => {
      const library = await (options.library ?? defaultLibrary)();
      let pipe: Pipe;
      try {
        pipe = (await loadPipeline(library, 'text-classification', id, source, {
          dtype: options.dtype ?? 'q8', device: 'cpu', ...(options.onProgress ? { progress_callback: options.onProgress } : {}),
        })) as Pipe;
      } catch (cause) {
        throw missingModelError(id, source, cause);
      }
      checkLabelMap(options.model, Object.values(pipe.model?.config?.id2label ?? {}), labels);
      return pipe;
    })();
    loading.catch(() => (loading = undefined));
    return loading;
  };

  return {
    id: options.model,
    ...(options.languages ? { languages: options.languages } : {}),
    async ready() {
      await load();
    },
    async classify(texts, opts = {}): Promise<Prediction[]> {
      const pipe = await load();
      const out = new Array<Prediction>(texts.length);
      let next = 0;
      const worker = async () => {
        while (next < texts.length) {
          opts.signal?.throwIfAborted();
          const start = next;
          next += batchSize;
          const batch = texts.slice(start, start + batchSize);
          const raw = await pipe(batch, { top_k: null });
          const rows = (batch.length === 1 && !Array.isArray(raw[0]) ? [raw] : raw) as Output[];
          rows.forEach((scores, k) => (out[start + k] = mapPrediction(scores, labels)));
        }
      };
      await Promise.all(Array.from({ length: Math.min(concurrency, Math.ceil(texts.length / batchSize)) }, worker));
      return out;
    },
    async dispose() {
      const current = loading;
      loading = undefined;
      const pipe = await current?.catch(() => undefined);
      await pipe?.dispose?.();
    },
  };
}
