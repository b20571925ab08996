/**
 * Every core: steady throughput of `inspector.openPool({ workers })` for 1, 2, 4 … N worker
 * threads (N = os.availableParallelism()) against the main thread, every built-in analyzer on the
 * generated stream; then the heap-flat check (`cliHeapFlat`, bench/cli-heap.bench.ts).
 */
import { availableParallelism } from 'node:os';
import { createInspector, type Inspector, mapOrdered } from '@cxqa/core';
import { cliHeapFlat } from './cli-heap.bench.js';
import { syntheticStream } from './generate.js';
import type { BenchRow } from './report.js';

const TIMED = 4_000;

/** 1, 2, 4 … up to the machine's parallelism, and the parallelism itself. */
export function workerCounts(cores = availableParallelism()): number[] {
  const counts: number[] = [];
  for (let n = 1; n <= cores; n *= 2) counts.push(n);
  if (counts.at(-1) !== cores) counts.push(cores);
  return counts;
}

export async function benchWorkers(cliStream: { count: number; messages: number; until?: Date }, log: (s: string) => void): Promise<BenchRow[]> {
  const inspector = createInspector();
  const rows: BenchRow[] = [];
  const row = (metric: string, value: number, unit: string) => rows.push({ benchmark: 'workers.builtin.20msg', subject: 'cxqa', metric, value, unit });
  const mainThread = await mainThreadRate(inspector);
  row('conversations_per_second_main_thread', Math.round(mainThread.rate), 'conv/s');
  row('cpu_ms_per_conversation_main_thread', Number(mainThread.cpuMs.toFixed(3)), 'ms');
  log(`workers: main thread ${Math.round(mainThread.rate)} conv/s, ${mainThread.cpuMs.toFixed(2)} CPU ms each`);
  let one = 0;
  for (const workers of workerCounts()) {
    const { rate, cpuMs } = await poolRate(inspector, workers);
    if (workers === 1) one = rate;
    row(`conversations_per_second_${workers}_workers`, Math.round(rate), 'conv/s');
    row(`speedup_${workers}_workers_vs_1`, Number((rate / one).toFixed(2)), '×');
    // CPU time of every thread of the process per conversation: the pool's overhead, whatever else the machine runs
    row(`cpu_ms_per_conversation_${workers}_workers`, Number(cpuMs.toFixed(3)), 'ms');
    log(`workers: ${workers} → ${Math.round(rate)} conv/s (${(rate / one).toFixed(2)}× one worker), ${cpuMs.toFixed(2)} CPU ms each`);
  }
  if (cliStream.count > 0) rows.push(...(await cliHeapFlat(cliStream.count, log, cliStream.messages, cliStream.until)));
  return rows;
}

/** Conversations per second and CPU milliseconds (all threads, user + system) per conversation of `run` over TIMED conversations. */
async function measured(run: () => Promise<void>): Promise<{ rate: number; cpuMs: number }> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await run();
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  return { rate: TIMED / seconds, cpuMs: (cpu.user + cpu.system) / 1000 / TIMED };
}

/** The timed conversations, generated once before any clock starts (the generator is not what is measured). */
let timedInputs: ReturnType<typeof syntheticStream> extends Iterable<infer T> ? T[] : never;
const inputs = () => (timedInputs ??= [...syntheticStream(TIMED)]);

async function mainThreadRate(inspector: Inspector): Promise<{ rate: number; cpuMs: number }> {
  for await (const _ of inspector.inspectMany(syntheticStream(200))) void _;
  const conversations = inputs();
  return measured(async () => {
    for await (const _ of inspector.inspectMany(conversations, { concurrency: 1 })) void _;
  });
}

/** Conversations per second once every thread is warm (start-up and model loading left out). */
async function poolRate(inspector: Inspector, workers: number): Promise<{ rate: number; cpuMs: number }> {
  const pool = await inspector.openPool({ workers, concurrency: 1 });
  try {
    const warm = Math.max(pool.capacity * 2, 100 * workers);
    for await (const _ of mapOrdered(syntheticStream(warm), (c) => pool.inspect(c), { concurrency: pool.capacity })) void _;
    const conversations = inputs();
    return await measured(async () => {
      for await (const _ of mapOrdered(conversations, (c) => pool.inspect(c), { concurrency: pool.capacity })) void _;
    });
  } finally {
    await pool.close();
  }
}
