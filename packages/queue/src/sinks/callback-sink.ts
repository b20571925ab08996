import type { QueueTarget } from '../target.js';
import { connectDoneSet } from './done-set.js';
import type { ResultSink, SinkEntry } from './sink.js';

/**
 * Results to a function of yours (a database insert, an HTTP call). It is called at least once
 * per job id: a job whose result was delivered is skipped by every worker, but a worker killed
 * after `deliver` resolved and before the job id was marked done lets another worker deliver it
 * again — make `deliver` an upsert keyed by `entry.jobId`. A `deliver` that throws fails the
 * attempt: the job is retried with backoff, then dead-lettered.
 */
export function callbackSink(target: QueueTarget, deliver: (entry: SinkEntry) => Promise<void> | void): ResultSink {
  const { done, quit } = connectDoneSet(target);
  return {
    kind: 'callback',
    delivered: done.has,
    async write(entry) {
      if (await done.has(entry.jobId)) return false;
      await deliver(entry);
      await done.add(entry.jobId);
      return true;
    },
    close: quit,
  };
}
