/**
 * `node --conditions=source --import tsx bench/floor-profile.ts [--corpora DIR] [--rounds N] [--root DIR]`:
 * where the no-analyzer floor (`baseline.none.realistic`) goes. Inspects the 600 realistic chats with
 * `createInspector({ analyzers: [] })` of this checkout (or of the checkout at `--root`) N times (default 20) under the V8 sampling profiler
 * (`node:inspector`) and prints each part's share of the samples taken inside `inspect`: a sample
 * counts for the nearest frame on its stack that names a part (so `maskPersonalData` under
 * `maskResult` counts for masking). Garbage collection is outside `inspect` and not counted.
 */
import { Session } from 'node:inspector/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { realisticChats } from './pipeline.bench.js';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}

/** Parts of the floor, nearest first: a frame's function name or file picks the first that matches. */
const PARTS: [string, RegExp][] = [
  ['language ID: n-gram sums (gram-automaton, model)', /langid\/(gram-automaton|model)\.ts/],
  ['language ID: prefix scan', /langid\/(prefix-scan|features)\.ts/],
  ['language ID: script counts', /langid\/(script|han)\.ts/],
  ['language ID: the rest (evidence, priors, posteriors)', /langid\//],
  ['validate: zod', /node_modules\/zod\//],
  ['validate: fast path', /validate\/(plain-conversation|timestamp)\.ts/],
  ['masking the Result', /mask-result\.ts|pii\/mask/],
  ['conversation facts', /conversation-facts\.ts/],
  ['scoring and assembling the Result', /pipeline\/score\/|validate\/result\.ts/],
  ['message views (normalize)', /pipeline\/normalize\/|analyze\/message-analysis\.ts/],
  ['inspect itself', /pipeline\/inspector\.ts/],
];

const { values } = parseArgs({
  options: { corpora: { type: 'string', default: '../shared/corpora' }, rounds: { type: 'string', default: '20' }, root: { type: 'string' } },
});
const root = resolve(values.root ?? resolve(import.meta.dirname, '..'));
const { createInspector } = (await import(pathToFileURL(resolve(root, 'packages/core/src/index.ts')).href)) as typeof import('@cxqa/core');
const chats = realisticChats(resolve(values.corpora!), (s) => process.stderr.write(`${s}\n`));
if (!chats) throw new Error(`no realistic chats: is --corpora ${values.corpora} the shared corpora?`);
const conversations = chats.slice(0, 600);
const inspector = createInspector({ analyzers: [] });
for (const c of conversations) await inspector.inspect(c); // warm-up

const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 100 });
await session.post('Profiler.start');
const t0 = performance.now();
const rounds = Number(values.rounds);
for (let r = 0; r < rounds; r++) for (const c of conversations) await inspector.inspect(c);
const elapsed = performance.now() - t0;
const { profile } = (await session.post('Profiler.stop')) as unknown as { profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] } };
session.disconnect();

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const partOf = new Map<number, string | null>(); // node id → part, or null outside inspect
function classify(id: number): string | null {
  const known = partOf.get(id);
  if (known !== undefined) return known;
  let part: string | null = null;
  let inside = false;
  for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
    const { functionName, url } = byId.get(cur)!.callFrame;
    if (/pipeline\/inspector\.ts/.test(url)) inside = true;
    if (part === null) part = PARTS.find(([, re]) => re.test(url) || re.test(functionName))?.[0] ?? null;
  }
  const answer = inside ? (part ?? 'other (engine built-ins, promise plumbing)') : null;
  partOf.set(id, answer);
  return answer;
}
const time = new Map<string, number>();
let inside = 0;
profile.samples.forEach((id, i) => {
  const part = classify(id);
  if (part === null) return;
  const dt = profile.timeDeltas[i] ?? 0;
  inside += dt;
  time.set(part, (time.get(part) ?? 0) + dt);
});
const perConversation = (elapsed * 1000) / (rounds * conversations.length);
console.log(
  `${root}: ${rounds} × ${conversations.length} realistic chats, no analyzer: ${perConversation.toFixed(1)} µs per conversation (wall clock, under the profiler)`,
);
for (const [part, t] of [...time].sort((a, b) => b[1] - a[1])) console.log(`${((100 * t) / inside).toFixed(1).padStart(5)} %  ${part}`);
