/**
 * `node --conditions=source --import tsx bench/cli-thread-cpu.ts FILE WORKERS`: runs
 * `cxqa inspect - --workers WORKERS` (sources) on the JSONL FILE and reports its steady state, from
 * result 2,000 (`START=N` to change) to the end: conversations per second and CPU milliseconds per
 * conversation of each thread of the process (Linux `/proc/<pid>/task/<tid>/stat`: the main
 * thread, the worker threads, V8's helper threads), so the CLI's own per-record cost shows apart
 * from the analyzers' and from start-up.
 */
import { spawn } from 'node:child_process';
import { createReadStream, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

type Threads = Map<string, number>;

/** CPU seconds (user + system) of every thread of `pid`. */
function threadCpu(pid: number): Threads {
  const out: Threads = new Map();
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(') ') + 2).split(' ');
      out.set(tid, (Number(fields[11]) + Number(fields[12])) / 100);
    } catch {
      // the thread ended
    }
  }
  return out;
}

const [file, workers = '2'] = process.argv.slice(2);
if (!file) throw new Error('usage: cli-thread-cpu.ts FILE WORKERS');
const START = Number(process.env.START ?? 2000);
const root = join(import.meta.dirname, '..');
const child = spawn(
  process.execPath,
  ['--conditions=source', '--import', 'tsx', 'packages/cli/src/bin.ts', 'inspect', '-', '--workers', workers, '--format', 'jsonl'],
  {
    cwd: root,
    stdio: ['pipe', 'pipe', 'ignore'],
  },
);
createReadStream(file).pipe(child.stdin);
let results = 0;
let first: { at: number; cpu: Threads } | undefined;
let last: { at: number; cpu: Threads; results: number } | undefined;
const t0 = performance.now();
child.stdout.on('data', (chunk: Buffer) => {
  for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) {
    results++;
    if (results === START) first = { at: performance.now(), cpu: threadCpu(child.pid!) };
    if (results % 1000 === 0) last = { at: performance.now(), cpu: threadCpu(child.pid!), results };
  }
});
child.on('close', (code) => {
  if (!first || !last) throw new Error(`only ${results} results (exit ${code})`);
  const n = last.results - START;
  const perThread = [...last.cpu].map(([tid, cpu]) => ((cpu - (first!.cpu.get(tid) ?? 0)) * 1000) / n).filter((ms) => ms > 0.001);
  const total = perThread.reduce((a, b) => a + b, 0);
  const sorted = perThread.sort((a, b) => b - a).map((ms) => ms.toFixed(3));
  process.stdout.write(
    `--workers ${workers}: exit ${code}, ${results} results in ${((performance.now() - t0) / 1000).toFixed(1)} s, result ${START} at ${((first.at - t0) / 1000).toFixed(1)} s; ` +
      `steady ${START}→${last.results}: ${(n / ((last.at - first.at) / 1000)).toFixed(0)} conv/s, ${total.toFixed(3)} CPU ms/conv (threads, busiest first: ${sorted.join(' ')})\n`,
  );
});
