import type { Redis } from 'ioredis';
import { type QueueTarget, queueNames, redisClient } from '../target.js';

/** The queue's set of delivered job ids (`PREFIX:QUEUE:cxqa-done`), shared by every machine. */
export interface DoneSet {
  has(jobId: string): Promise<boolean>;
  /** Mark delivered; true when it was not marked before. */
  add(jobId: string): Promise<boolean>;
}

export function doneSet(redis: Redis, key: string): DoneSet {
  return {
    has: async (jobId) => (await redis.sismember(key, jobId)) === 1,
    add: async (jobId) => (await redis.sadd(key, jobId)) === 1,
  };
}

/** The done set of a target on a connection of its own: what every sink starts from. */
export function connectDoneSet(target: QueueTarget): { done: DoneSet; redis: Redis; quit: () => Promise<void> } {
  const redis = redisClient(target);
  return {
    done: doneSet(redis, queueNames(target).doneKey),
    redis,
    quit: async () => {
      await redis.quit();
    },
  };
}
