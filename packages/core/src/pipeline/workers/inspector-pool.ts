import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Piscina } from 'piscina';
import { CxqaError, describeThrown } from '../../errors.js';
import type { Inspector } from '../inspector.js';
import { inputIdOf, unfinishedResult } from '../score/result.js';
import type { Issue, Result } from '../validate/result.js';
import type { WorkerHeapSample } from './heap-sample.js';
import { inspectorFingerprint } from './inspector-fingerprint.js';
import { type ResultJson, resultJson } from './result-json.js';
import type { InspectorModule, WorkerData, WorkerInspectorSource, WorkerItem, WorkerReply } from './worker-spec.js';

export interface InspectorPoolOptions {
  /** Worker threads (integer ≥ 1). */
  workers: number;
  /** Conversations sent to a worker in one message (default 32). */
  batchSize?: number;
  /** Batches sent to workers and not yet answered, at most (default 2 × workers). Memory holds at most `batchSize × maxBatchesInFlight` waiting conversations. */
  maxBatchesInFlight?: number;
  /** Conversations of a batch inspected at once inside a worker (default 4; only asynchronous analyzers overlap). */
  concurrency?: number;
  /** Where workers build their inspector. Required when the inspector's options cannot be cloned (custom analyzers, a translator, a classifier). */
  inspectorModule?: InspectorModule;
  /** Have each worker report its heap this often, in ms (default: never); see `onHeapSample`. */
  heapSampleMs?: number;
  /** Called with each worker's heap report (after a full collection when the process runs with `--expose-gc`). */
  onHeapSample?: (sample: WorkerHeapSample) => void;
}

/** Inspects conversations on worker threads; results come back per conversation, in any order (see `inspectMany` for ordered streams). */
export interface InspectorPool {
  /** Inspect one conversation on a worker. Never rejects for bad data or a crashed worker; rejects with a CxqaError when workers cannot build their inspector. */
  inspect(input: unknown, options?: { line?: number }): Promise<Result>;
  /**
   * Like `inspect`, answered as the Result's JSON text and tally, serialized in the worker: for
   * callers that write JSON lines (`cxqa inspect --workers N`), it spares the main thread cloning
   * each Result back and stringifying it. Same errors and crash handling as `inspect`.
   */
  inspectJson(input: unknown, options?: { line?: number }): Promise<ResultJson>;
  /** Conversations worth keeping in flight to keep every worker busy: `batchSize × maxBatchesInFlight`. */
  readonly capacity: number;
  /** Stop the worker threads (pending conversations are dropped). */
  close(): Promise<void>;
}

interface Pending extends WorkerItem {
  resolve(result: Result | ResultJson): void;
  reject(error: unknown): void;
}

/**
 * Open a pool of worker threads (piscina) running the same inspector as `inspector`. Conversations
 * are queued and sent in batches of `batchSize`, never more than `maxBatchesInFlight` batches at
 * once. A worker that crashes (exits, runs out of memory) is replaced by piscina; the conversations
 * of its batch are retried once each, alone, and one that crashes its worker again gets a
 * `partial` Result with a `worker_crashed` issue, so every conversation gets exactly one Result.
 *
 * @param cloneableOptions the options `inspector` was created with; used when no `inspectorModule` is given.
 * @throws CxqaError `invalid_option` (path `workers…`) for bad numbers or options that cannot be sent to a thread.
 */
export async function openInspectorPool(inspector: Inspector, cloneableOptions: unknown, options: InspectorPoolOptions): Promise<InspectorPool> {
  const workers = positiveInteger(options.workers, 'workers');
  const batchSize = positiveInteger(options.batchSize ?? 32, 'batchSize');
  const maxBatchesInFlight = positiveInteger(options.maxBatchesInFlight ?? 2 * workers, 'maxBatchesInFlight');
  const data: WorkerData = {
    source: workerInspectorSource(cloneableOptions, options.inspectorModule),
    concurrency: positiveInteger(options.concurrency ?? 4, 'concurrency'),
    ...(options.heapSampleMs ? { heapSampleMs: positiveInteger(options.heapSampleMs, 'heapSampleMs') } : {}),
  };
  const { Piscina } = await import('piscina');
  const fromSource = import.meta.url.endsWith('.ts');
  const pool: Piscina = new Piscina({
    filename: fileURLToPath(new URL(fromSource ? './source-worker.mjs' : './inspect-worker.js', import.meta.url)),
    workerData: data,
    minThreads: workers,
    maxThreads: workers,
    idleTimeout: Number.POSITIVE_INFINITY,
    atomics: 'disabled',
    ...(fromSource ? { execArgv: ['--conditions=source'] } : {}),
  });
  pool.on('error', () => undefined); // a worker dying with no task: piscina replaces it
  pool.on('message', (message: { cxqaHeap?: WorkerHeapSample } | null) => {
    if (message?.cxqaHeap) options.onHeapSample?.(message.cxqaHeap);
  });
  const expected = inspectorFingerprint(inspector);
  const queue: Pending[] = [];
  let inFlight = 0;
  let flushScheduled = false;
  let closed = false;
  let fatal: CxqaError | undefined;

  function pump(partial: boolean): void {
    while (!fatal && inFlight < maxBatchesInFlight && (queue.length >= batchSize || (partial && queue.length > 0))) {
      const batch = queue.splice(0, batchSize);
      inFlight++;
      void runBatch(batch).finally(() => {
        inFlight--;
        pump(true);
      });
    }
  }

  async function send(batch: Pending[]): Promise<(Result | ResultJson)[]> {
    const items: WorkerItem[] = batch.map(({ input, line, json }) => ({ input, ...(line === undefined ? {} : { line }), ...(json ? { json } : {}) }));
    const reply = (await pool.run(items)) as WorkerReply;
    if ('loadError' in reply) throw failAll(new CxqaError('invalid_option', reply.loadError, { path: ['workers', 'inspectorModule'] }));
    if (reply.fingerprint !== expected)
      throw failAll(
        new CxqaError(
          'invalid_option',
          'the workers built a different inspector (other analyzer versions or scorecard) than the one inspectMany was called on',
          {
            path: ['workers', 'inspectorModule'],
          },
        ),
      );
    if (reply.results.length !== batch.length) throw new Error(`a worker answered ${reply.results.length} results for ${batch.length} conversations`);
    return reply.results;
  }

  async function runBatch(batch: Pending[]): Promise<void> {
    try {
      const results = await send(batch);
      batch.forEach((item, i) => item.resolve(results[i]!));
    } catch (error) {
      if (fatal) return batch.forEach((item) => item.reject(fatal));
      await Promise.all(batch.map((item) => retryAlone(item, error)));
    }
  }

  async function retryAlone(item: Pending, firstError: unknown): Promise<void> {
    if (closed) return;
    try {
      item.resolve((await send([item]))[0]!);
    } catch (error) {
      if (fatal) return item.reject(fatal);
      const crashed = crashedResult(item, firstError, error);
      item.resolve(item.json ? resultJson(crashed) : crashed);
    }
  }

  function crashedResult(item: Pending, firstError: unknown, secondError: unknown): Result {
    const issue: Issue = {
      code: 'worker_crashed',
      message: `cxqa could not finish this conversation: its worker thread failed (${describeThrown(firstError)}) and failed again when it was retried alone (${describeThrown(secondError)})`,
      ...(item.line ? { line: item.line } : {}),
    };
    return unfinishedResult(inputIdOf(item.input), issue, inspector.versions);
  }

  function failAll(error: CxqaError): CxqaError {
    fatal ??= error;
    for (const item of queue.splice(0)) item.reject(fatal);
    return fatal;
  }

  function enqueue(input: unknown, opts: { line?: number }, json: boolean): Promise<Result | ResultJson> {
    if (fatal) return Promise.reject(fatal);
    if (closed) return Promise.reject(new CxqaError('invalid_option', 'this inspector pool is closed', { path: ['workers'] }));
    return new Promise<Result | ResultJson>((resolve, reject) => {
      queue.push({ input, ...(opts.line ? { line: opts.line } : {}), ...(json ? { json: true as const } : {}), resolve, reject });
      pump(false);
      if (queue.length > 0 && !flushScheduled) {
        flushScheduled = true;
        setImmediate(() => {
          flushScheduled = false;
          pump(true);
        });
      }
    });
  }

  return {
    capacity: batchSize * maxBatchesInFlight,
    inspect: (input, opts = {}) => enqueue(input, opts, false) as Promise<Result>,
    inspectJson: (input, opts = {}) => enqueue(input, opts, true) as Promise<ResultJson>,
    async close() {
      closed = true;
      queue.length = 0;
      await pool.destroy();
    },
  };
}

function workerInspectorSource(cloneableOptions: unknown, module: InspectorModule | undefined): WorkerInspectorSource {
  if (module) {
    const url = module.module instanceof URL ? module.module.href : /^file:/.test(module.module) ? module.module : pathToFileURL(module.module).href;
    return { kind: 'module', url, export: module.export ?? 'default', args: module.args };
  }
  try {
    return { kind: 'options', options: structuredClone(cloneableOptions) };
  } catch (error) {
    throw new CxqaError(
      'invalid_option',
      `workers: this inspector's options cannot be sent to a worker thread (${describeThrown(error)}); custom analyzers, translators and classifiers hold functions, so give inspectorModule: { module, export } naming a module that builds the same inspector`,
      { path: ['workers', 'inspectorModule'] },
    );
  }
}

function positiveInteger(value: number, name: string): number {
  if (!Number.isInteger(value) || value < 1) throw new CxqaError('invalid_option', `${name}: expected an integer ≥ 1, got ${value}`, { path: [name] });
  return value;
}
