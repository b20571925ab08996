/**
 * The worker-thread side of `inspectMany(source, { workers })`: builds the inspector once per
 * thread (from `workerData`) and inspects each batch it is sent, answering one Result per item.
 * Loaded by piscina; in the monorepo's source mode through `source-worker.mjs`.
 */
import { parentPort, threadId, workerData } from 'node:worker_threads';
import { describeThrown } from '../../errors.js';
import { createInspector, type Inspector, type InspectorOptions } from '../inspector.js';
import { mapOrdered } from '../map-ordered.js';
import type { Result } from '../validate/result.js';
import { sampleThreadHeap, type WorkerHeapSample } from './heap-sample.js';
import { inspectorFingerprint } from './inspector-fingerprint.js';
import { type ResultJson, resultJson } from './result-json.js';
import type { WorkerData, WorkerInspectorSource, WorkerItem, WorkerReply } from './worker-spec.js';

type Loaded = { inspector: Inspector; fingerprint: string } | { loadError: string };
let loaded: Promise<Loaded> | undefined;

const heapSampleMs = (workerData as WorkerData).heapSampleMs;
if (heapSampleMs)
  setInterval(() => {
    const cxqaHeap: WorkerHeapSample = { worker: threadId, ...sampleThreadHeap() };
    parentPort?.postMessage({ cxqaHeap });
  }, heapSampleMs).unref();

/** Inspect one batch in input order (a `json` item's Result answered as `ResultJson`). Never throws for bad data; an inspector that cannot be built is reported, not thrown. */
export default async function inspectBatch(items: WorkerItem[]): Promise<WorkerReply> {
  const data = workerData as WorkerData;
  loaded ??= loadInspector(data.source);
  const ready = await loaded;
  if ('loadError' in ready) return ready;
  const results: (Result | ResultJson)[] = [];
  const inspectItem = async (item: WorkerItem) => {
    const result = await ready.inspector.inspect(item.input, item.line ? { line: item.line } : {});
    return item.json ? resultJson(result) : result;
  };
  for await (const result of mapOrdered(items, inspectItem, { concurrency: data.concurrency })) results.push(result);
  return { results, fingerprint: ready.fingerprint };
}

async function loadInspector(source: WorkerInspectorSource): Promise<Loaded> {
  try {
    const inspector = source.kind === 'options' ? createInspector(source.options as InspectorOptions) : await inspectorFromModule(source);
    return { inspector, fingerprint: inspectorFingerprint(inspector) };
  } catch (error) {
    const where = source.kind === 'module' ? `${source.url} (export "${source.export}")` : 'the inspector options';
    return { loadError: `a worker could not build its inspector from ${where}: ${describeThrown(error)}` };
  }
}

async function inspectorFromModule(source: Extract<WorkerInspectorSource, { kind: 'module' }>): Promise<Inspector> {
  const mod = (await import(source.url)) as Record<string, unknown>;
  if (!(source.export in mod)) throw new Error(`the module has no export "${source.export}" (exports: ${Object.keys(mod).join(', ') || 'none'})`);
  const value = mod[source.export];
  const built = typeof value === 'function' ? await (value as (args: unknown) => unknown)(source.args) : value;
  if (built === null || typeof built !== 'object')
    throw new Error(`the export gave ${built === null ? 'null' : typeof built}, expected an Inspector or InspectorOptions`);
  return isInspector(built) ? built : createInspector(built as InspectorOptions);
}

function isInspector(value: object): value is Inspector {
  return typeof (value as Inspector).inspect === 'function' && typeof (value as Inspector).versions === 'object';
}
