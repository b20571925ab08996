/**
 * `pnpm bench --only validate`: reading a conversation — zod's `ConversationSchema.safeParse` against
 * the hand-read fast path `plainConversation` (decision 135) — on the 600 realistic chats
 * (bench/realistic.ts) and the 206 verdict-fixture conversations, in 20 alternating rounds of one
 * pass each; reports the median CPU time (`process.cpuUsage`, user + system) per conversation and
 * the ratio. CPU time, not wall time: these passes last milliseconds, and on a shared machine a
 * wall-clock pass mostly measures how long the process waited for a core. The fast path must take every
 * conversation of both sets (else the row would time zod twice).
 */
import { resolve } from 'node:path';
import { ConversationSchema } from '../packages/core/src/pipeline/validate/conversation.js';
import { plainConversation } from '../packages/core/src/pipeline/validate/plain-conversation.js';
import { verdictConversations } from './baseline.bench.js';
import { realisticChats } from './pipeline.bench.js';
import type { BenchRow } from './report.js';

const ROUNDS = 20;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function rows(name: string, conversations: unknown[], log: (s: string) => void): BenchRow[] {
  if (conversations.some((c) => plainConversation(c) === null)) throw new Error(`${name}: a conversation the fast path does not take`);
  const subjects = [(c: unknown) => ConversationSchema.safeParse(c), plainConversation];
  for (const read of subjects) for (const c of conversations) read(c); // warm-up
  const times: [number[], number[]] = [[], []];
  for (let round = 0; round < ROUNDS; round++)
    for (const k of round % 2 ? [1, 0] : [0, 1]) {
      const read = subjects[k]!;
      const t0 = process.cpuUsage();
      for (const c of conversations) read(c);
      const used = process.cpuUsage(t0);
      times[k as 0 | 1].push((used.user + used.system) / conversations.length);
    }
  const [zod, plain] = [median(times[0]), median(times[1])];
  log(
    `${name}: zod ${zod.toFixed(2)} µs, plainConversation ${plain.toFixed(2)} µs CPU per conversation (median of ${ROUNDS}), ratio ${(plain / zod).toFixed(3)}`,
  );
  return [
    { benchmark: name, subject: 'zod', metric: 'cpu_us_per_conversation', value: Number(zod.toFixed(2)), unit: 'µs' },
    { benchmark: name, subject: 'cxqa', metric: 'cpu_us_per_conversation', value: Number(plain.toFixed(2)), unit: 'µs' },
    { benchmark: name, subject: 'cxqa', metric: 'ratio_to_zod', value: Number((plain / zod).toFixed(3)) },
  ];
}

export function benchValidate(corporaDir: string, log: (s: string) => void): BenchRow[] {
  const realistic = realisticChats(corporaDir, log);
  return [
    ...(realistic ? rows('validate.realistic', realistic.slice(0, 600), log) : []),
    ...rows('validate.verdicts', verdictConversations(resolve(import.meta.dirname, '..')), log),
  ];
}
