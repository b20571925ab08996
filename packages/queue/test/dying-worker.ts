/**
 * A worker process for stalled.test.ts: runs the real inspector, but a conversation with id
 * "poison" kills the process (SIGKILL, as an out-of-memory kill would) while it holds the job.
 *   node --conditions=source --import tsx dying-worker.ts REDIS_URL QUEUE
 */
import { createInspector } from '@cxqa/core';
import { createQueueWorker, redisStreamSink } from '../src/index.js';

const [redis, queue] = process.argv.slice(2) as [string, string];
const inspector = createInspector();
const target = { redis, queue };
const worker = createQueueWorker({
  ...target,
  sink: redisStreamSink(target),
  lockMs: 1000,
  maxStalledCount: 2,
  concurrency: 1,
  inspector: {
    versions: inspector.versions,
    inspect: (input, options) => {
      if ((input as { id?: string }).id === 'poison') process.kill(process.pid, 'SIGKILL');
      return inspector.inspect(input, options);
    },
  },
});
await worker.untilEmpty(100);
await worker.close();
process.stdout.write(`${JSON.stringify(worker.stats())}\n`);
