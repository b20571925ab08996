/**
 * `pnpm bench --baseline DIR`: the whole pipeline (every built-in analyzer, default scorecard) of
 * this checkout against another checkout of cxqa (an earlier commit, its dependencies installed),
 * in one process, in alternating rounds, so the machine's noise hits both alike. Four runs: the
 * generated 20-message stream (12 distinct texts, so caches keyed by message text would flatter it:
 * cxqa has none), 600 realistic chats (bench/realistic.ts: real corpus text, 5 languages) and the 206
 * verdict-fixture conversations (hand-written, 9 languages, no text repeated); and the realistic
 * chats with no analyzer at all (`baseline.none.realistic`: the pipeline's own floor).
 * Reports the median ms per conversation of each (the upper median of the 10 rounds) and their ratio.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { syntheticStream } from './generate.js';
import { realisticChats } from './pipeline.bench.js';
import type { BenchRow } from './report.js';

interface AnyInspector {
  inspect(conversation: unknown): Promise<unknown>;
}

/** Even, so each pipeline runs first in half of the rounds; `BENCH_ROUNDS=30` for a steadier median on a noisy machine. */
const ROUNDS = Math.max(2, 2 * Math.round(Number(process.env.BENCH_ROUNDS ?? 10) / 2));

async function inspectorAt(root: string, options?: { analyzers: [] }): Promise<AnyInspector> {
  const core = (await import(pathToFileURL(resolve(root, 'packages/core/src/index.ts')).href)) as { createInspector(options?: object): AnyInspector };
  return core.createInspector(options);
}

/** The conversations of the verdict fixtures under `root` (a cxqa checkout), in file order. */
export function verdictConversations(root: string): unknown[] {
  const dir = resolve(root, 'fixtures/verdicts');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .flatMap((f) =>
      readFileSync(resolve(dir, f), 'utf8')
        .split('\n')
        .filter((l) => l.trim())
        .map((l) => (JSON.parse(l) as { conversation: unknown }).conversation),
    );
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function abRounds(name: string, conversations: unknown[], current: AnyInspector, baseline: AnyInspector, log: (s: string) => void): Promise<BenchRow[]> {
  for (const i of [current, baseline]) for (const c of conversations) await i.inspect(c); // warm-up
  const times: [number[], number[]] = [[], []];
  for (let round = 0; round < ROUNDS; round++) {
    // which pipeline goes first alternates, and each starts from a collected heap (with --expose-gc,
    // as `pnpm bench` runs): neither pays for the other's garbage, neither always runs first
    for (const k of round % 2 ? [1, 0] : [0, 1]) {
      const i = k === 0 ? current : baseline;
      (globalThis as { gc?: () => void }).gc?.();
      const t0 = performance.now();
      for (const c of conversations) await i.inspect(c);
      times[k as 0 | 1].push((performance.now() - t0) / conversations.length);
    }
  }
  const [now, before] = [median(times[0]), median(times[1])];
  log(`${name}: ${now.toFixed(3)} ms now, ${before.toFixed(3)} ms baseline (median of ${ROUNDS} alternating rounds), ratio ${(now / before).toFixed(3)}`);
  return [
    { benchmark: name, subject: 'cxqa', metric: 'ms_per_conversation', value: Number(now.toFixed(3)), unit: 'ms' },
    { benchmark: name, subject: 'baseline', metric: 'ms_per_conversation', value: Number(before.toFixed(3)), unit: 'ms' },
    { benchmark: name, subject: 'cxqa', metric: 'ratio_to_baseline', value: Number((now / before).toFixed(3)) },
  ];
}

export async function benchBaseline(baselineRoot: string, corporaDir: string, log: (s: string) => void): Promise<BenchRow[]> {
  const here = resolve(import.meta.dirname, '..');
  const [current, baseline] = [await inspectorAt(here), await inspectorAt(baselineRoot)];
  const synthetic: unknown[] = [];
  for await (const c of syntheticStream(1200)) synthetic.push(c);
  const realistic = realisticChats(corporaDir, log);
  return [
    ...(await abRounds('baseline.builtin.synthetic', synthetic, current, baseline, log)),
    ...(realistic ? await abRounds('baseline.builtin.realistic', realistic.slice(0, 600), current, baseline, log) : []),
    // the floor: validation, normalized views, language ID, scoring and masking with no analyzer at all
    ...(realistic
      ? await abRounds(
          'baseline.none.realistic',
          realistic.slice(0, 600),
          await inspectorAt(here, { analyzers: [] }),
          await inspectorAt(baselineRoot, { analyzers: [] }),
          log,
        )
      : []),
    ...(await abRounds('baseline.builtin.verdicts', verdictConversations(here), current, baseline, log)),
  ];
}
