import { CxqaError, type Versions } from '@cxqa/core';
import { Queue } from 'bullmq';
import { type ConversationJobData, conversationJobId, jobData, type QueueRecord } from './job-id.js';
import { bullConnection, type QueueTarget, queueNames, redisClient } from './target.js';

export interface ProducerOptions extends QueueTarget {
  /** The versions of the inspector the workers run (`inspector.versions`): part of every job id. */
  versions: Versions;
  /** Tries per job before it is dead-lettered (default 3). */
  attempts?: number;
  /** First retry delay in milliseconds, doubled on each retry (default 1000). */
  backoffMs?: number;
  /** Records sent to Redis per round trip (default 500). */
  batchSize?: number;
}

/** What `enqueue` did: every record is counted once, in exactly one of the last three fields. */
export interface EnqueueReport {
  records: number;
  enqueued: number;
  /** Same job id already waiting, running or retrying (including a repeated identical record). */
  alreadyQueued: number;
  /** Same job id whose result was already delivered. */
  alreadyDone: number;
}

export interface Producer {
  enqueue(records: Iterable<QueueRecord> | AsyncIterable<QueueRecord>): Promise<EnqueueReport>;
  close(): Promise<void>;
}

/**
 * A producer: puts records on the queue as BullMQ jobs with idempotent ids (`conversationJobId`),
 * `attempts` tries with exponential backoff, completed jobs removed (their results live in the
 * sink). Records whose job id is already queued or done are skipped, so enqueueing a file twice
 * adds nothing.
 */
export function createProducer(options: ProducerOptions): Producer {
  const names = queueNames(options);
  const queue = new Queue<ConversationJobData>(names.queue, { connection: bullConnection(options), prefix: names.prefix });
  const redis = redisClient(options);
  const attempts = options.attempts ?? 3;
  const backoffMs = options.backoffMs ?? 1000;
  const batchSize = options.batchSize ?? 500;
  if (!(Number.isInteger(attempts) && attempts >= 1))
    throw new CxqaError('invalid_option', `attempts ${attempts}: expected an integer ≥ 1`, { path: ['attempts'] });

  async function send(batch: QueueRecord[], report: EnqueueReport): Promise<void> {
    const ids = batch.map((r) => conversationJobId(r, options.versions));
    const check = redis.pipeline();
    check.smismember(names.doneKey, ...ids);
    for (const id of ids) check.exists(`${names.prefix}:${names.queue}:${id}`);
    const replies = (await check.exec()) ?? [];
    const done = (replies[0]?.[1] as number[] | undefined) ?? [];
    const seen = new Set<string>();
    const jobs: Parameters<typeof queue.addBulk>[0] = [];
    batch.forEach((record, i) => {
      const id = ids[i]!;
      if (done[i] === 1) report.alreadyDone++;
      else if (replies[i + 1]?.[1] === 1 || seen.has(id)) report.alreadyQueued++;
      else {
        seen.add(id);
        jobs.push({
          name: 'inspect',
          data: jobData(record, options.versions),
          opts: { jobId: id, attempts, backoff: { type: 'exponential', delay: backoffMs }, removeOnComplete: true, removeOnFail: false },
        });
      }
    });
    if (jobs.length) await queue.addBulk(jobs);
    report.enqueued += jobs.length;
  }

  return {
    async enqueue(records) {
      const report: EnqueueReport = { records: 0, enqueued: 0, alreadyQueued: 0, alreadyDone: 0 };
      let batch: QueueRecord[] = [];
      for await (const record of records) {
        report.records++;
        batch.push(record);
        if (batch.length >= batchSize) {
          await send(batch, report);
          batch = [];
        }
      }
      if (batch.length) await send(batch, report);
      return report;
    },
    async close() {
      await queue.close();
      await redis.quit();
    },
  };
}
