/**
 * `node --conditions=source --import tsx --expose-gc bench/cpu-solo.ts [DIR] [synthetic|verdicts] [ROUNDS]`:
 * one checkout's pipeline alone in this process — `DIR`'s (a cxqa checkout with its dependencies
 * installed; default this one) — over the synthetic or verdict rows of `baseline.bench.ts` (the
 * same conversations as `cpu-ab.ts`), one warm-up pass, a collected heap, then `ROUNDS` passes
 * (default 5 synthetic, 25 verdicts) timed in CPU time of this process (`process.cpuUsage`, user +
 * system, so the garbage collector's helper threads count). Prints the checkout, the row and the
 * ms of CPU per conversation, and on stderr when the timed passes began (ms since the process
 * started, the clock of `--trace-gc-nvp` lines, to count only their collections).
 *
 * For memory-layout and garbage-collection effects run one process per checkout, alternating
 * (decision 124: two pipelines in one process share one heap and its collections):
 *
 *   for i in 1 2 3; do for d in . /tmp/d5; do node … bench/cpu-solo.ts $d synthetic; done; done
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { verdictConversations } from './baseline.bench.js';
import { syntheticStream } from './generate.js';

const here = resolve(import.meta.dirname, '..');
const [root = here, row = 'synthetic', roundsArg] = process.argv.slice(2);
if (row !== 'synthetic' && row !== 'verdicts') throw new Error(`row must be synthetic or verdicts, not ${row}`);
const rounds = Number(roundsArg ?? (row === 'synthetic' ? 5 : 25));
if (!Number.isInteger(rounds) || rounds < 1) throw new Error(`ROUNDS must be a positive integer, not ${roundsArg}`);
const core = (await import(pathToFileURL(resolve(root, 'packages/core/src/index.ts')).href)) as {
  createInspector(): { inspect(conversation: unknown): Promise<unknown> };
};
const inspector = core.createInspector();
const conversations: unknown[] = row === 'synthetic' ? [...syntheticStream(1200)] : verdictConversations(here);
for (const c of conversations) await inspector.inspect(c); // warm-up
(globalThis as { gc?: () => void }).gc?.();
// where the timed passes start on the clock of `--trace-gc` / `--trace-gc-nvp` lines (ms since the process began)
console.error(`timed passes from ${performance.now().toFixed(0)} ms`);
const start = process.cpuUsage();
for (let r = 0; r < rounds; r++) for (const c of conversations) await inspector.inspect(c);
const used = process.cpuUsage(start);
const ms = (used.user + used.system) / 1000 / (rounds * conversations.length);
console.log(`${resolve(root)} ${row}: ${ms.toFixed(3)} ms CPU per conversation (${rounds} × ${conversations.length})`);
