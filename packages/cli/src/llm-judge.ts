import { dirname, isAbsolute, resolve } from 'node:path';
import { type Analyzer, CxqaError } from '@cxqa/core';
import { type LlmConfig, loadConfig } from './config.js';
import { UsageError } from './errors.js';

type LlmModule = typeof import('@cxqa/llm');

/** `@cxqa/llm`, loaded only when a config asks for it (an optional peer dependency of the CLI). */
export async function llmModule(configPath: string): Promise<LlmModule> {
  try {
    return await import('@cxqa/llm');
  } catch (cause) {
    throw new CxqaError('model_missing', `${configPath}: llm needs @cxqa/llm (npm i @cxqa/llm)`, { path: [configPath, 'llm'], cause });
  }
}

/** The judge options a config's `llm` section gives; `questions` and `cache` relative to the config file. */
function judgeOptions(config: LlmConfig, configPath: string) {
  const base = dirname(resolve(configPath));
  const at = (p: string) => (isAbsolute(p) ? p : resolve(base, p));
  const { questions, cache, ...rest } = config;
  return { ...rest, ...(questions ? { questions: at(questions) } : {}), ...(cache ? { cache: at(cache) } : {}) };
}

/**
 * The `llm` analyzer a config asks for (`cxqa inspect --config`): built up front, so a missing
 * model, URL or key fails before any input is read. The key is read from `env[apiKeyEnv]` (the
 * CLI's environment).
 */
export async function loadLlmJudge(config: LlmConfig, configPath: string, env: Record<string, string | undefined> = process.env): Promise<Analyzer> {
  return buildJudge(config, configPath, env);
}

async function buildJudge(config: LlmConfig, configPath: string, env: Record<string, string | undefined>, withCache = true) {
  const mod = await llmModule(configPath);
  const key = config.apiKeyEnv ? env[config.apiKeyEnv] : undefined;
  const { cache, ...options } = judgeOptions(config, configPath);
  return mod.llmJudgeAnalyzer({ ...options, ...(cache && withCache ? { cache } : {}), ...(key ? { apiKey: key } : {}) });
}

/**
 * The judge of a config file's `llm` section (`cxqa eval --task injection|llm-calibration`);
 * `cache: false` leaves the reply cache out. Throws UsageError when the file has no `llm` section.
 */
export async function loadLlmJudgeFromConfig(configPath: string, env: Record<string, string | undefined>, { cache = true } = {}) {
  const config = loadConfig(configPath);
  if (!config.llm) throw new UsageError(`${configPath}: the LLM eval tasks need an "llm" section (see docs/llm.md)`);
  return buildJudge(config.llm, configPath, env, cache);
}

/**
 * `cxqa inspect --dry-run`: what judging these conversations would send and cost, contacting
 * nothing — the report of `@cxqa/llm`'s `dryRun`, counted on the exact messages a real run sends.
 */
export async function llmDryRun(conversations: AsyncIterable<unknown>, config: LlmConfig, configPath: string): Promise<string> {
  const mod = await llmModule(configPath);
  const { baseURL: _url, apiKeyEnv: _key, concurrency: _c, cache: _cache, ...options } = judgeOptions(config, configPath);
  const report = await mod.dryRun(conversations as AsyncIterable<never>, options);
  const cost = (usd: number | null) => (usd === null ? 'no price for this model' : `$${usd.toFixed(4)}`);
  const lines = report.conversations.map(
    (c) =>
      `${c.id}  questions ${c.questions.length}  requests ${c.requests}  input tokens ${c.inputTokens}  output ≈ ${c.outputTokensEstimate}${c.omittedMessages ? `  trimmed ${c.omittedMessages} messages` : ''}${c.capped ? `  capped: ${c.capped}` : ''}  ${cost(c.costUsd)}`,
  );
  const t = report.totals;
  lines.push(
    `${t.conversations} conversations · model ${report.model} (${report.counter}) · requests ${t.requests} · input tokens ${t.inputTokens} · output ≈ ${t.outputTokensEstimate} · capped ${t.capped} · ${cost(t.costUsd)}`,
  );
  return `${lines.join('\n')}\n`;
}
