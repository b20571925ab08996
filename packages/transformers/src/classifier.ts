import { CxqaError, type Prediction, type TextClassifier } from '@cxqa/core';
import { checkLabelMap, type LabelMap, mapPrediction, SENTIMENT_LABEL_PRESETS } from './labels.js';
import { batching, lazyPipeline, type ModelOptions, runInBatches } from './lazy-pipeline.js';

export interface TransformersClassifierOptions extends ModelOptions {
  /** Model label → cxqa label; defaults to the preset for `model` (see `SENTIMENT_LABEL_PRESETS`). */
  labels?: LabelMap;
  /** Languages the sentiment analyzer should use it for (default: all). */
  languages?: readonly string[];
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
  if (!labels)
    throw new CxqaError('invalid_option', `no label map for model "${options.model}": pass \`labels\` (model label → negative / neutral / positive)`, {
      path: ['labels'],
    });
  const sizes = batching(options);
  const pipeline = lazyPipeline<Pipe>('text-classification', options, (pipe) =>
    checkLabelMap(options.model, Object.values(pipe.model?.config?.id2label ?? {}), labels),
  );
  return {
    id: options.model,
    ...(options.languages ? { languages: options.languages } : {}),
    async ready() {
      await pipeline.load();
    },
    async classify(texts, opts = {}): Promise<Prediction[]> {
      return runInBatches(
        pipeline,
        texts,
        sizes,
        async (pipe, batch) => {
          const raw = await pipe(batch, { top_k: null });
          const rows = (batch.length === 1 && !Array.isArray(raw[0]) ? [raw] : raw) as Output[];
          return rows.map((scores) => mapPrediction(scores, labels));
        },
        opts.signal,
      );
    },
    dispose: () => pipeline.dispose(),
  };
}
