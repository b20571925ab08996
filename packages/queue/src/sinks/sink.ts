import type { Result } from '@cxqa/core';

/** One delivered result: the job it answers (the dedupe key), the worker that produced it, the Result (masked by the inspector). */
export interface SinkEntry {
  jobId: string;
  worker: string;
  result: Result;
}

/**
 * Where workers put results. `write` resolves true when the entry was delivered, false when
 * this job id had already been delivered (a retry or a job taken over from a killed worker).
 * Every sink marks delivered job ids in the queue's done set, so `delivered` answers across machines.
 */
export interface ResultSink {
  /** `redis-stream`, `jsonl-files` or `callback`. */
  readonly kind: string;
  /** True when this job id's result was already delivered (a worker skips the job). */
  delivered(jobId: string): Promise<boolean>;
  write(entry: SinkEntry): Promise<boolean>;
  close(): Promise<void>;
}
