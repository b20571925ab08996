/**
 * Every firing of chosen rules on the `tune` half of the real conversations (satisfaction-stc3-dev
 * tune half, zh and en, plus ABCD), to measure a new rule before it may cost points: counts per
 * rule id, and with --out a judging packet for a reader who never saw the rules (written OUTSIDE
 * the repository: the texts are evaluation-only). `--half report` reads the report half instead,
 * only once a rule is frozen, to have its firings there judged (never to choose a rule).
 *
 *   pnpm rule-firings --rule '\.no_acknowledgement\.strict$|^zh\.sarcastic\.hehe_opening$' [--half tune|report] [--out /tmp/judge-rule] [--sample 60] [--corpora ../shared/corpora]
 *
 * `--rule` is a regex on `finding.rule.id`. More firings than --sample (default 60): a deterministic
 * sample by a hash of conversation id. The packet shows each conversation's text and the finding's
 * code, message, quote and explanation, not the rule that produced it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createInspector, type Finding } from '@cxqa/core';
import { findingKey, loadRealConversations } from '@cxqa/eval';

const { values } = parseArgs({
  options: {
    rule: { type: 'string' },
    out: { type: 'string' },
    sample: { type: 'string', default: '60' },
    half: { type: 'string', default: 'tune' },
    corpora: { type: 'string', default: '../shared/corpora' },
  },
});
if (!values.rule) throw new Error('--rule REGEX (on finding.rule.id) is required');
const rule = new RegExp(values.rule, 'u');
const fnv = (s: string) => {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h;
};
if (values.half !== 'tune' && values.half !== 'report') throw new Error(`--half ${values.half}: expected tune or report`);
const pool = loadRealConversations(resolve(values.corpora!)).filter((c) => c.half === values.half);
const inspector = createInspector();
const firings: { c: (typeof pool)[number]; f: Finding }[] = [];
for (const c of pool) for (const f of (await inspector.inspect(c.conversation)).findings) if (f.rule && rule.test(f.rule.id)) firings.push({ c, f });
const perRule = new Map<string, number>();
for (const { f } of firings) perRule.set(f.rule!.id, (perRule.get(f.rule!.id) ?? 0) + 1);
const languages = ['zh', 'en'].map((l) => `${l} ${pool.filter((c) => c.language === l).length}`).join(', ');
process.stdout.write(`${pool.length} ${values.half}-half conversations (${languages}); ${firings.length} firings of /${values.rule}/\n`);
for (const [id, n] of [...perRule].sort()) process.stdout.write(`  ${id}: ${n}\n`);

if (values.out && firings.length) {
  const chosen = [...firings].sort((a, b) => fnv(a.c.conversation.id) - fnv(b.c.conversation.id)).slice(0, Number(values.sample));
  mkdirSync(values.out, { recursive: true });
  const md: string[] = [];
  const template: string[] = [];
  for (const { c, f } of chosen) {
    const conv = c.conversation as { id: string; messages: { role: string; text: string }[] };
    md.push(`## ${conv.id} (${c.corpus}, ${c.language})`, '');
    conv.messages.forEach((m, i) => md.push(`[${i}] ${m.role}: ${m.text.replace(/\n/g, ' ')}`));
    md.push('', `Finding: ${f.code} @${f.messageIndex ?? '-'}${f.evidence ? ` "${f.evidence}"` : ''}: ${f.explanation}`, '');
    template.push(
      JSON.stringify({
        corpus: c.corpus,
        conversationId: conv.id,
        code: f.code,
        messageIndex: f.messageIndex ?? null,
        key: findingKey(conv.id, f),
        verdict: null,
        reason: null,
      }),
    );
  }
  writeFileSync(join(values.out, 'packet.md'), `${md.join('\n')}\n`);
  writeFileSync(join(values.out, 'packet.jsonl'), `${template.join('\n')}\n`);
  process.stdout.write(`packet: ${chosen.length} findings in ${values.out}\n`);
}
