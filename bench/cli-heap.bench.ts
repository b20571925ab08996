/**
 * The heap-flat check of issue 16: `cxqa inspect - --workers 2` (monorepo sources) fed `count`
 * generated conversations on stdin from this process, in a child process. Sampled across the run:
 * the V8 heap of every thread of the child after a full collection (the CLI's `CXQA_HEAP_SAMPLE_MS`
 * report: the main thread and each worker, `--expose-gc`), and the resident memory of the whole
 * child process (`/proc/<pid>/status`, main thread and workers together), each against the
 * number of results written so far. With `stopFeedingAt`, no conversation is fed after that time: the
 * run is then of fewer conversations than requested, and its rows say how many (`results`).
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { syntheticStream } from './generate.js';
import type { BenchRow } from './report.js';

const ROOT = join(import.meta.dirname, '..');
/** How often the child's threads report their heap (ms). */
const HEAP_EVERY_MS = 10_000;

/** Resident memory of a process in MB (Linux /proc), or undefined elsewhere. */
export function rssMb(pid: number): number | undefined {
  try {
    const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** One memory reading: results written when it was taken, the thread (`rss` = the whole process), MB. */
export interface MemorySample {
  results: number;
  seconds: number;
  thread: string;
  mb: number;
}

/** Least-squares slope of `mb` against `results`, in MB per 100,000 results (0 with fewer than two points). */
export function slopePer100k(samples: readonly Pick<MemorySample, 'results' | 'mb'>[]): number {
  const n = samples.length;
  if (n < 2) return 0;
  const mx = samples.reduce((s, p) => s + p.results, 0) / n;
  const my = samples.reduce((s, p) => s + p.mb, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (const p of samples) {
    sxy += (p.results - mx) * (p.mb - my);
    sxx += (p.results - mx) ** 2;
  }
  return sxx === 0 ? 0 : (sxy / sxx) * 100_000;
}

/** The sample of `thread` taken nearest to `results` results. */
function nearest(samples: readonly MemorySample[], results: number): MemorySample | undefined {
  return samples.reduce<MemorySample | undefined>(
    (best, s) => (!best || Math.abs(s.results - results) < Math.abs(best.results - results) ? s : best),
    undefined,
  );
}

const HEAP_LINE = /^cxqa heap: (main|worker \d+) ([\d.]+) MB/;

/**
 * Run the check. Rows: results, conversations per second, and per thread (and `rss`) the MB at
 * 10 %, 50 % and 100 % of the run and the slope over the samples from 10 % on (MB per 100k
 * conversations). Every sample is logged as it comes.
 */
export async function cliHeapFlat(requested: number, log: (s: string) => void, messages = 20, stopFeedingAt?: Date): Promise<BenchRow[]> {
  const child = spawn(
    process.execPath,
    ['--conditions=source', '--import', 'tsx', '--expose-gc', 'packages/cli/src/bin.ts', 'inspect', '-', '--workers', '2', '--format', 'jsonl'],
    { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, CXQA_HEAP_SAMPLE_MS: String(HEAP_EVERY_MS) } },
  );
  const samples: MemorySample[] = [];
  const latest = new Map<string, MemorySample>();
  let results = 0;
  const t0 = performance.now();
  const seconds = () => (performance.now() - t0) / 1000;
  let stderr = '';
  let partialLine = '';
  child.stderr.on('data', (c: Buffer) => {
    const lines = (partialLine + c.toString()).split('\n');
    partialLine = lines.pop()!;
    for (const line of lines) {
      const m = HEAP_LINE.exec(line);
      if (!m) {
        stderr = `${stderr}${line}\n`.slice(-4000);
        continue;
      }
      const sample = { results, seconds: seconds(), thread: m[1]!, mb: Number(m[2]) };
      samples.push(sample);
      latest.set(sample.thread, sample);
      if (m[1] === 'main') {
        const rss = rssMb(child.pid!);
        if (rss !== undefined) samples.push({ results, seconds: seconds(), thread: 'rss', mb: rss });
        const workers = [...latest.values()].filter((s) => s.thread !== 'main');
        log(
          `  cli --workers 2: ${results.toLocaleString('en')} results at ${seconds().toFixed(0)} s · heap after GC: main ${m[2]} MB, ${workers.map((s) => `${s.thread} ${s.mb.toFixed(1)} MB`).join(', ')} · process RSS ${rss?.toFixed(0) ?? '?'} MB`,
        );
      }
    }
  });
  child.stdout.on('data', (chunk: Buffer) => {
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) results++;
  });
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  // with a deadline, input stops there (stdin closes) and the run is of the conversations fed so far
  let count = 0;
  const lines = async function* () {
    for (const c of syntheticStream(requested, messages)) {
      if (stopFeedingAt && count % 1000 === 0 && Date.now() >= stopFeedingAt.getTime()) {
        log(`  cli --workers 2: input stopped at the deadline after ${count.toLocaleString('en')} of ${requested.toLocaleString('en')} conversations`);
        return;
      }
      count++;
      yield `${JSON.stringify(c)}\n`;
    }
  };
  await pipeline(Readable.from(lines()), child.stdin);
  const code = await exited;
  const elapsed = seconds();
  if (code !== 0 || results !== count) throw new Error(`cxqa inspect --workers 2 exited ${code} with ${results} of ${count} results: ${stderr.slice(-800)}`);
  const name = `workers.cli.stream.${count}${messages === 20 ? '' : `.${messages}msg`}`;
  const row = (metric: string, value: number, unit: string): BenchRow => ({ benchmark: name, subject: 'cxqa', metric, value, unit });
  const rows: BenchRow[] = [
    row('requested', requested, 'conversations'),
    row('results', results, 'lines'),
    row('conversations_per_second', Math.round(count / elapsed), 'conv/s'),
    row('seconds', Math.round(elapsed), 's'),
  ];
  for (const thread of [...new Set(samples.map((s) => s.thread))]) {
    const mine = samples.filter((s) => s.thread === thread);
    const key = thread.replace(' ', '_');
    for (const share of [0.1, 0.5, 1]) {
      const s = nearest(mine, count * share);
      if (s) rows.push(row(`${key}_mb_at_${share * 100}pct`, Number(s.mb.toFixed(1)), 'MB'));
    }
    rows.push(row(`${key}_mb_max`, Number(Math.max(...mine.map((s) => s.mb)).toFixed(1)), 'MB'));
    rows.push(row(`${key}_slope_from_10pct`, Number(slopePer100k(mine.filter((s) => s.results >= count * 0.1)).toFixed(2)), 'MB/100k conv'));
  }
  return rows;
}
