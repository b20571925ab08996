import { readFileSync } from 'node:fs';
import {
  type CourtesyOptions,
  CxqaError,
  DEFAULT_SCORECARD,
  describeZodIssues,
  type Scorecard,
  ScorecardSchema,
  type ScriptOptions,
  type TimingOptionsInput,
  TimingOptionsSchema,
} from '@cxqa/core';
import { type AllowList, AllowListSchema } from '@cxqa/core/appeals';
import { type BacklogRuleInput, BacklogRuleSchema, type KpiOptionsInput, KpiOptionsSchema } from '@cxqa/core/kpi';
import { z } from 'zod';
import { closestKey, findUnknownKeys } from './config-keys.js';
import { mergeDeep, mergeScorecard } from './config-merge.js';
import { CsvMappingSchema } from './input/csv.js';

/**
 * `--config FILE`: everything optional; the defaults do the whole job. Unknown keys are errors
 * at any depth; `scorecard` and `timing` are merged onto the defaults before validation.
 */
export const CliConfigSchema = z.object({
  /** Merged onto DEFAULT_SCORECARD (dimensions by name, other arrays replaced). */
  scorecard: ScorecardSchema.optional(),
  /** Merged onto the timing analyzer's defaults (SLA entries merged by core). */
  timing: TimingOptionsSchema.optional(),
  languages: z.array(z.string()).optional(),
  timeLimitMs: z.number().int().positive().optional(),
  csv: CsvMappingSchema.prefault({}),
  /**
   * Name of the environment variable holding the secret salt of `Result.customerKey` (hash of
   * `customer.contact`); the salt itself never sits in the file. Keep it the same across runs.
   */
  customerKeySaltEnv: z.string().min(1).optional(),
  /** KPI options of `cxqa report` (teams, roles, role weights, CSAT scale, low-traffic hours, …; docs/kpis.md). */
  kpis: KpiOptionsSchema.optional(),
  /** Backlog rules of `cxqa alerts` (replace the seed's two defaults; docs/kpis.md). */
  alerts: z.array(BacklogRuleSchema).min(1).optional(),
  /** Options of the courtesy analyzer, e.g. `{ "formality": { "es": "formal" } }`. */
  courtesy: z
    .object({ formality: z.record(z.string(), z.enum(['formal', 'informal', 'any'])).optional(), impoliteBelow: z.number().min(0).max(1).optional() })
    .strict()
    .optional(),
  /** Options of the script analyzer, e.g. `{ "require": { "introduction": true }, "holdingLimitSeconds": 180 }`. */
  script: z
    .object({
      require: z.partialRecord(z.enum(['greeting', 'closing', 'apology', 'empathy', 'holding', 'introduction']), z.boolean()).optional(),
      holdingLimitSeconds: z.number().positive().optional(),
    })
    .strict()
    .optional(),
  /** A knowledge base file (JSON, JSONL, CSV, YAML): adds the `kb` analyzer. Relative to the config file. */
  kb: z.string().min(1).optional(),
  /** What accepted appeals taught the rules (`cxqa appeals export` writes it): lexicon and policy allow-lists, suppressed findings (docs/appeals.md). */
  allow: AllowListSchema.optional(),
  /**
   * LLM-judged rubric questions on an OpenAI-compatible endpoint (needs `@cxqa/llm` installed; see
   * docs/llm.md). `questions` and `cache` are relative to the config file; the key comes from the
   * environment variable `apiKeyEnv` names, never from the file.
   */
  llm: z
    .object({
      model: z.string().min(1),
      baseURL: z.string().url().optional(),
      apiKeyEnv: z.string().min(1).optional(),
      questions: z.string().min(1).optional(),
      cache: z.string().min(1).optional(),
      concurrency: z.number().int().positive().max(64).optional(),
      samples: z.number().int().positive().max(9).optional(),
      maxInputTokens: z.number().int().positive().optional(),
      maxRunTokens: z.number().int().positive().optional(),
      prices: z.record(z.string(), z.object({ input: z.number().nonnegative(), output: z.number().nonnegative() }).strict()).optional(),
    })
    .strict()
    .optional(),
  /**
   * Translate messages not in `to` for reviewers and for analyzers that read the pivot language
   * (see docs/llm.md#translation): `provider: "llm"` on an OpenAI-compatible endpoint (needs
   * `@cxqa/llm`; the key from the variable `apiKeyEnv` names) or `provider: "transformers"` with a
   * local Marian / NLLB / M2M100 model (needs `@cxqa/transformers`). `cache` and `localModelPath`
   * are relative to the config file.
   */
  translation: z
    .object({
      provider: z.enum(['llm', 'transformers']),
      to: z.string().min(2),
      model: z.string().min(1),
      baseURL: z.string().url().optional(),
      apiKeyEnv: z.string().min(1).optional(),
      cache: z.string().min(1).optional(),
      concurrency: z.number().int().positive().max(64).optional(),
      batchSize: z.number().int().positive().max(256).optional(),
      maxBatchTokens: z.number().int().positive().optional(),
      timeoutMs: z.number().int().positive().optional(),
      glossary: z
        .object({
          terms: z.array(z.string().min(1)).optional(),
          patterns: z.array(z.string().min(1)).optional(),
          builtins: z.partialRecord(z.enum(['personal', 'masks', 'urls', 'emails', 'amounts', 'ids']), z.boolean()).optional(),
        })
        .strict()
        .optional(),
      localModelPath: z.string().optional(),
      dtype: z.enum(['fp32', 'fp16', 'q8', 'int8', 'uint8', 'q4', 'bnb4', 'q4f16']).optional(),
      family: z.enum(['marian', 'nllb', 'm2m100']).optional(),
    })
    .strict()
    .superRefine((t, ctx) => {
      const only =
        t.provider === 'llm'
          ? ['localModelPath', 'dtype', 'family']
          : ['baseURL', 'apiKeyEnv', 'cache', 'concurrency', 'maxBatchTokens', 'timeoutMs', 'glossary'];
      for (const k of only)
        if (t[k as keyof typeof t] !== undefined) ctx.addIssue({ code: 'custom', path: [k], message: `"${k}" does not apply to provider "${t.provider}"` });
    })
    .optional(),
  /** Run the sentiment analyzer on a transformers.js model (needs `@cxqa/transformers` installed). */
  sentimentModel: z
    .object({
      model: z.string().min(1),
      localModelPath: z.string().optional(),
      labels: z.record(z.string(), z.string()).optional(),
      dtype: z.enum(['fp32', 'fp16', 'q8', 'int8', 'uint8', 'q4', 'bnb4', 'q4f16']).optional(),
      languages: z.array(z.string()).optional(),
      batchSize: z.number().int().positive().optional(),
      allowRemote: z.boolean().optional(),
      remoteHost: z.string().optional(),
    })
    .strict()
    .optional(),
});

export type SentimentModelConfig = NonNullable<z.output<typeof CliConfigSchema>['sentimentModel']>;
export type LlmConfig = NonNullable<z.output<typeof CliConfigSchema>['llm']>;
export type TranslationConfig = NonNullable<z.output<typeof CliConfigSchema>['translation']>;

export interface CliConfig {
  scorecard?: Scorecard;
  timing?: TimingOptionsInput;
  languages?: string[];
  timeLimitMs?: number;
  csv: z.output<typeof CsvMappingSchema>;
  customerKeySaltEnv?: string;
  kpis?: KpiOptionsInput;
  alerts?: BacklogRuleInput[];
  sentimentModel?: SentimentModelConfig;
  llm?: LlmConfig;
  translation?: TranslationConfig;
  kb?: string;
  allow?: AllowList;
  courtesy?: CourtesyOptions;
  script?: ScriptOptions;
}

/**
 * Read and validate a config file. Errors name the file and the path inside it; an unknown
 * key also names the closest known one (`timelimitMs` → `timeLimitMs`).
 */
export function loadConfig(path: string | undefined): CliConfig {
  if (!path) return CliConfigSchema.parse({}) as CliConfig;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new CxqaError('invalid_config', `${path}: ${(e as Error).message}`, { path: [path] });
  }
  const fail = (message: string, at: (string | number)[], issues = [{ path: at, message }]) => {
    throw new CxqaError('invalid_config', `${path}: ${message}`, { path: [path, ...at], issues });
  };
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) fail('expected a JSON object', []);
  const unknown = findUnknownKeys(raw, CliConfigSchema);
  if (unknown.length) {
    const issues = unknown.map(({ path: at, known }) => {
      const key = String(at.at(-1));
      const near = closestKey(key, known);
      const where = at.slice(0, -1).join('.');
      const hint = near ? `did you mean "${where ? `${where}.` : ''}${near}"?` : `known keys${where ? ` in ${where}` : ''}: ${known.join(', ')}`;
      return { path: at, message: `unknown key "${at.join('.')}" (${hint})` };
    });
    fail(issues.map((i) => i.message).join('; '), issues[0]!.path, issues);
  }
  const config = { ...(raw as Record<string, unknown>) };
  const dims = (config.scorecard as { dimensions?: unknown } | undefined)?.dimensions;
  if (Array.isArray(dims)) {
    const names = dims.map((d) => (d as { name?: unknown })?.name).filter((n) => typeof n === 'string');
    const twice = names.find((n, i) => names.indexOf(n) !== i);
    if (twice) fail(`scorecard.dimensions: "${twice}" is listed twice`, ['scorecard', 'dimensions']);
  }
  if (config.scorecard !== undefined) config.scorecard = mergeScorecard(DEFAULT_SCORECARD, config.scorecard);
  if (config.timing !== undefined) config.timing = mergeDeep(TimingOptionsSchema.parse({}), config.timing);
  const parsed = CliConfigSchema.safeParse(config);
  if (!parsed.success) {
    const { issues, summary } = describeZodIssues(parsed.error);
    fail(nameDimensions(summary, config), issues[0]?.path ?? [], issues);
  }
  return parsed!.data as CliConfig;
}

/** `scorecard.dimensions.6.weight` → `scorecard.dimensions.6 (branding).weight`: merged indexes differ from the file's. */
function nameDimensions(summary: string, config: Record<string, unknown>): string {
  const dims = (config.scorecard as { dimensions?: { name?: unknown }[] } | undefined)?.dimensions;
  return summary.replace(/scorecard\.dimensions\.(\d+)/g, (m, i: string) => {
    const name = dims?.[Number(i)]?.name;
    return typeof name === 'string' ? `${m} (${name})` : m;
  });
}
