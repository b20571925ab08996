import type { Redis } from 'ioredis';

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
