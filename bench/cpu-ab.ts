/**
 * `node --conditions=source --import tsx --expose-gc bench/cpu-ab.ts DIR [synthetic,verdicts]`: the
 * synthetic and verdict rows of `baseline.bench.ts` (same corpora, 10 alternating rounds, a
 * collected heap before each) timed in **CPU time** of this process (`process.cpuUsage`, user +
 * system) instead of wall time: on a machine whose load is many times its cores, wall time mostly
 * measures waiting for a core. Cache and memory effects of other processes still show. Prints
 * per row the median ms of CPU per conversation, this checkout and `DIR`'s, and their ratio.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { verdictConversations } from './baseline.bench.js';
import { syntheticStream } from './generate.js';

interface AnyInspector {
  inspect(conversation: unknown): Promise<unknown>;
}

const here = resolve(import.meta.dirname, '..');
const [baseRoot, rowList = 'synthetic,verdicts'] = process.argv.slice(2);
if (!baseRoot) throw new Error('usage: bench/cpu-ab.ts BASELINE_DIR [synthetic,verdicts]');
const inspectorAt = async (root: string): Promise<AnyInspector> =>
  ((await import(pathToFileURL(resolve(root, 'packages/core/src/index.ts')).href)) as { createInspector(): AnyInspector }).createInspector();
const [current, baseline] = [await inspectorAt(here), await inspectorAt(resolve(baseRoot))];
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function conversations(row: string): Promise<unknown[]> {
  if (row !== 'synthetic') return verdictConversations(here);
  const out: unknown[] = [];
  for await (const c of syntheticStream(1200)) out.push(c);
  return out;
}

for (const row of rowList.split(',')) {
  const convs = await conversations(row);
  for (const i of [current, baseline]) for (const c of convs) await i.inspect(c); // warm-up
  const cpu: [number[], number[]] = [[], []];
  for (let round = 0; round < 10; round++) {
    for (const k of round % 2 ? [1, 0] : [0, 1]) {
      (globalThis as { gc?: () => void }).gc?.();
      const start = process.cpuUsage();
      for (const c of convs) await (k === 0 ? current : baseline).inspect(c);
      const used = process.cpuUsage(start);
      cpu[k as 0 | 1].push((used.user + used.system) / 1000 / convs.length);
    }
  }
  const [now, before] = [median(cpu[0]), median(cpu[1])];
  console.log(`${row}: ${now.toFixed(3)} ms CPU now, ${before.toFixed(3)} ms baseline, ratio ${(now / before).toFixed(3)}`);
}
