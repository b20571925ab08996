import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { dirname, resolve } from 'node:path';
import { builtinAnalyzers, createInspector, invalidResult, kbAnalyzer, loadKnowledgeBase, mapOrdered, type Result, type TextClassifier } from '@cxqa/core';
import { loadConfig, type CliConfig } from '../config.js';
import { loadSentimentModel } from '../sentiment-model.js';
import { readCsvConversations } from '../input/csv.js';
import { readJsonl, type InputRecord } from '../input/jsonl.js';
import { formatResultPretty } from '../output/pretty.js';
import { createProgress } from '../output/progress.js';
import { Summary } from '../output/summary.js';
import type { CliIo } from '../io.js';

export interface InspectArgs {
  file: string;
  config?: string | undefined;
  out?: string | undefined;
  concurrency?: number | undefined;
  format?: 'jsonl' | 'pretty' | undefined;
  failOn: string[];
}

const FAIL_ON = new Set(['invalid', 'partial', 'breach', 'fail']);

/** `cxqa inspect`: one Result line per input record, in input order. Returns the exit code. */
export async function runInspect(args: InspectArgs, io: CliIo): Promise<number> {
  for (const f of args.failOn) if (!FAIL_ON.has(f)) throw new Error(`--fail-on ${f}: expected one of ${[...FAIL_ON].join(', ')}`);
  const config = loadConfig(args.config);
  const classifier = config.sentimentModel ? await loadSentimentModel(config.sentimentModel, args.config!) : undefined;
  try {
    return await inspectAll(args, io, config, classifier);
  } finally {
    await classifier?.dispose();
  }
}

async function inspectAll(args: InspectArgs, io: CliIo, config: CliConfig, classifier: TextClassifier | undefined): Promise<number> {
  const kb = config.kb ? await loadKnowledgeBase(resolve(dirname(resolve(args.config!)), config.kb)) : undefined;
  const builtin = {
    ...(classifier ? { sentiment: { classifier } } : {}),
    ...(config.timing ? { timing: config.timing } : {}),
    ...(config.courtesy ? { courtesy: config.courtesy } : {}),
    ...(config.script ? { script: config.script } : {}),
  };
  const inspector = createInspector({
    analyzers: [...builtinAnalyzers(builtin), ...(kb ? [kbAnalyzer({ kb })] : [])],
    ...(config.scorecard ? { scorecard: config.scorecard } : {}),
    ...(config.languages ? { languages: config.languages } : {}),
    ...(config.timeLimitMs ? { timeLimitMs: config.timeLimitMs } : {}),
  });
  const records: Iterable<InputRecord> | AsyncIterable<InputRecord> = /\.csv$/i.test(args.file)
    ? readCsvConversations(args.file, config.csv)
    : readJsonl(args.file, io.stdin);
  const out: Writable = args.out ? createWriteStream(args.out) : io.stdout;
  const format = args.format ?? (!args.out && io.stdout.isTTY ? 'pretty' : 'jsonl');
  const summary = new Summary();
  const progress = createProgress(io.stderr, 'inspected');
  const triggered = new Set<string>();
  const score = (rec: InputRecord): Promise<Result> =>
    'error' in rec
      ? Promise.resolve(invalidResult(rec.id ?? null, rec.issues ?? [{ code: 'invalid_json', message: rec.error, line: rec.line }], inspector.versions))
      : inspector.inspect(rec.value, { line: rec.line });
  for await (const result of mapOrdered(records, score, { concurrency: args.concurrency ?? 4 })) {
    summary.add(result);
    if (result.status === 'invalid') triggered.add('invalid');
    if (result.status === 'partial') triggered.add('partial');
    if (result.findings.some((f) => /_breach$/.test(f.code))) triggered.add('breach');
    if (result.pass === false) triggered.add('fail');
    const text = format === 'pretty' ? `${formatResultPretty(result)}\n` : `${JSON.stringify(result)}\n`;
    if (!out.write(text)) await once(out, 'drain');
    progress.tick();
  }
  progress.done();
  if (args.out) {
    out.end();
    await once(out, 'finish');
  }
  io.stderr.write(`${summary.format()}\n`);
  const hit = args.failOn.filter((f) => triggered.has(f));
  if (hit.length) {
    io.stderr.write(`failing because of --fail-on ${hit.join(', ')}\n`);
    return 1;
  }
  return 0;
}
