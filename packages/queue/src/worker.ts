import { hostname } from 'node:os';
import { describeThrown, type Inspector, invalidResult, maskPersonalData, type Result } from '@cxqa/core';
import { type Job, Queue, Worker } from 'bullmq';
import { type ConversationJobData, versionsKey } from './job-id.js';
import type { ResultSink } from './sinks/sink.js';
import { bullConnection, type QueueTarget, queueNames } from './target.js';

export interface QueueWorkerOptions extends QueueTarget {
  /** Runs every job; its `versions` must be the producer's (a job enqueued for other versions is dead-lettered). */
  inspector: Pick<Inspector, 'inspect' | 'versions'>;
  sink: ResultSink;
  /** Jobs in flight in this process (default 8). */
  concurrency?: number;
  /** Lock on a running job in milliseconds (default 30 000): a killed worker's job is taken over after about this long. Stalled jobs are looked for as often. */
  lockMs?: number;
  /** Times a job may lose its worker (killed, event loop blocked past `lockMs`) before it is dead-lettered (default 2). */
  maxStalledCount?: number;
  /** Name in results and files (default `HOST-PID`). */
  worker?: string;
}

/** What one worker did since it started. */
export interface QueueWorkerStats {
  /** Results this worker delivered. */
  written: number;
  /** Jobs whose result had already been delivered (by a killed or slow worker): skipped. */
  duplicates: number;
  /** Jobs given up on: a `partial` result delivered and the job put on the dead-letter queue. */
  deadLettered: number;
  /** Attempts that threw and will be retried. */
  retried: number;
  /** Jobs of lost workers this worker's stall check put back on the queue. */
  stalledRecovered: number;
}

export interface QueueWorker {
  readonly name: string;
  stats(): QueueWorkerStats;
  /** Resolves once nothing is waiting, delayed or running on the queue (checked every `pollMs`, twice in a row). */
  untilEmpty(pollMs?: number): Promise<void>;
  /** Finish running jobs and disconnect. */
  close(): Promise<void>;
}

/** What a dead-lettered job holds on the dead-letter queue (`QUEUE-dead`), under the same job id. */
export interface DeadLetter extends ConversationJobData {
  /** Why it was given up on (personal data masked). */
  reason: string;
  attempts: number;
  worker: string;
}

const STALLED = /stalled more than allowable limit/;
const WARM_UP = {
  id: 'cxqa-queue-warm-up',
  messages: [
    { role: 'customer', text: 'Where is my order?', at: '2026-01-05T10:00:00Z' },
    { role: 'agent', text: 'Hello! I am checking it now.', at: '2026-01-05T10:02:00Z' },
  ],
};

/**
 * A worker: takes jobs from the queue, runs `inspector.inspect` on each, and writes the Result to
 * `sink` under the job id. Exactly one result per job id reaches the sink (see each sink for how);
 * a job that throws is retried with the producer's backoff and, on its last attempt, delivered as
 * a `partial` result (issue `internal_error`) and copied to the dead-letter queue, so every record
 * still yields one result. Start as many as you like, on any machine.
 */
export function createQueueWorker(options: QueueWorkerOptions): QueueWorker {
  const names = queueNames(options);
  const connection = bullConnection(options);
  const name = options.worker ?? `${hostname()}-${process.pid}`;
  const ownVersions = versionsKey(options.inspector.versions);
  const stats: QueueWorkerStats = { written: 0, duplicates: 0, deadLettered: 0, retried: 0, stalledRecovered: 0 };
  const deadLetters = new Queue<DeadLetter>(names.deadLetterQueue, { connection, prefix: names.prefix });
  const lockMs = options.lockMs ?? 30_000;

  async function deliver(jobId: string, result: Result): Promise<void> {
    if (await options.sink.write({ jobId, worker: name, result })) stats.written++;
    else stats.duplicates++;
  }

  async function deadLetter(job: Job<ConversationJobData>, reason: string): Promise<void> {
    const masked = maskPersonalData(reason);
    const attempts = job.attemptsMade + 1;
    await deadLetters.add('dead', { ...job.data, reason: masked, attempts, worker: name }, { jobId: job.id!, removeOnComplete: false });
    const id =
      typeof (job.data.conversation as { id?: unknown } | undefined)?.id === 'string' ? (job.data.conversation as { id: string }).id : (job.data.id ?? null);
    const issue = { code: 'internal_error', message: `cxqa queue gave up on this conversation (${attempts} attempt(s)): ${masked}`, line: job.data.line };
    await deliver(job.id!, { ...invalidResult(id, [issue], options.inspector.versions), status: 'partial' });
    stats.deadLettered++;
  }

  async function resultOf(data: ConversationJobData): Promise<Result> {
    if (data.error !== undefined)
      return invalidResult(data.id ?? null, data.issues ?? [{ code: 'invalid_json', message: data.error, line: data.line }], options.inspector.versions);
    return options.inspector.inspect(data.conversation, { line: data.line });
  }

  async function runJob(job: Job<ConversationJobData>): Promise<string> {
    const jobId = job.id!;
    if (await options.sink.delivered(jobId)) {
      stats.duplicates++;
      return 'duplicate';
    }
    if (job.data.versions !== ownVersions) {
      await deadLetter(job, `enqueued for versions ${job.data.versions}, this worker runs ${ownVersions}: run workers with the producer's engine and config`);
      return 'dead-lettered';
    }
    try {
      await deliver(jobId, await resultOf(job.data));
      return 'done';
    } catch (error) {
      if (job.attemptsMade + 1 >= (job.opts.attempts ?? 1)) {
        await deadLetter(job, describeThrown(error));
        return 'dead-lettered';
      }
      stats.retried++;
      throw error;
    }
  }

  const worker = new Worker<ConversationJobData>(names.queue, runJob, {
    connection,
    prefix: names.prefix,
    concurrency: options.concurrency ?? 8,
    lockDuration: lockMs,
    stalledInterval: lockMs,
    maxStalledCount: options.maxStalledCount ?? 2,
    autorun: false,
  });
  // the first inspect loads the models (seconds of CPU): done before taking a job, so no lock expires on it
  const running = options.inspector
    .inspect(WARM_UP)
    .then(() => worker.run())
    .catch(() => {});
  worker.on('stalled', () => stats.stalledRecovered++);
  // a job whose workers kept dying never reaches `runJob` again: BullMQ fails it, this dead-letters it
  const pending = new Set<Promise<void>>();
  worker.on('failed', (job, error) => {
    if (!job || !STALLED.test(error.message)) return;
    const letter: Promise<void> = deadLetter(job, `its worker stopped ${job.stalledCounter} time(s) while running it (killed, or blocked past ${lockMs} ms)`)
      .catch(() => {}) // Redis gone: the job stays in BullMQ's failed set, counted by queueStatus
      .finally(() => pending.delete(letter));
    pending.add(letter);
  });
  worker.on('error', () => {}); // connection hiccups: BullMQ reconnects; jobs it could not finish are taken over

  return {
    name,
    stats: () => ({ ...stats }),
    async untilEmpty(pollMs = 250) {
      const queue = new Queue(names.queue, { connection, prefix: names.prefix });
      try {
        for (let empty = 0; empty < 2; ) {
          await new Promise((r) => setTimeout(r, pollMs));
          const c = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
          empty = Object.values(c).every((n) => n === 0) ? empty + 1 : 0;
        }
      } finally {
        await queue.close();
      }
    },
    async close() {
      await worker.close();
      await running;
      await Promise.all(pending);
      await deadLetters.close();
      await options.sink.close();
    },
  };
}
