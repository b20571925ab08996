import { dirname, isAbsolute, resolve } from 'node:path';
import { CxqaError, type TextClassifier } from '@cxqa/core';
import type { SentimentModelConfig } from './config.js';

type Provider = TextClassifier & { ready(): Promise<void>; dispose(): Promise<void> };

/**
 * The transformers.js classifier a config's `sentimentModel` asks for, loaded up front so a
 * missing model fails before any input is read. Relative paths are relative to the config file.
 */
export async function loadSentimentModel(config: SentimentModelConfig, configPath: string): Promise<Provider> {
  let mod: { createTransformersClassifier(options: SentimentModelConfig): Provider };
  try {
    mod = (await import('@cxqa/transformers')) as unknown as typeof mod;
  } catch (cause) {
    throw new CxqaError('model_missing', `${configPath}: sentimentModel needs @cxqa/transformers (npm i @cxqa/transformers)`, {
      path: [configPath, 'sentimentModel'],
      cause,
    });
  }
  const base = dirname(resolve(configPath));
  const local = config.localModelPath;
  const classifier = mod.createTransformersClassifier({
    ...config,
    ...(local ? { localModelPath: isAbsolute(local) ? local : resolve(base, local) } : {}),
  });
  await classifier.ready();
  return classifier;
}
