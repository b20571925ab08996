import { dirname, resolve } from 'node:path';
import { type Analyzer, builtinAnalyzers, createInspector, type Inspector, kbAnalyzer, loadKnowledgeBase, type TextClassifier } from '@cxqa/core';
import { type CliConfig, loadConfig } from './config.js';
import type { CliIo } from './io.js';
import { loadLlmJudge } from './llm-judge.js';
import { loadSentimentModel } from './sentiment-model.js';

/** The inspector a `--config` describes: built-in analyzers with its options, its knowledge base, LLM judge and scorecard. */
export async function buildInspector(
  config: CliConfig,
  configPath: string | undefined,
  classifier: TextClassifier | undefined,
  judge: Analyzer | undefined,
): Promise<Inspector> {
  const kb = config.kb ? await loadKnowledgeBase(resolve(dirname(resolve(configPath!)), config.kb)) : undefined;
  const builtin = {
    ...(classifier ? { sentiment: { classifier } } : {}),
    ...(config.timing ? { timing: config.timing } : {}),
    ...(config.courtesy ? { courtesy: config.courtesy } : {}),
    ...(config.script ? { script: config.script } : {}),
  };
  return createInspector({
    analyzers: [...builtinAnalyzers(builtin), ...(kb ? [kbAnalyzer({ kb })] : []), ...(judge ? [judge] : [])],
    ...(config.scorecard ? { scorecard: config.scorecard } : {}),
    ...(config.languages ? { languages: config.languages } : {}),
    ...(config.timeLimitMs ? { timeLimitMs: config.timeLimitMs } : {}),
  });
}

/** Load `--config` (models included), run `use` with its inspector, then release the models. */
export async function withConfiguredInspector<T>(
  configPath: string | undefined,
  io: CliIo,
  use: (inspector: Inspector, config: CliConfig) => Promise<T>,
): Promise<T> {
  const config = loadConfig(configPath);
  const classifier = config.sentimentModel ? await loadSentimentModel(config.sentimentModel, configPath!) : undefined;
  try {
    const judge = config.llm ? await loadLlmJudge(config.llm, configPath!, io.env ?? process.env) : undefined;
    return await use(await buildInspector(config, configPath, classifier, judge), config);
  } finally {
    await classifier?.dispose();
  }
}
