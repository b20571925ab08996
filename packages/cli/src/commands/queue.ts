import { once } from 'node:events';
import { statSync } from 'node:fs';
import { CxqaError } from '@cxqa/core';
import { withConfiguredInspector } from '../configured-inspector.js';
import { UsageError } from '../errors.js';
import { readCsvConversations } from '../input/csv.js';
import { type InputRecord, readJsonl } from '../input/jsonl.js';
import type { CliIo } from '../io.js';
import { assertReadableFile, assertWritableFolder, openSink } from '../output/sink.js';
import { Summary } from '../output/summary.js';
import type { QueueArgs } from './queue-args.js';

type QueueModule = typeof import('@cxqa/queue');

/** `@cxqa/queue`, loaded only for `cxqa queue` (an optional peer dependency of the CLI). */
async function queueModule(): Promise<QueueModule> {
  try {
    return await import('@cxqa/queue');
  } catch (cause) {
    throw new CxqaError('model_missing', 'cxqa queue needs @cxqa/queue (npm i @cxqa/queue)', { cause });
  }
}

/** `cxqa queue enqueue|work|drain|status|clear`. Returns the exit code (see docs/queue.md). */
export async function runQueue(args: QueueArgs, io: CliIo): Promise<number> {
  const mod = await queueModule();
  mod.queueNames(args.target); // a bad queue name fails before anything connects
  switch (args.command) {
    case 'enqueue':
      return enqueue(mod, args, io);
    case 'work':
      return work(mod, args, io);
    case 'drain':
      return drain(mod, args, io);
    case 'status':
      io.stdout.write(`${JSON.stringify(await mod.queueStatus(args.target))}\n`);
      return 0;
    case 'clear':
      await mod.clearQueue(args.target);
      io.stderr.write(`queue ${args.target.queue} cleared\n`);
      return 0;
  }
}

async function enqueue(mod: QueueModule, args: Extract<QueueArgs, { command: 'enqueue' }>, io: CliIo): Promise<number> {
  assertReadableFile(args.file);
  return withConfiguredInspector(args.config, io, async (inspector, config) => {
    const records: Iterable<InputRecord> | AsyncIterable<InputRecord> = /\.csv$/i.test(args.file)
      ? readCsvConversations(args.file, config.csv)
      : readJsonl(args.file, io.stdin);
    const producer = mod.createProducer({
      ...args.target,
      versions: inspector.versions,
      ...(args.attempts ? { attempts: args.attempts } : {}),
      ...(args.backoffMs !== undefined ? { backoffMs: args.backoffMs } : {}),
    });
    try {
      const r = await producer.enqueue(records);
      io.stderr.write(
        `${r.records} records: ${r.enqueued} enqueued, ${r.alreadyQueued} already queued, ${r.alreadyDone} already done (queue ${args.target.queue})\n`,
      );
    } finally {
      await producer.close();
    }
    return 0;
  });
}

async function work(mod: QueueModule, args: Extract<QueueArgs, { command: 'work' }>, io: CliIo): Promise<number> {
  return withConfiguredInspector(args.config, io, async (inspector) => {
    const name = args.name ?? `${(await import('node:os')).hostname()}-${process.pid}`;
    const sink = args.jsonlDir ? mod.jsonlFilesSink(args.target, { dir: args.jsonlDir, worker: name }) : mod.redisStreamSink(args.target);
    const worker = mod.createQueueWorker({
      ...args.target,
      inspector,
      sink,
      worker: name,
      ...(args.concurrency ? { concurrency: args.concurrency } : {}),
      ...(args.lockMs ? { lockMs: args.lockMs } : {}),
    });
    const stop = new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    io.stderr.write(`worker ${name} on queue ${args.target.queue} (${sink.kind} sink)\n`);
    await (args.untilEmpty ? Promise.race([worker.untilEmpty(), stop]) : stop);
    await worker.close();
    const s = worker.stats();
    io.stderr.write(
      `worker ${name}: ${s.written} results, ${s.duplicates} duplicates skipped, ${s.deadLettered} dead-lettered, ${s.retried} retries, ${s.stalledRecovered} stalled jobs taken over\n`,
    );
    return 0;
  });
}

async function drain(mod: QueueModule, args: Extract<QueueArgs, { command: 'drain' }>, io: CliIo): Promise<number> {
  if (args.out) assertWritableFolder('--out', args.out);
  if (args.jsonlDir) assertReadableFolder(args.jsonlDir);
  if (args.wait) {
    for (;;) {
      const s = await mod.queueStatus(args.target);
      if (s.waiting + s.active + s.delayed === 0) break;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  const entries = args.jsonlDir ? mod.readJsonlResults(args.jsonlDir) : mod.readStreamResults(args.target);
  const sink = await openSink('--out', args.out, io.stdout);
  const summary = new Summary();
  try {
    for await (const { result } of entries) {
      summary.add(result);
      if (!sink.stream.write(`${JSON.stringify(result)}\n`)) await once(sink.stream, 'drain');
    }
  } finally {
    await sink.close();
  }
  io.stderr.write(`${summary.format()}\n`);
  return 0;
}

function assertReadableFolder(dir: string): void {
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) throw new UsageError(`--jsonl-dir ${dir}: no such folder`);
}
