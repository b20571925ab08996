/**
 * Loaded by each worker thread of `cxqa inspect --workers N`: reads the same config file and
 * builds the same inspector as the main thread (models and the llm judge loaded once per thread).
 */
import type { Inspector } from '@cxqa/core';
import { buildCliInspector } from './cli-inspector.js';
import { loadConfig } from './config.js';
import { loadLlmJudge } from './llm-judge.js';
import { loadSentimentModel } from './sentiment-model.js';
import { loadTranslation } from './translation.js';

export interface WorkerInspectorArgs {
  /** Absolute path of the `--config` file, if any. */
  config?: string | undefined;
  /** The CLI's environment (the llm key variable is read from it). */
  env: Record<string, string | undefined>;
}

/** The inspector of `cxqa inspect --config args.config`, built inside a worker thread. */
export async function workerInspector(args: WorkerInspectorArgs): Promise<Inspector> {
  const config = loadConfig(args.config);
  const classifier = config.sentimentModel ? await loadSentimentModel(config.sentimentModel, args.config!) : undefined;
  const judge = config.llm ? await loadLlmJudge(config.llm, args.config!, args.env) : undefined;
  const translation = config.translation ? await loadTranslation(config.translation, args.config!, args.env) : undefined;
  return buildCliInspector(config, args.config, { classifier, judge, translation }, args.env);
}
