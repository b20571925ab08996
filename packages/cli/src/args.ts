import { parseArgs } from 'node:util';
import { EVAL_TASKS } from '@cxqa/eval';
import type { CalibrateArgs } from './commands/calibrate.js';
import type { EvalArgs } from './commands/eval.js';
import type { InspectArgs } from './commands/inspect.js';
import { UsageError } from './errors.js';
import { FAIL_ON, type FailOn, LLM_EVAL_TASKS } from './usage.js';

/** Conversations in flight at most: each holds its results until its turn to be written, so the bound is memory's. */
export const MAX_CONCURRENCY = 256;

/** `cxqa inspect` arguments, or `'help'` when -h/--help was given. Throws UsageError. */
export function parseInspectArgs(argv: string[]): InspectArgs | 'help' {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      config: { type: 'string' },
      out: { type: 'string' },
      concurrency: { type: 'string' },
      format: { type: 'string' },
      'fail-on': { type: 'string', multiple: true },
      'dry-run': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return 'help';
  if (positionals.length !== 1) throw new UsageError(`inspect takes exactly one FILE, got ${positionals.length} (see cxqa inspect --help)`);
  const concurrency = values.concurrency === undefined ? undefined : Number(values.concurrency);
  if (concurrency !== undefined && !(Number.isInteger(concurrency) && concurrency > 0 && concurrency <= MAX_CONCURRENCY))
    throw new UsageError(`--concurrency ${values.concurrency}: expected an integer from 1 to ${MAX_CONCURRENCY}`);
  if (values.format !== undefined && values.format !== 'jsonl' && values.format !== 'pretty')
    throw new UsageError(`--format ${values.format}: expected jsonl or pretty`);
  const failOn = (values['fail-on'] ?? []).flatMap((v) => v.split(',')).map((v) => v.trim());
  const wrong = failOn.filter((f) => !(FAIL_ON as readonly string[]).includes(f));
  if (wrong.length) throw new UsageError(`--fail-on ${wrong.join(',')}: expected one of ${FAIL_ON.join(', ')}`);
  if (values.config === '') throw new UsageError('--config: expected a file name');
  if (values.out === '') throw new UsageError('--out: expected a file name or "-"');
  return {
    file: positionals[0]!,
    config: values.config,
    out: values.out === '-' ? undefined : values.out,
    concurrency,
    format: values.format as InspectArgs['format'],
    failOn: failOn as FailOn[],
    ...(values['dry-run'] ? { dryRun: true } : {}),
  };
}

/** `cxqa eval` arguments, or `'help'`. Throws UsageError. */
export function parseEvalArgs(argv: string[]): EvalArgs | 'help' {
  const { values } = parseArgs({
    args: argv,
    options: {
      corpora: { type: 'string', default: '../shared/corpora' },
      fixtures: { type: 'string', default: 'fixtures' },
      json: { type: 'string' },
      thresholds: { type: 'string' },
      task: { type: 'string', multiple: true },
      'no-gate': { type: 'boolean', default: false },
      'allow-empty': { type: 'boolean', default: false },
      config: { type: 'string' },
      labels: { type: 'string' },
      conversations: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return 'help';
  const known = [...EVAL_TASKS.map((t) => t.name), ...LLM_EVAL_TASKS];
  const llmTasks = (values.task ?? []).filter((t) => (LLM_EVAL_TASKS as readonly string[]).includes(t));
  if (llmTasks.length && !values.config)
    throw new UsageError(`--task ${llmTasks.join(', ')} judges with an LLM: pass --config FILE with an "llm" section (see docs/llm.md)`);
  if ((values.labels || values.conversations) && !llmTasks.includes('llm-calibration'))
    throw new UsageError('--labels and --conversations belong to --task llm-calibration');
  const unknown = (values.task ?? []).filter((t) => !known.includes(t));
  if (unknown.length) throw new UsageError(`--task ${unknown.join(', ')}: no such task (tasks: ${known.join(', ')})`);
  return {
    corpora: values.corpora!,
    fixtures: values.fixtures!,
    json: values.json,
    thresholds: values.thresholds,
    tasks: values.task ?? [],
    noGate: values['no-gate']!,
    allowEmpty: values['allow-empty']!,
    ...(values.config ? { config: values.config } : {}),
    ...(values.labels ? { labels: values.labels } : {}),
    ...(values.conversations ? { conversations: values.conversations } : {}),
  };
}

/** `cxqa calibrate` arguments, or `'help'`. Throws UsageError. */
export function parseCalibrateArgs(argv: string[]): CalibrateArgs | 'help' {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      reviews: { type: 'string' },
      json: { type: 'string' },
      top: { type: 'string', default: '20' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return 'help';
  if (positionals.length !== 1) throw new UsageError('calibrate: expected one RESULTS file (JSONL from cxqa inspect, "-" for stdin)');
  if (!values.reviews) throw new UsageError('calibrate: --reviews FILE is required (human reviews, JSONL or CSV; see docs/calibration.md)');
  const top = Number(values.top);
  if (!Number.isInteger(top) || top < 0) throw new UsageError(`--top ${values.top}: expected an integer ≥ 0`);
  return { results: positionals[0]!, reviews: values.reviews, json: values.json, top };
}
