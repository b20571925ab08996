import { type QueueTarget, queueNames } from '../target.js';
import { connectDoneSet } from './done-set.js';
import type { ResultSink } from './sink.js';

// marks the job done and appends its result in one atomic step: a worker killed before it ran
// leaves no trace, one killed after it leaves exactly one entry
const APPEND_ONCE = `if redis.call('SADD', KEYS[1], ARGV[1]) == 1 then
  redis.call('XADD', KEYS[2], '*', 'job', ARGV[1], 'worker', ARGV[2], 'result', ARGV[3])
  return 1
end
return 0`;

/**
 * Results to a Redis stream (`PREFIX:QUEUE:cxqa-results`, fields `job`, `worker`, `result` as
 * JSON), exactly once per job id: the done-set check and the append are one Lua script. Read it
 * back with `readStreamResults` or `cxqa queue drain`.
 */
export function redisStreamSink(target: QueueTarget): ResultSink {
  const names = queueNames(target);
  const { done, redis, quit } = connectDoneSet(target);
  return {
    kind: 'redis-stream',
    delivered: done.has,
    write: async ({ jobId, worker, result }) =>
      (await redis.eval(APPEND_ONCE, 2, names.doneKey, names.resultsKey, jobId, worker, JSON.stringify(result))) === 1,
    close: quit,
  };
}
