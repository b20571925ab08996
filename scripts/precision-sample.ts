/**
 * Build a precision sample: real conversations chosen so that every finding code the default
 * inspector emits appears at least --per-code times (half in each language where it fires that
 * often), and judging packets for independent readers (written OUTSIDE the repository: the
 * conversation texts are evaluation-only and are never committed).
 *
 *   pnpm precision:sample --round dev --out /tmp/judge-dev [--per-code 20] [--judges 4] [--corpora ../shared/corpora]
 *
 * `--round dev` samples the `tune` half of satisfaction-stc3-dev (plus ABCD): read while fixing
 * rules. `--round report` samples the `report` half: judged after the fixes; its figures are the
 * published ones. The committed list of sampled conversations is fixtures/precision/sample-<round>.json.
 * Selection is deterministic (conversations ordered by a hash of round and id).
 *
 *   pnpm precision:sample --round report --unjudged --out /tmp/judge-new
 *
 * `--unjudged` samples nothing: it re-runs the inspector on the conversations already judged in
 * that round and writes one packet with only the findings that fire now without a judgement (what
 * `cxqa eval --task precision` counts as `unjudged`), for a reader to judge after a rule change.
 * The sample file is left as it is.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createInspector, type Finding } from '@cxqa/core';
import { findingKey, judgementKey, loadJudgements, loadRealConversations, TIME_BASED_CODES } from '@cxqa/eval';

const { values } = parseArgs({
  options: {
    round: { type: 'string', default: 'dev' },
    out: { type: 'string' },
    'per-code': { type: 'string', default: '20' },
    judges: { type: 'string', default: '4' },
    corpora: { type: 'string', default: '../shared/corpora' },
    unjudged: { type: 'boolean', default: false },
  },
});
const round = values.round === 'report' ? 'report' : 'dev';
const perCode = Number(values['per-code']);
const judges = Number(values.judges);
if (!values.out) throw new Error('--out DIR is required (outside the repository)');

const fnv = (s: string) => {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h;
};
const half = round === 'dev' ? 'tune' : 'report';
const known = values.unjudged ? (loadJudgements('fixtures') ?? []).filter((j) => j.round === round) : null;
const knownKeys = new Set(known?.map(judgementKey));
const knownIds = new Set(known?.map((j) => `${j.corpus}|${j.conversationId}`));
const pool = loadRealConversations(resolve(values.corpora!)).filter((c) => (known ? knownIds.has(`${c.corpus}|${c.conversation.id}`) : c.half === half));
const inspector = createInspector();
const judged: { c: (typeof pool)[number]; findings: Finding[] }[] = [];
for (const c of pool) {
  const findings = (await inspector.inspect(c.conversation)).findings.filter((f) => !TIME_BASED_CODES.test(f.code));
  judged.push({ c, findings: known ? findings.filter((f) => !knownKeys.has(findingKey(c.conversation.id, f))) : findings });
}
if (known) {
  const fresh = judged.filter((j) => j.findings.length);
  writePackets(fresh, 1, values.out);
  process.exit(0);
}
judged.sort((a, b) => fnv(`${round}:${a.c.conversation.id}`) - fnv(`${round}:${b.c.conversation.id}`));

const count = new Map<string, number>();
for (const j of judged) for (const f of j.findings) count.set(f.code, (count.get(f.code) ?? 0) + 1);
const chosen = new Set<(typeof judged)[number]>();
const have = new Map<string, number>();
const add = (j: (typeof judged)[number]) => {
  if (chosen.has(j)) return;
  chosen.add(j);
  for (const f of j.findings) {
    const k = `${f.code}|${j.c.language}`;
    have.set(k, (have.get(k) ?? 0) + 1);
  }
};
// rarest codes first, per language: half the target in each language where the code fires
for (const code of [...count.keys()].sort((a, b) => count.get(a)! - count.get(b)!)) {
  for (const language of ['zh', 'en']) {
    for (const j of judged) {
      if ((have.get(`${code}|${language}`) ?? 0) >= perCode / 2) break;
      if (j.c.language === language && j.findings.some((f) => f.code === code)) add(j);
    }
  }
}
const sample = [...chosen];
const total = sample.reduce((a, j) => a + j.findings.length, 0);
writeFileSync(
  join('fixtures', 'precision', `sample-${round}.json`),
  `${JSON.stringify({ round, half, perCode, conversations: sample.map((j) => ({ corpus: j.c.corpus, id: j.c.conversation.id })), findings: total }, null, 2)}\n`,
);
process.stdout.write(`${sample.length} conversations, ${total} findings → fixtures/precision/sample-${round}.json\n`);

writePackets(sample, judges, values.out);

/** Judging packets: conversations split evenly by finding count; one markdown file and one JSONL template per judge. */
function writePackets(sample: { c: ReturnType<typeof loadRealConversations>[number]; findings: Finding[] }[], judges: number, out: string): void {
  mkdirSync(out, { recursive: true });
  const buckets: (typeof sample)[] = Array.from({ length: judges }, () => []);
  const load = new Array<number>(judges).fill(0);
  for (const j of [...sample].sort((a, b) => b.findings.length - a.findings.length)) {
    const k = load.indexOf(Math.min(...load));
    buckets[k]!.push(j);
    load[k]! += j.findings.length;
  }
  buckets.forEach((bucket, k) => {
    const md: string[] = [];
    const template: string[] = [];
    for (const j of bucket) {
      const conv = j.c.conversation as { id: string; messages: { role: string; text: string }[] };
      md.push(`## ${conv.id} (${j.c.corpus}, ${j.c.language})`, '');
      conv.messages.forEach((m, i) => md.push(`[${i}] ${m.role}: ${m.text.replace(/\n/g, ' ')}`));
      md.push('', 'Findings:');
      for (const f of j.findings) {
        md.push(`- ${f.code} (${f.severity}) @${f.messageIndex ?? '-'}${f.evidence ? ` "${f.evidence}"` : ''}: ${f.explanation}`);
        template.push(
          JSON.stringify({
            corpus: j.c.corpus,
            conversationId: conv.id,
            code: f.code,
            messageIndex: f.messageIndex ?? null,
            spanStart: f.code.startsWith('pii.') ? (f.span?.start ?? null) : null,
            severity: f.severity,
            key: findingKey(conv.id, f),
            verdict: null,
            reason: null,
          }),
        );
      }
      md.push('');
    }
    writeFileSync(join(out, `packet-${k + 1}.md`), `${md.join('\n')}\n`);
    writeFileSync(join(out, `packet-${k + 1}.jsonl`), `${template.join('\n')}\n`);
  });
  process.stdout.write(`packets: ${buckets.map((b, k) => `${k + 1}: ${b.length} conversations / ${load[k]} findings`).join(', ')} in ${out}\n`);
}
