/**
 * Whole-pipeline throughput and memory: the timing analyzer and every built-in analyzer on the
 * synthetic stream (bench/generate.ts: 12 short texts repeated), every built-in analyzer on the
 * realistic chats (bench/realistic.ts: real corpus text, generated before the timed loop).
 */

import type { ConversationInput, Inspector } from '@cxqa/core';
import { createInspector, timingAnalyzer } from '@cxqa/core';
import { syntheticStream } from './generate.js';
import { describeCorpus, realisticConversations } from './realistic.js';
import type { BenchRow } from './report.js';

const heapMb = () => {
  globalThis.gc?.();
  return process.memoryUsage().heapUsed / 1048576;
};

export async function benchPipeline(count: number, corporaDir: string, log: (s: string) => void): Promise<BenchRow[]> {
  const inspector = createInspector({ analyzers: [timingAnalyzer()] });
  // warm-up: loads the language model and holiday data
  for await (const _ of inspector.inspectMany(syntheticStream(200))) void _;
  const rows: BenchRow[] = [];
  const t0 = performance.now();
  let n = 0;
  for await (const _ of inspector.inspectMany(syntheticStream(5000), { concurrency: 1 })) n++;
  const seconds = (performance.now() - t0) / 1000;
  rows.push({ benchmark: 'pipeline.timing.20msg', subject: 'cxqa', metric: 'conversations_per_second', value: Math.round(n / seconds), unit: 'conv/s' });
  rows.push({
    benchmark: 'pipeline.timing.20msg',
    subject: 'cxqa',
    metric: 'ms_per_conversation',
    value: Number(((seconds * 1000) / n).toFixed(3)),
    unit: 'ms',
  });
  log(`pipeline: ${n} conversations of 20 messages in ${seconds.toFixed(2)} s`);
  rows.push(...(await throughput('pipeline.builtin.20msg', createInspector(), () => syntheticStream(5000), log)));
  const realistic = realisticChats(corporaDir, log);
  if (realistic) rows.push(...(await throughput('pipeline.builtin.realistic.20msg', createInspector(), () => realistic, log)));

  // memory over a long stream: heap after GC at checkpoints must not grow with the count
  const checkpoints: number[] = [];
  let peakRss = 0;
  let i = 0;
  const start = performance.now();
  for await (const _ of inspector.inspectMany(syntheticStream(count), { concurrency: 8 })) {
    i++;
    if (i % 10_000 === 0) {
      checkpoints.push(heapMb());
      peakRss = Math.max(peakRss, process.memoryUsage().rss / 1048576);
      log(`  stream ${i.toLocaleString('en')}: heap ${checkpoints.at(-1)!.toFixed(1)} MB`);
    }
  }
  const streamSeconds = (performance.now() - start) / 1000;
  const first = checkpoints[0] ?? heapMb();
  const last = checkpoints.at(-1) ?? heapMb();
  rows.push({
    benchmark: `pipeline.stream.${count}`,
    subject: 'cxqa',
    metric: 'conversations_per_second',
    value: Math.round(count / streamSeconds),
    unit: 'conv/s',
  });
  rows.push({ benchmark: `pipeline.stream.${count}`, subject: 'cxqa', metric: 'heap_after_gc_first_checkpoint', value: Number(first.toFixed(1)), unit: 'MB' });
  rows.push({ benchmark: `pipeline.stream.${count}`, subject: 'cxqa', metric: 'heap_after_gc_last_checkpoint', value: Number(last.toFixed(1)), unit: 'MB' });
  rows.push({ benchmark: `pipeline.stream.${count}`, subject: 'cxqa', metric: 'peak_rss', value: Math.round(peakRss), unit: 'MB' });
  return rows;
}

/** 2,000 realistic chats from the corpora, or null (logged) when the corpora are absent. */
export function realisticChats(corporaDir: string, log: (s: string) => void): ConversationInput[] | null {
  try {
    const chats = realisticConversations(corporaDir, 2000);
    log(`realistic corpus: ${describeCorpus(chats)}`);
    return chats;
  } catch (e) {
    log(`realistic corpus skipped: ${(e as Error).message}`);
    return null;
  }
}

/** Every built-in analyzer with the default scorecard over `inputs()`, after a 200-conversation warm-up. */
async function throughput(name: string, inspector: Inspector, inputs: () => Iterable<ConversationInput>, log: (s: string) => void) {
  for await (const _ of inspector.inspectMany([...inputs()].slice(0, 200))) void _;
  const t0 = performance.now();
  let n = 0;
  for await (const _ of inspector.inspectMany(inputs(), { concurrency: 1 })) n++;
  const seconds = (performance.now() - t0) / 1000;
  log(`${name}: ${n} conversations in ${seconds.toFixed(2)} s`);
  return [
    { benchmark: name, subject: 'cxqa', metric: 'conversations_per_second', value: Math.round(n / seconds), unit: 'conv/s' },
    { benchmark: name, subject: 'cxqa', metric: 'ms_per_conversation', value: Number(((seconds * 1000) / n).toFixed(3)), unit: 'ms' },
  ];
}
