import { dirname, resolve } from 'node:path';
import {
  type Analyzer,
  BUILTIN_LEXICONS,
  builtinAnalyzers,
  builtinLexicon,
  builtinPolicyPacks,
  CxqaError,
  createInspector,
  type Inspector,
  isCxqaError,
  kbAnalyzer,
  loadKnowledgeBase,
  type SensitiveOptions,
  type TextClassifier,
} from '@cxqa/core';
import { type AllowList, allowInLexicons, allowInPolicyPacks, suppressFindings } from '@cxqa/core/appeals';
import type { CliConfig } from './config.js';
import { UsageError } from './errors.js';
import type { LoadedTranslation } from './translation.js';

/**
 * The inspector `cxqa inspect` runs for a config: the built-in analyzers with the config's options,
 * the `kb` analyzer when a knowledge base is given, then the `llm` judge; the `translation` translator. The worker threads of
 * `--workers` build theirs with the same function (see worker-inspector.ts), so both give the same results.
 */
export async function buildCliInspector(
  config: CliConfig,
  configPath: string | undefined,
  loaded: { classifier?: TextClassifier | undefined; judge?: Analyzer | undefined; translation?: LoadedTranslation | undefined },
  env: Record<string, string | undefined>,
): Promise<Inspector> {
  const saltEnv = config.customerKeySaltEnv;
  const salt = saltEnv ? env[saltEnv] : undefined;
  if (saltEnv && !salt) throw new UsageError(`customerKeySaltEnv: the environment variable ${saltEnv} is not set (it holds the salt of customer keys)`);
  const kb = config.kb ? await loadKnowledgeBase(resolve(dirname(resolve(configPath!)), config.kb)) : undefined;
  const builtin = {
    ...(loaded.classifier ? { sentiment: { classifier: loaded.classifier } } : {}),
    ...(config.timing ? { timing: config.timing } : {}),
    ...(config.courtesy ? { courtesy: config.courtesy } : {}),
    ...(config.script ? { script: config.script } : {}),
    ...(config.allow ? { sensitive: allowedRules(config.allow, configPath) } : {}),
  };
  const analyzers = [...builtinAnalyzers(builtin), ...(kb ? [kbAnalyzer({ kb })] : []), ...(loaded.judge ? [loaded.judge] : [])];
  return createInspector({
    ...(salt ? { customerKeySalt: salt } : {}),
    analyzers: analyzers.map((a) => suppressFindings(a, config.allow?.findings ?? [])),
    ...(config.scorecard ? { scorecard: config.scorecard } : {}),
    ...(config.languages ? { languages: config.languages } : {}),
    ...(config.timeLimitMs ? { timeLimitMs: config.timeLimitMs } : {}),
    ...(loaded.translation ? { translation: { to: loaded.translation.to, translator: loaded.translation.translator } } : {}),
  });
}

/** The shipped lexicons and policy packs with the config's `allow` texts added; an unknown lexicon or rule names the config file. */
function allowedRules(allow: AllowList, configPath: string | undefined): SensitiveOptions {
  try {
    return { lexicons: allowInLexicons(BUILTIN_LEXICONS.map(builtinLexicon), allow), policyPacks: allowInPolicyPacks(builtinPolicyPacks(), allow) };
  } catch (e) {
    if (!isCxqaError(e)) throw e;
    throw new CxqaError(e.code, `${configPath}: ${e.message}`, { path: [configPath ?? '', ...(e.path ?? [])] });
  }
}

/**
 * The module the `--workers` threads import (its export `workerInspector`): beside this file in
 * the sources (`.ts`) and beside the bundle in dist (`.js`, a build entry of its own).
 */
export const WORKER_INSPECTOR_MODULE = new URL(import.meta.url.endsWith('.ts') ? './worker-inspector.ts' : './worker-inspector.js', import.meta.url);
