import { createReadStream } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Queue } from 'bullmq';
import type { SinkEntry } from './sinks/sink.js';
import { bullConnection, type QueueTarget, queueNames, redisClient } from './target.js';

/**
 * Every result in the target's Redis stream, oldest first, one per job id (the stream sink never
 * appends twice; a repeated id would still be dropped here). Reads pages of `pageSize` entries.
 */
export async function* readStreamResults(target: QueueTarget, pageSize = 1000): AsyncGenerator<SinkEntry> {
  const names = queueNames(target);
  const redis = redisClient(target);
  const seen = new Set<string>();
  try {
    for (let start = '-'; ; ) {
      const page = await redis.xrange(names.resultsKey, start, '+', 'COUNT', pageSize);
      for (const [, fields] of page) {
        const entry = fromFields(fields);
        if (seen.has(entry.jobId)) continue;
        seen.add(entry.jobId);
        yield entry;
      }
      if (page.length < pageSize) return;
      start = `(${page.at(-1)![0]}`;
    }
  } finally {
    await redis.quit();
  }
}

function fromFields(fields: string[]): SinkEntry {
  const get = (k: string): string => fields[fields.indexOf(k) + 1] ?? '';
  return { jobId: get('job'), worker: get('worker'), result: JSON.parse(get('result')) };
}

/**
 * Every result in the `.jsonl` files of a `jsonlFilesSink` folder, one per job id: a job a killed
 * worker wrote before it could mark it done appears once, and a torn last line (no newline: the
 * worker died writing it) is skipped.
 */
export async function* readJsonlResults(dir: string): AsyncGenerator<SinkEntry> {
  const seen = new Set<string>();
  const files = (await readdir(dir)).filter((f) => f.endsWith('.jsonl')).sort();
  for (const file of files) {
    const lines = createInterface({ input: createReadStream(join(dir, file)), crlfDelay: Infinity });
    for await (const line of lines) {
      let entry: SinkEntry;
      try {
        entry = JSON.parse(line) as SinkEntry;
      } catch {
        continue; // only a torn write ends without a complete JSON object
      }
      if (typeof entry?.jobId !== 'string' || seen.has(entry.jobId)) continue;
      seen.add(entry.jobId);
      yield entry;
    }
  }
}

/** Counts of one queue: jobs by state, the dead-letter queue, delivered results. */
export interface QueueStatus {
  waiting: number;
  active: number;
  delayed: number;
  /** Jobs BullMQ failed and nothing dead-lettered (should stay 0). */
  failed: number;
  deadLettered: number;
  /** Job ids whose result was delivered. */
  done: number;
  /** Entries in the results stream (the Redis stream sink). */
  streamed: number;
}

export async function queueStatus(target: QueueTarget): Promise<QueueStatus> {
  const names = queueNames(target);
  const connection = bullConnection(target);
  const queue = new Queue(names.queue, { connection, prefix: names.prefix });
  const dead = new Queue(names.deadLetterQueue, { connection, prefix: names.prefix });
  const redis = redisClient(target);
  try {
    const c = await queue.getJobCounts('waiting', 'prioritized', 'active', 'delayed', 'failed');
    const deadCounts = await dead.getJobCounts('waiting');
    const [done, streamed] = await Promise.all([redis.scard(names.doneKey), redis.xlen(names.resultsKey)]);
    return {
      waiting: (c.waiting ?? 0) + (c.prioritized ?? 0),
      active: c.active ?? 0,
      delayed: c.delayed ?? 0,
      failed: c.failed ?? 0,
      deadLettered: deadCounts.waiting ?? 0,
      done,
      streamed,
    };
  } finally {
    await Promise.all([queue.close(), dead.close(), redis.quit()]);
  }
}

/** Remove every key of the queue, its dead-letter queue, done set and results stream. */
export async function clearQueue(target: QueueTarget): Promise<void> {
  const names = queueNames(target);
  const connection = bullConnection(target);
  const redis = redisClient(target);
  for (const name of [names.queue, names.deadLetterQueue]) {
    const queue = new Queue(name, { connection, prefix: names.prefix });
    await queue.obliterate({ force: true });
    await queue.close();
  }
  await redis.del(names.doneKey, names.resultsKey);
  await redis.quit();
}
