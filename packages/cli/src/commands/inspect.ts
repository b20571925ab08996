import { resolve } from 'node:path';
import {
  type Analyzer,
  type HeapSample,
  type InspectorPool,
  invalidResult,
  mapOrdered,
  type Result,
  type ResultJson,
  resultJson,
  sampleThreadHeap,
  type TextClassifier,
  tallyOf,
} from '@cxqa/core';
import { buildCliInspector, WORKER_INSPECTOR_MODULE } from '../cli-inspector.js';
import { type CliConfig, loadConfig } from '../config.js';
import { UsageError } from '../errors.js';
import { readCsvConversations } from '../input/csv.js';
import { type InputRecord, readJsonl } from '../input/jsonl.js';
import type { CliIo } from '../io.js';
import { llmDryRun, loadLlmJudge } from '../llm-judge.js';
import { colorsFor } from '../output/colors.js';
import { createLineWriter } from '../output/line-writer.js';
import { formatResultPretty } from '../output/pretty.js';
import { createProgress } from '../output/progress.js';
import { assertReadableFile, assertWritableFolder, openSink } from '../output/sink.js';
import { Summary } from '../output/summary.js';
import { loadSentimentModel } from '../sentiment-model.js';
import { type LoadedTranslation, loadTranslation } from '../translation.js';
import type { FailOn } from '../usage.js';

export interface InspectArgs {
  file: string;
  config?: string | undefined;
  /** Results file; undefined (or "-" on the command line) = stdout. */
  out?: string | undefined;
  concurrency?: number | undefined;
  /** Worker threads (0 or undefined: inspect on the main thread). Each builds the inspector from the same config. */
  workers?: number | undefined;
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
  let translation: LoadedTranslation | undefined;
  try {
    const judge = config.llm ? await loadLlmJudge(config.llm, args.config!, io.env ?? process.env) : undefined;
    translation = config.translation ? await loadTranslation(config.translation, args.config!, io.env ?? process.env) : undefined;
    return await inspectAll(args, io, config, { classifier, judge, translation });
  } finally {
    await classifier?.dispose();
    await translation?.dispose();
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
  { classifier, judge, translation }: { classifier: TextClassifier | undefined; judge: Analyzer | undefined; translation: LoadedTranslation | undefined },
): Promise<number> {
  const inspector = await buildCliInspector(config, args.config, { classifier, judge, translation }, io.env ?? process.env);
  const env = io.env ?? process.env;
  const inspectorModule = {
    module: WORKER_INSPECTOR_MODULE,
    export: 'workerInspector',
    args: { config: args.config && resolve(args.config), env: { ...env } },
  };
  const concurrency = args.concurrency ?? 4;
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
  let pool: InspectorPool | undefined;
  // JSON lines: each Result is stringified where it is made (in a worker with --workers), the main thread only counts its tally
  const asJson = format === 'jsonl';
  const answer = (result: Result): Result | ResultJson => (asJson ? resultJson(result) : result);
  const score = async (rec: InputRecord): Promise<Result | ResultJson> => {
    if ('error' in rec)
      return answer(invalidResult(rec.id ?? null, rec.issues ?? [{ code: 'invalid_json', message: rec.error, line: rec.line }], inspector.versions));
    if (pool) return asJson ? pool.inspectJson(rec.value, { line: rec.line }) : pool.inspect(rec.value, { line: rec.line });
    return answer(await inspector.inspect(rec.value, { line: rec.line }));
  };
  const lines = createLineWriter(out);
  // CXQA_HEAP_SAMPLE_MS=N: every N ms, one stderr line per thread with its heap (bench/cli-heap.bench.ts reads them)
  const heapSampleMs = Number(env.CXQA_HEAP_SAMPLE_MS) || 0;
  const reportHeap = (thread: string, s: HeapSample) => io.stderr.write(`cxqa heap: ${thread} ${s.mb.toFixed(1)} MB${s.afterGc ? ' after GC' : ''}\n`);
  const heapTimer = heapSampleMs ? setInterval(() => reportHeap('main', sampleThreadHeap()), heapSampleMs) : undefined;
  try {
    // the workers start (each loads the config, models and judge) before the first record is read
    const heap = heapSampleMs ? { heapSampleMs, onHeapSample: (s: HeapSample & { worker: number }) => reportHeap(`worker ${s.worker}`, s) } : {};
    if (args.workers) pool = await inspector.openPool({ workers: args.workers, concurrency, inspectorModule, ...heap });
    for await (const done of mapOrdered(records, score, { concurrency: pool ? pool.capacity : concurrency })) {
      const tally = 'json' in done ? done.tally : tallyOf(done);
      summary.add(tally);
      if (tally.status === 'invalid') triggered.add('invalid');
      if (tally.status === 'partial') triggered.add('partial');
      if (tally.findingCodes.some((code) => /_breach$/.test(code))) triggered.add('breach');
      if (tally.pass === false) triggered.add('fail');
      await lines.write(`${'json' in done ? done.json : formatResultPretty(done, colors)}\n`);
      progress.tick();
    }
    await lines.flush();
  } finally {
    void lines.flush().catch(() => undefined); // after an error: what was already answered still goes out, without waiting on the stream
    progress.done();
    clearInterval(heapTimer);
    await pool?.close();
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
