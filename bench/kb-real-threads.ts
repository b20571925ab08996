/**
 * The kb analyzer on real conversations (issue 10, kind 12): runs `kbAnalyzer` with a knowledge base
 * over the tune half of satisfaction-stc3-dev (zh and en) and the ABCD chats, and prints, per
 * corpus and language, the threads that got an entry and every finding (code, how the number and
 * the entry were matched). Findings go to `--out` as JSON lines, to be read in their conversations
 * by someone who did not write the rules. The report half is not read.
 *
 *   node --conditions=source --import tsx bench/kb-real-threads.ts --kb fixtures/reported/own-s10-kb-en-only.json --out /tmp/kb-real.jsonl
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createInspector, kbAnalyzer } from '@cxqa/core';
import { loadRealConversations } from '../packages/eval/src/precision/real-conversations.js';

const { values } = parseArgs({
  options: { kb: { type: 'string' }, corpora: { type: 'string', default: '../shared/corpora' }, out: { type: 'string' } },
});
if (!values.kb) throw new Error('--kb FILE is required');
const kb = JSON.parse(readFileSync(resolve(values.kb), 'utf8'));
const inspector = createInspector({ analyzers: [kbAnalyzer({ kb })] });
const conversations = loadRealConversations(resolve(values.corpora!)).filter((c) => c.half === 'tune');
const counts = new Map<string, number>();
const add = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
const lines: string[] = [];
for (const c of conversations) {
  const r = await inspector.inspect(c.conversation);
  const where = `${c.corpus}/${c.language}`;
  add(`${where} threads`);
  if (r.metrics['kb.entries']) add(`${where} threads with an entry`);
  for (const f of r.findings) {
    const d = (f.rule?.detail ?? {}) as Record<string, unknown>;
    add(`${where} ${f.code} ${f.severity}${d.matchedBy ? ` matchedBy=${d.matchedBy}` : ''}${d.retrievedBy ? ` retrievedBy=${d.retrievedBy}` : ''}`);
    lines.push(
      JSON.stringify({
        corpus: c.corpus,
        conversationId: c.conversation.id,
        language: c.language,
        code: f.code,
        messageIndex: f.messageIndex,
        evidence: f.evidence,
        explanation: f.explanation,
      }),
    );
  }
}
for (const [k, n] of [...counts].sort()) console.log(`${String(n).padStart(5)}  ${k}`);
if (values.out) writeFileSync(values.out, lines.length ? `${lines.join('\n')}\n` : '');
