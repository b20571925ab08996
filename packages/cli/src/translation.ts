import { dirname, isAbsolute, resolve } from 'node:path';
import { CxqaError, type Translator } from '@cxqa/core';
import type { TranslationConfig } from './config.js';

/** A translator with whatever it holds released by `dispose` (a transformers.js session). */
export interface LoadedTranslation {
  to: string;
  translator: Translator;
  dispose(): Promise<void>;
}

async function importProvider<T>(load: () => Promise<T>, pkg: string, configPath: string): Promise<T> {
  try {
    return await load();
  } catch (cause) {
    throw new CxqaError('model_missing', `${configPath}: translation needs ${pkg} (npm i ${pkg})`, { path: [configPath, 'translation'], cause });
  }
}

/**
 * The translator a config's `translation` section asks for (`cxqa inspect --config`), built up
 * front so a missing model, URL or key fails before any input is read. Paths (`cache`,
 * `localModelPath`) are relative to the config file; the llm key is read from `env[apiKeyEnv]`.
 */
export async function loadTranslation(
  config: TranslationConfig,
  configPath: string,
  env: Record<string, string | undefined> = process.env,
): Promise<LoadedTranslation> {
  const base = dirname(resolve(configPath));
  const at = (p: string) => (isAbsolute(p) ? p : resolve(base, p));
  const { provider, to, cache, localModelPath, ...rest } = config;
  if (provider === 'llm') {
    const mod = await importProvider(() => import('@cxqa/llm'), '@cxqa/llm', configPath);
    const key = config.apiKeyEnv ? env[config.apiKeyEnv] : undefined;
    const translator = mod.llmTranslator({ ...rest, ...(cache ? { cache: at(cache) } : {}), ...(key ? { apiKey: key } : {}) });
    return { to, translator, dispose: async () => {} };
  }
  const mod = await importProvider(() => import('@cxqa/transformers'), '@cxqa/transformers', configPath);
  const translator = mod.createTransformersTranslator({
    model: config.model,
    ...(localModelPath ? { localModelPath: at(localModelPath) } : {}),
    ...(config.dtype ? { dtype: config.dtype } : {}),
    ...(config.family ? { family: config.family } : {}),
    ...(config.batchSize ? { batchSize: config.batchSize } : {}),
  });
  await translator.ready();
  return { to, translator, dispose: () => translator.dispose() };
}
