import { readFileSync } from 'node:fs';
import { CxqaError, describeZodIssues, type CourtesyOptions, type ScorecardInput, type ScriptOptions, type TimingOptionsInput } from '@cxqa/core';
import { z } from 'zod';
import { CsvMappingSchema } from './input/csv.js';

/** `--config FILE`: everything optional; the defaults do the whole job. */
export const CliConfigSchema = z.object({
  scorecard: z.record(z.string(), z.unknown()).optional(),
  timing: z.record(z.string(), z.unknown()).optional(),
  languages: z.array(z.string()).optional(),
  timeLimitMs: z.number().int().positive().optional(),
  csv: CsvMappingSchema.prefault({}),
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

export interface CliConfig {
  scorecard?: ScorecardInput;
  timing?: TimingOptionsInput;
  languages?: string[];
  timeLimitMs?: number;
  csv: z.output<typeof CsvMappingSchema>;
  sentimentModel?: SentimentModelConfig;
  kb?: string;
  courtesy?: CourtesyOptions;
  script?: ScriptOptions;
}

/** Read and validate a config file; errors name the file and the path inside it. */
export function loadConfig(path: string | undefined): CliConfig {
  if (!path) return CliConfigSchema.parse({}) as CliConfig;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new CxqaError('invalid_config', `${path}: ${(e as Error).message}`, { path: [path] });
  }
  const parsed = CliConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const { issues, summary } = describeZodIssues(parsed.error);
    throw new CxqaError('invalid_config', `${path}: ${summary}`, { path: [path], issues });
  }
  return parsed.data as CliConfig;
}
