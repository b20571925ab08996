import type { Inspector } from '@cxqa/core';
import { buildCliInspector } from './cli-inspector.js';
import { type CliConfig, loadConfig } from './config.js';
import type { CliIo } from './io.js';
import { loadLlmJudge } from './llm-judge.js';
import { loadSentimentModel } from './sentiment-model.js';
import { loadTranslation } from './translation.js';

/** Load `--config` (models, judge and translator included), run `use` with its inspector (the one `cxqa inspect` builds), then release the models. */
export async function withConfiguredInspector<T>(
  configPath: string | undefined,
  io: CliIo,
  use: (inspector: Inspector, config: CliConfig) => Promise<T>,
): Promise<T> {
  const config = loadConfig(configPath);
  const env = io.env ?? process.env;
  const classifier = config.sentimentModel ? await loadSentimentModel(config.sentimentModel, configPath!) : undefined;
  const translation = config.translation ? await loadTranslation(config.translation, configPath!, env) : undefined;
  try {
    const judge = config.llm ? await loadLlmJudge(config.llm, configPath!, env) : undefined;
    return await use(await buildCliInspector(config, configPath, { classifier, judge, translation }, env), config);
  } finally {
    await classifier?.dispose();
    await translation?.dispose();
  }
}
