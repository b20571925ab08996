/**
 * `node --conditions=source --import tsx --expose-gc bench/gc-rounds.ts [DIR] [ROUNDS]`: what a full
 * garbage collection between passes costs the next pass. One checkout's pipeline (`DIR`'s, default
 * this one) over the 206 verdict-fixture conversations of `baseline.bench.ts`, after three warm-up
 * passes: passes alternate between starting right after `gc()` (as every round of
 * `baseline.bench.ts` does) and starting without one. Prints the median ms of CPU per conversation
 * (`process.cpuUsage`, this process's threads) of each kind.
 *
 * A pass after a collection costs more when the collection freed the hidden classes that the
 * optimized per-message code was specialized for (no instance alive to keep them): that code is
 * deoptimized and compiled again in every such pass (decision 150, `util/keep-shape.ts`).
 * `--trace-deopt` shows which functions (`reason: weak objects`).
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { verdictConversations } from './baseline.bench.js';

const here = resolve(import.meta.dirname, '..');
const [root = here, roundsArg = '16'] = process.argv.slice(2);
const rounds = Number(roundsArg);
if (!Number.isInteger(rounds) || rounds < 2) throw new Error(`ROUNDS must be an integer of at least 2, not ${roundsArg}`);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');
const core = (await import(pathToFileURL(resolve(root, 'packages/core/src/index.ts')).href)) as {
  createInspector(): { inspect(conversation: unknown): Promise<unknown> };
};
const inspector = core.createInspector();
const conversations = verdictConversations(here);
for (let pass = 0; pass < 3; pass++) for (const c of conversations) await inspector.inspect(c); // warm-up

const cpu: { afterGc: number[]; without: number[] } = { afterGc: [], without: [] };
for (let round = 0; round < rounds; round++) {
  const afterGc = round % 2 === 0;
  if (afterGc) gc();
  const start = process.cpuUsage();
  for (const c of conversations) await inspector.inspect(c);
  const used = process.cpuUsage(start);
  cpu[afterGc ? 'afterGc' : 'without'].push((used.user + used.system) / 1000 / conversations.length);
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
console.log(
  `${resolve(root)} verdicts: ${median(cpu.afterGc).toFixed(3)} ms CPU per conversation in a pass right after gc(), ${median(cpu.without).toFixed(3)} without (median of ${rounds / 2} passes each)`,
);
