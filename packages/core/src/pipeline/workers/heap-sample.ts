import { getHeapStatistics } from 'node:v8';

/** The V8 heap in use by one thread, in MB. */
export interface HeapSample {
  mb: number;
  /** Taken right after a full collection (the process runs with `--expose-gc`), so garbage is not counted. */
  afterGc: boolean;
}

/** A worker thread's heap, reported every `InspectorPoolOptions.heapSampleMs`. */
export interface WorkerHeapSample extends HeapSample {
  /** The worker's `threadId` (a replaced worker gets a new one). */
  worker: number;
}

/** The calling thread's heap in use: after a full collection when `globalThis.gc` exists (`--expose-gc`), else as it stands. */
export function sampleThreadHeap(): HeapSample {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  return { mb: getHeapStatistics().used_heap_size / 1_048_576, afterGc: gc !== undefined };
}
