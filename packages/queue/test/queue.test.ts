import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInspector, type Inspector } from '@cxqa/core';
import { Queue } from 'bullmq';
import { describe, expect, it } from 'vitest';
import {
  callbackSink,
  clearQueue,
  createProducer,
  createQueueWorker,
  type DeadLetter,
  jsonlFilesSink,
  type QueueRecord,
  queueStatus,
  readJsonlResults,
  readStreamResults,
  redisStreamSink,
  type SinkEntry,
} from '../src/index.js';
import { exampleConversations } from './conversations.js';
import { useRedis } from './use-redis.js';

const redis = useRedis();
const inspector = createInspector();

const records = (values: unknown[]): QueueRecord[] => values.map((value, i) => ({ line: i + 1, value }));
const collect = async <T>(source: AsyncIterable<T>): Promise<T[]> => {
  const out: T[] = [];
  for await (const x of source) out.push(x);
  return out;
};
/** Run `workers` in-process workers built by `make` until the queue is empty. */
async function runWorkers(make: (i: number) => ReturnType<typeof createQueueWorker>, workers = 2) {
  const all = Array.from({ length: workers }, (_, i) => make(i));
  await Promise.all(all.map((w) => w.untilEmpty(100)));
  await Promise.all(all.map((w) => w.close()));
  return all.map((w) => w.stats());
}

describe('@cxqa/queue on a real Redis', () => {
  it('enqueues idempotently; two workers deliver exactly one result per record, equal to inspect()', async () => {
    const target = { redis: redis.url, queue: 'basic' };
    const input: QueueRecord[] = [
      ...records(exampleConversations(40)),
      { line: 41, error: 'line 41 is not valid JSON: Unexpected token at column 2' },
      { line: 42, value: { id: 'no-messages' } },
    ];
    const producer = createProducer({ ...target, versions: inspector.versions });
    expect(await producer.enqueue(input)).toEqual({ records: 42, enqueued: 42, alreadyQueued: 0, alreadyDone: 0 });
    expect(await producer.enqueue(input)).toEqual({ records: 42, enqueued: 0, alreadyQueued: 42, alreadyDone: 0 });

    const stats = await runWorkers((i) =>
      createQueueWorker({ ...target, inspector, sink: redisStreamSink(target), worker: `w${i}`, concurrency: 4, lockMs: 5000 }),
    );
    expect(stats.reduce((n, s) => n + s.written, 0)).toBe(42);

    const entries = await collect(readStreamResults(target, 7)); // pages of 7: the paging is exercised
    expect(entries).toHaveLength(42);
    expect(new Set(entries.map((e) => e.jobId)).size).toBe(42);
    const byId = new Map(entries.map((e) => [e.result.conversationId, e.result]));
    const first = input[0] as { value: { id: string } };
    expect(byId.get(first.value.id)).toEqual(await inspector.inspect(first.value, { line: 1 }));
    expect(byId.get('no-messages')?.status).toBe('invalid');
    expect(entries.find((e) => e.jobId.startsWith('line-41|'))?.result).toMatchObject({ status: 'invalid', issues: [{ code: 'invalid_json', line: 41 }] });

    expect(await producer.enqueue(input)).toEqual({ records: 42, enqueued: 0, alreadyQueued: 0, alreadyDone: 42 });
    await producer.close();
    expect(await queueStatus(target)).toEqual({ waiting: 0, active: 0, delayed: 0, failed: 0, deadLettered: 0, done: 42, streamed: 42 });
    await clearQueue(target);
    expect(await queueStatus(target)).toMatchObject({ done: 0, streamed: 0 });
  }, 120_000);

  it('retries a failed delivery with backoff and delivers it once', async () => {
    const target = { redis: redis.url, queue: 'retry' };
    const producer = createProducer({ ...target, versions: inspector.versions, attempts: 3, backoffMs: 20 });
    await producer.enqueue(records(exampleConversations(12)));
    await producer.close();
    const delivered: SinkEntry[] = [];
    const tries = new Map<string, number>();
    const deliver = (entry: SinkEntry) => {
      const n = (tries.get(entry.jobId) ?? 0) + 1;
      tries.set(entry.jobId, n);
      if (n === 1) throw new Error('the database is busy');
      delivered.push(entry);
    };
    const stats = await runWorkers((i) => createQueueWorker({ ...target, inspector, sink: callbackSink(target, deliver), worker: `r${i}`, lockMs: 5000 }));
    expect(delivered).toHaveLength(12);
    expect(new Set(delivered.map((e) => e.jobId)).size).toBe(12);
    expect([...tries.values()].every((n) => n === 2)).toBe(true);
    expect(stats.reduce((n, s) => n + s.retried, 0)).toBe(12);
    expect(delivered.every((e) => e.result.status === 'ok')).toBe(true);
  }, 120_000);

  it('dead-letters an input that keeps failing: a partial result for it, the others untouched', async () => {
    const target = { redis: redis.url, queue: 'dead' };
    const poison = { id: 'poison', messages: [{ role: 'customer', text: 'Call me at +49 170 1234567', at: '2026-01-05T10:00:00Z' }] };
    const producer = createProducer({ ...target, versions: inspector.versions, attempts: 2, backoffMs: 10 });
    await producer.enqueue(records([...exampleConversations(5), poison]));
    await producer.close();
    let poisonTries = 0;
    const fragile: Pick<Inspector, 'inspect' | 'versions'> = {
      versions: inspector.versions,
      inspect: async (input, options) => {
        if ((input as { id?: string }).id === 'poison') {
          poisonTries++;
          throw new Error('out of memory near +49 170 1234567');
        }
        return inspector.inspect(input, options);
      },
    };
    const stats = await runWorkers(() => createQueueWorker({ ...target, inspector: fragile, sink: redisStreamSink(target), lockMs: 5000 }), 1);
    expect(poisonTries).toBe(2);
    expect(stats[0]).toMatchObject({ written: 6, deadLettered: 1, retried: 1 });
    const results = (await collect(readStreamResults(target))).map((e) => e.result);
    expect(results).toHaveLength(6);
    const dead = results.find((r) => r.conversationId === 'poison')!;
    expect(dead.status).toBe('partial');
    expect(dead.issues[0]!.code).toBe('internal_error');
    expect(dead.issues[0]!.message).toContain('2 attempt(s)');
    expect(JSON.stringify(dead)).not.toContain('1234567'); // personal data masked in the reason
    const letters = new Queue<DeadLetter>('dead-dead', { connection: { url: redis.url } });
    const [letter] = await letters.getJobs(['waiting']);
    await letters.close();
    expect(letter?.data).toMatchObject({ attempts: 2, line: 6 });
    expect(letter?.data.reason).toMatch(/^out of memory near /);
    expect(letter?.data.reason).not.toContain('1234567');
    expect(await queueStatus(target)).toMatchObject({ deadLettered: 1, failed: 0, done: 6 });
  }, 120_000);

  it('dead-letters jobs enqueued for other versions instead of scoring them with the wrong engine', async () => {
    const target = { redis: redis.url, queue: 'versions' };
    const producer = createProducer({ ...target, versions: { ...inspector.versions, engine: '0.0.1' } });
    await producer.enqueue(records(exampleConversations(3)));
    await producer.close();
    const [stats] = await runWorkers(() => createQueueWorker({ ...target, inspector, sink: redisStreamSink(target), lockMs: 5000 }), 1);
    expect(stats).toMatchObject({ written: 3, deadLettered: 3 });
    const results = (await collect(readStreamResults(target))).map((e) => e.result);
    expect(results.every((r) => r.status === 'partial' && /this worker runs/.test(r.issues[0]!.message))).toBe(true);
  }, 60_000);

  it('JSONL files: one line per job; reading drops a repeated job id and a torn last line', async () => {
    const target = { redis: redis.url, queue: 'files' };
    const dir = mkdtempSync(join(tmpdir(), 'cxqa-queue-files-'));
    const producer = createProducer({ ...target, versions: inspector.versions });
    await producer.enqueue(records(exampleConversations(10)));
    await producer.close();
    const stats = await runWorkers((i) => createQueueWorker({ ...target, inspector, sink: jsonlFilesSink(target, { dir, worker: `f${i}` }), lockMs: 5000 }));
    expect(stats.reduce((n, s) => n + s.written, 0)).toBe(10);
    const entries = await collect(readJsonlResults(dir));
    expect(entries).toHaveLength(10);
    // what a worker killed after writing (before marking done) and one killed mid-line leave behind
    writeFileSync(join(dir, 'killed.jsonl'), `${JSON.stringify(entries[3])}\n${JSON.stringify(entries[4]).slice(0, 120)}`);
    const again = await collect(readJsonlResults(dir));
    expect(again.map((e) => e.jobId).sort()).toEqual(entries.map((e) => e.jobId).sort());
  }, 60_000);
});
