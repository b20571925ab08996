import { CxqaError } from '@cxqa/core';
import { Redis } from 'ioredis';

/**
 * Where a queue lives: a Redis server and a queue name. Every machine that enqueues, works or
 * drains names the same target. Keys: BullMQ's `PREFIX:QUEUE:*`, the dead-letter queue
 * `PREFIX:QUEUE-dead:*`, and cxqa's own `PREFIX:QUEUE:cxqa-done` (set of job ids whose result was
 * delivered) and `PREFIX:QUEUE:cxqa-results` (the results stream).
 */
export interface QueueTarget {
  /** Redis URL, e.g. `redis://127.0.0.1:6379` or `rediss://user:pass@host:6380/2`. */
  redis: string;
  /** Queue name (letters, digits, `.`, `_`, `-`); default `cxqa`. */
  queue?: string;
  /** Key prefix (BullMQ's `prefix`); default `bull`. */
  prefix?: string;
}

export const DEFAULT_QUEUE = 'cxqa';
export const DEFAULT_PREFIX = 'bull';

export interface QueueNames {
  queue: string;
  deadLetterQueue: string;
  prefix: string;
  /** Set of job ids whose result has been delivered to the sink. */
  doneKey: string;
  /** Stream of results (`redisStreamSink`). */
  resultsKey: string;
}

/** The names a target uses. Throws CxqaError `invalid_option` naming the bad field. */
export function queueNames(target: QueueTarget): QueueNames {
  const queue = target.queue ?? DEFAULT_QUEUE;
  const prefix = target.prefix ?? DEFAULT_PREFIX;
  if (!/^[\w.-]{1,100}$/.test(queue))
    throw new CxqaError('invalid_option', `queue "${queue}": use 1–100 letters, digits, ".", "_" or "-"`, { path: ['queue'] });
  if (!/^[\w.-]{1,100}$/.test(prefix))
    throw new CxqaError('invalid_option', `prefix "${prefix}": use 1–100 letters, digits, ".", "_" or "-"`, { path: ['prefix'] });
  return { queue, prefix, deadLetterQueue: `${queue}-dead`, doneKey: `${prefix}:${queue}:cxqa-done`, resultsKey: `${prefix}:${queue}:cxqa-results` };
}

/** The connection options BullMQ takes for a target (a worker's blocking connection needs `maxRetriesPerRequest: null`). */
export function bullConnection(target: QueueTarget): { url: string; maxRetriesPerRequest: null } {
  checkUrl(target.redis);
  return { url: target.redis, maxRetriesPerRequest: null };
}

/** A plain ioredis client for cxqa's own keys (done set, results stream). */
export function redisClient(target: QueueTarget): Redis {
  checkUrl(target.redis);
  return new Redis(target.redis, { maxRetriesPerRequest: 3 });
}

function checkUrl(url: string): void {
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    /* reported below */
  }
  if (!parsed || !/^rediss?:$/.test(parsed.protocol))
    throw new CxqaError('invalid_option', `redis "${url}": expected a URL like redis://127.0.0.1:6379`, { path: ['redis'] });
}
