import { once } from 'node:events';
import { type Analyzer, invalidResult, mapOrdered, type Result, type TextClassifier } from '@cxqa/core';
import { type CliConfig, loadConfig } from '../config.js';
import { buildInspector } from '../configured-inspector.js';
import { UsageError } from '../errors.js';
import { readCsvConversations } from '../input/csv.js';
import { type InputRecord, readJsonl } from '../input/jsonl.js';
import type { CliIo } from '../io.js';
import { llmDryRun, loadLlmJudge } from '../llm-judge.js';
import { colorsFor } from '../output/colors.js';
import { formatResultPretty } from '../output/pretty.js';
import { createProgress } from '../output/progress.js';
import { assertReadableFile, assertWritableFolder, openSink } from '../output/sink.js';
import { Summary } from '../output/summary.js';
import { loadSentimentModel } from '../sentiment-model.js';
import type { FailOn } from '../usage.js';

export interface InspectArgs {
  file: string;
  config?: string | undefined;
  /** Results file; undefined (or "-" on the command line) = stdout. */
  out?: string | undefined;
  concurrency?: number | undefined;
  format?: 'jsonl' | 'pretty' | undefined;
  failOn: FailOn[];
  /** Print what the config's `llm` judge would send and cost (tokens, requests, price) instead of inspecting; contacts nothing. */
  dryRun?: boolean;
}

/**
 * `cxqa inspect`: one Result line per input record, in input order. Returns the exit code.
 * Everything that can be checked before reading input is (config, model, input file, --out).
 */
export async function runInspect(args: InspectArgs, io: CliIo): Promise<number> {
  const config = loadConfig(args.config);
  assertReadableFile(args.file);
  if (args.dryRun) return await dryRunLlm(args, io, config);
  if (args.out) assertWritableFolder('--out', args.out); // before a model loads; openSink checks again
  const classifier = config.sentimentModel ? await loadSentimentModel(config.sentimentModel, args.config!) : undefined;
  try {
    const judge = config.llm ? await loadLlmJudge(config.llm, args.config!, io.env ?? process.env) : undefined;
    return await inspectAll(args, io, config, classifier, judge);
  } finally {
    await classifier?.dispose();
  }
}

/** `--dry-run`: the `llm` judge's token and cost report for every readable conversation, on stdout; unreadable records are counted on stderr. */
async function dryRunLlm(args: InspectArgs, io: CliIo, config: CliConfig): Promise<number> {
  if (!config.llm) throw new UsageError('--dry-run reports what the llm judge would send: the --config file needs an "llm" section (see docs/llm.md)');
  let unreadable = 0;
  const records: Iterable<InputRecord> | AsyncIterable<InputRecord> = /\.csv$/i.test(args.file)
    ? readCsvConversations(args.file, config.csv)
    : readJsonl(args.file, io.stdin);
  async function* readable(): AsyncGenerator<unknown> {
    for await (const rec of records) {
      if ('error' in rec) unreadable++;
      else yield rec.value;
    }
  }
  const report = await llmDryRun(readable(), config.llm, args.config!);
  const sink = await openSink('--out', args.out, io.stdout);
  sink.stream.write(report);
  await sink.close();
  if (unreadable) io.stderr.write(`${unreadable} record(s) could not be read and are not counted\n`);
  return 0;
}

async function inspectAll(
  args: InspectArgs,
  io: CliIo,
  config: CliConfig,
  classifier: TextClassifier | undefined,
  judge: Analyzer | undefined,
): Promise<number> {
  const inspector = await buildInspector(config, args.config, classifier, judge);
  const records: Iterable<InputRecord> | AsyncIterable<InputRecord> = /\.csv$/i.test(args.file)
    ? readCsvConversations(args.file, config.csv)
    : readJsonl(args.file, io.stdin);
  const sink = await openSink('--out', args.out, io.stdout);
  const out = sink.stream;
  const format = args.format ?? (out.isTTY ? 'pretty' : 'jsonl');
  const colors = colorsFor(out, io.env);
  const summary = new Summary();
  // results on the terminal are progress enough; otherwise a progress line on a terminal stderr
  const progress = createProgress(io.stderr, 'inspected', Boolean(io.stderr.isTTY && !out.isTTY));
  const triggered = new Set<FailOn>();
  const score = (rec: InputRecord): Promise<Result> =>
    'error' in rec
      ? Promise.resolve(invalidResult(rec.id ?? null, rec.issues ?? [{ code: 'invalid_json', message: rec.error, line: rec.line }], inspector.versions))
      : inspector.inspect(rec.value, { line: rec.line });
  try {
    for await (const result of mapOrdered(records, score, { concurrency: args.concurrency ?? 4 })) {
      summary.add(result);
      if (result.status === 'invalid') triggered.add('invalid');
      if (result.status === 'partial') triggered.add('partial');
      if (result.findings.some((f) => /_breach$/.test(f.code))) triggered.add('breach');
      if (result.pass === false) triggered.add('fail');
      const text = format === 'pretty' ? `${formatResultPretty(result, colors)}\n` : `${JSON.stringify(result)}\n`;
      if (!out.write(text)) await once(out, 'drain');
      progress.tick();
    }
  } finally {
    progress.done();
    await sink.close();
  }
  io.stderr.write(`${summary.format(colorsFor(io.stderr, io.env))}\n`);
  const hit = args.failOn.filter((f) => triggered.has(f));
  if (hit.length) {
    io.stderr.write(`failing because of --fail-on ${hit.join(', ')}\n`);
    return 1;
  }
  return 0;
}
