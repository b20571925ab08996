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
  if (realistic) {
    rows.push(...(await throughput('pipeline.builtin.realistic.20msg', createInspector(), () => realistic, log)));
    // the floor: validate, normalize, language ID and scoring with no analyzer, five passes (≈ 0.15 ms each)
    rows.push(...(await throughput('pipeline.none.realistic.20msg', createInspector({ analyzers: [] }), () => repeat(realistic, 5), log)));
  }
  rows.push(...issue16Bars(rows, log));

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

function* repeat<T>(items: readonly T[], times: number): Iterable<T> {
  for (let r = 0; r < times; r++) yield* items;
}

/**
 * Issue 16's speed bars as ratios of this run's rows to the bar (≥ 1 meets it): realistic chats
 * ≥ 2,000 conversations/s per core, synthetic ≥ 5,000, the no-analyzer floor ≤ 50 µs per
 * conversation (the ratio is bar ÷ measured, so ≥ 1 meets it there too).
 */
export function issue16Bars(rows: readonly BenchRow[], log: (s: string) => void): BenchRow[] {
  const value = (benchmark: string, metric: string) => rows.find((r) => r.benchmark === benchmark && r.metric === metric)?.value;
  const bars: [string, number | undefined, number, boolean][] = [
    ['realistic_conv_per_s_over_2000', value('pipeline.builtin.realistic.20msg', 'conversations_per_second'), 2000, true],
    ['synthetic_conv_per_s_over_5000', value('pipeline.builtin.20msg', 'conversations_per_second'), 5000, true],
    ['floor_50us_over_us_per_conv', value('pipeline.none.realistic.20msg', 'ms_per_conversation'), 0.05, false],
  ];
  const out: BenchRow[] = [];
  for (const [metric, measured, bar, higherIsBetter] of bars) {
    if (measured === undefined || measured <= 0) continue;
    const ratio = higherIsBetter ? measured / bar : bar / measured;
    out.push({ benchmark: 'issue16.bars', subject: 'cxqa', metric, value: Number(ratio.toFixed(3)), unit: 'ratio' });
    log(`issue 16 bar ${metric}: ${ratio.toFixed(3)} (${ratio >= 1 ? 'met' : 'not met'})`);
  }
  return out;
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
