/**
 * @cxqa/queue: inspect conversations across machines on a BullMQ queue over Redis. A producer
 * enqueues records with idempotent job ids, workers anywhere run the inspector, results go to a
 * sink (a Redis stream, JSONL files or your callback), exactly one per conversation. See docs/queue.md.
 */
export type { ConversationJobData, QueueRecord } from './job-id.js';
export { conversationJobId, versionsKey } from './job-id.js';
export type { EnqueueReport, Producer, ProducerOptions } from './producer.js';
export { createProducer } from './producer.js';
export type { QueueStatus } from './results.js';
export { clearQueue, queueStatus, readJsonlResults, readStreamResults } from './results.js';
export { callbackSink } from './sinks/callback-sink.js';
export { jsonlFilesSink } from './sinks/jsonl-files-sink.js';
export { redisStreamSink } from './sinks/redis-stream-sink.js';
export type { ResultSink, SinkEntry } from './sinks/sink.js';
export type { QueueNames, QueueTarget } from './target.js';
export { DEFAULT_PREFIX, DEFAULT_QUEUE, queueNames } from './target.js';
export type { DeadLetter, QueueWorker, QueueWorkerOptions, QueueWorkerStats } from './worker.js';
export { createQueueWorker } from './worker.js';
