import { CxqaError } from '@cxqa/core';

/** The part of `@huggingface/transformers` the providers use (inject your own copy or a fake). */
export interface TransformersLibrary {
  env: {
    allowRemoteModels: boolean;
    allowLocalModels: boolean;
    localModelPath: string;
    remoteHost: string;
    useFSCache: boolean;
    cacheDir: string | null;
  };
  pipeline(task: string, model: string, options?: Record<string, unknown>): Promise<unknown>;
}

let imported: Promise<TransformersLibrary> | undefined;

/** `@huggingface/transformers`, imported on first use only (it pulls in onnxruntime-node). */
export function defaultLibrary(): Promise<TransformersLibrary> {
  imported ??= import('@huggingface/transformers').then(
    (m) => m as unknown as TransformersLibrary,
    (cause: unknown) => {
      imported = undefined;
      throw new CxqaError(
        'model_missing',
        '@huggingface/transformers could not be loaded; install it next to @cxqa/transformers (npm i @huggingface/transformers)',
        { cause },
      );
    },
  );
  return imported;
}

/** Where and how a model may be loaded. transformers.js keeps these settings in one global `env`. */
export interface ModelSource {
  /** Directory holding `<model id>/config.json`, `tokenizer.json`, `onnx/model*.onnx`. */
  localModelPath: string;
  /** Download missing files (default false): from `remoteHost`, else the Hugging Face Hub. */
  allowRemote: boolean;
  /** A mirror of the Hub, e.g. `https://hf-mirror.example.com/` (only with `allowRemote`). */
  remoteHost?: string;
  /** Where downloaded files are cached (only with `allowRemote`). */
  cacheDir?: string;
}

let queue: Promise<unknown> = Promise.resolve();

/**
 * Load a pipeline with `source` applied to the library's global `env`. Loads are serialized so
 * two providers with different sources never see each other's settings; the settings stay as the
 * last load left them (inference does not read them).
 */
export function loadPipeline(
  library: TransformersLibrary,
  task: string,
  model: string,
  source: ModelSource,
  options: Record<string, unknown>,
): Promise<unknown> {
  const run = async () => {
    const { env } = library;
    env.allowLocalModels = true;
    env.localModelPath = source.localModelPath.endsWith('/') ? source.localModelPath : `${source.localModelPath}/`;
    env.allowRemoteModels = source.allowRemote;
    if (source.remoteHost) env.remoteHost = source.remoteHost.endsWith('/') ? source.remoteHost : `${source.remoteHost}/`;
    env.useFSCache = source.allowRemote;
    if (source.cacheDir) env.cacheDir = source.cacheDir;
    return library.pipeline(task, model, { ...options, local_files_only: !source.allowRemote });
  };
  const result = queue.then(run, run);
  queue = result.catch(() => undefined);
  return result;
}

/** Turn a loading failure into a typed error that says how to get the model. */
export function missingModelError(model: string, source: ModelSource, cause: unknown): CxqaError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  const where = `${source.localModelPath.replace(/\/$/, '')}/${model}`;
  return new CxqaError(
    'model_missing',
    `model "${model}" could not be loaded from ${where} (${reason}). ` +
      `Fetch it once on a machine with access, e.g. \`huggingface-cli download ${model} --local-dir ${where}\` (or git clone https://huggingface.co/${model}), ` +
      'or pass `allowRemote: true` (optionally with `remoteHost` for a mirror) to let transformers.js download it.',
    { path: [where], cause },
  );
}
