import type { Result } from '../validate/result.js';
import type { ResultJson } from './result-json.js';

/**
 * Where a worker thread gets its inspector: a module it imports and the export it reads.
 *
 * Analyzers are factories whose objects hold functions, so an inspector cannot be copied into a
 * thread; each worker builds its own from this module instead. The export is either an
 * `Inspector`, `InspectorOptions`, or a (possibly async) function called with `args` that returns
 * one of the two.
 *
 * @example
 * // my-inspector.ts: export const createQaInspector = (args) => ({ analyzers: [...builtinAnalyzers(), myAnalyzer(args)] });
 * inspector.inspectMany(rows, { workers: 4, inspectorModule: { module: new URL('./my-inspector.js', import.meta.url), export: 'createQaInspector' } });
 */
export interface InspectorModule {
  /** Absolute path or `file:` URL of an ES module (a `.ts` file works in the monorepo's source mode). */
  module: string | URL;
  /** Export to read (default `default`). */
  export?: string;
  /** Structured-cloneable argument passed to the export when it is a function. */
  args?: unknown;
}

/** How the worker thread builds its inspector: from cloned plain options, or from a module. */
export type WorkerInspectorSource = { kind: 'options'; options: unknown } | { kind: 'module'; url: string; export: string; args: unknown };

/** `workerData` of every worker of a pool. */
export interface WorkerData {
  source: WorkerInspectorSource;
  /** Conversations of one batch inspected at once inside the worker (asynchronous analyzers overlap). */
  concurrency: number;
  /** Post the thread's heap (`{ cxqaHeap: WorkerHeapSample }`) to the main thread this often, in ms (0: never). */
  heapSampleMs?: number;
}

/** One input record sent to a worker: the raw conversation and its input line for issues. */
export interface WorkerItem {
  input: unknown;
  line?: number;
  /** Answer the Result as JSON text and tally (`ResultJson`) instead of the object. */
  json?: true;
}

/** What a worker answers for a batch: one Result (or `ResultJson` for a `json` item) per item in order, or why it could not build its inspector. */
export type WorkerReply = { results: (Result | ResultJson)[]; fingerprint: string } | { loadError: string };
