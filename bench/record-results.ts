/**
 * Output-identity check for speed work (issue 16): records the full Result of every conversation
 * of the realistic bench corpus (bench/realistic.ts) and of both stc3 corpora, with every built-in
 * analyzer and the default scorecard, as one JSON line each — from this checkout or from another
 * one (`--root DIR`, e.g. a worktree of main with its dependencies installed).
 *
 *   node --conditions=source --import tsx bench/record-results.ts --root /tmp/speed-base --out /tmp/before.jsonl
 *   node --conditions=source --import tsx bench/record-results.ts --compare /tmp/before.jsonl
 *
 * `--compare FILE` records this checkout and compares line by line with FILE: prints the number of
 * identical and differing records and the first differing ids with the first differing field; exits
 * 1 on any difference. Results are written in input order, so equal files are byte-identical.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { loadStc3 } from '@cxqa/eval';
import { realisticConversations } from './realistic.js';

const { values } = parseArgs({
  options: {
    root: { type: 'string', default: resolve(import.meta.dirname, '..') },
    corpora: { type: 'string', default: '../shared/corpora' },
    count: { type: 'string', default: '2000' },
    out: { type: 'string' },
    compare: { type: 'string' },
  },
});
const corpora = resolve(values.corpora!);
const inputs: { corpus: string; conversation: unknown }[] = [
  ...realisticConversations(corpora, Number(values.count)).map((conversation) => ({ corpus: 'realistic', conversation })),
  ...(['en', 'zh'] as const).flatMap((lang) => (loadStc3(corpora, lang) ?? []).map((t) => ({ corpus: `stc3-${lang}`, conversation: t.conversation }))),
];
const core = (await import(pathToFileURL(resolve(values.root!, 'packages/core/src/index.ts')).href)) as {
  createInspector(): { inspect(c: unknown): Promise<unknown> };
};
const inspector = core.createInspector();
const lines: string[] = [];
for (const { corpus, conversation } of inputs) lines.push(JSON.stringify({ corpus, result: await inspector.inspect(conversation) }));
const text = `${lines.join('\n')}\n`;
if (values.out) writeFileSync(values.out, text);
process.stderr.write(`recorded ${lines.length} results from ${values.root}\n`);

/** The first path where two JSON values differ, e.g. `findings[3].span.end`. */
function firstDifference(a: unknown, b: unknown, path = ''): string | null {
  if (JSON.stringify(a) === JSON.stringify(b)) return null;
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) {
      const d = firstDifference(
        (a as Record<string, unknown>)[k],
        (b as Record<string, unknown>)[k],
        Array.isArray(a) ? `${path}[${k}]` : path ? `${path}.${k}` : k,
      );
      if (d) return d;
    }
  }
  return `${path}: ${JSON.stringify(a)?.slice(0, 160)} → ${JSON.stringify(b)?.slice(0, 160)}`;
}

if (values.compare) {
  const before = readFileSync(values.compare, 'utf8').split('\n').filter(Boolean);
  if (before.length !== lines.length) throw new Error(`${values.compare} holds ${before.length} results, this checkout recorded ${lines.length}`);
  const differing = lines.flatMap((l, i) => (l === before[i] ? [] : [i]));
  process.stdout.write(`${lines.length - differing.length} identical, ${differing.length} differing\n`);
  for (const i of differing.slice(0, 10)) {
    const [a, b] = [JSON.parse(before[i]!), JSON.parse(lines[i]!)] as { corpus: string; result: { conversationId?: string } }[];
    process.stdout.write(`  ${a!.corpus} #${i}: ${firstDifference(a!.result, b!.result)}\n`);
  }
  process.exitCode = differing.length ? 1 : 0;
}
