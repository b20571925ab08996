/**
 * Audit agents' answers against the seller's knowledge base: every answer that contradicts a KB
 * fact, with what the agent said and what the KB says, plus the built-in analyzers' scores.
 *
 *   pnpm example:kb [fixtures/kb/kb.json] [fixtures/kb/conversations.jsonl]
 */
import { builtinAnalyzers, type ConversationInput, createInspector, kbAnalyzer, loadKnowledgeBase, type Result } from '@cxqa/core';
import { readJsonlValues } from './read-jsonl.js';

export interface KbAuditRow {
  conversation: string;
  message: number;
  fact: string;
  agentSaid: string;
  kbSays: string;
}

/** The contradicted facts in a set of results, one row per finding. */
export function contradictions(results: readonly Result[]): KbAuditRow[] {
  return results.flatMap((r) =>
    r.findings
      .filter((f) => f.code === 'kb.contradiction')
      .map((f) => {
        const detail = (f.rule?.detail ?? {}) as { fact?: string; agentValue?: string; kbValue?: string };
        return {
          conversation: r.conversationId ?? '?',
          message: f.messageIndex ?? -1,
          fact: detail.fact ?? '?',
          agentSaid: detail.agentValue ?? '?',
          kbSays: detail.kbValue ?? '?',
        };
      }),
  );
}

/** Score conversations with the built-in analyzers plus the KB check. */
export async function auditAgainstKb(kbPath: string, conversations: readonly ConversationInput[]): Promise<Result[]> {
  const kb = await loadKnowledgeBase(kbPath);
  const inspector = createInspector({ analyzers: [...builtinAnalyzers(), kbAnalyzer({ kb })] });
  return Promise.all(conversations.map((c) => inspector.inspect(c)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [kbPath = 'fixtures/kb/kb.json', input = 'fixtures/kb/conversations.jsonl'] = process.argv.slice(2);
  const conversations: ConversationInput[] = [];
  for await (const c of readJsonlValues(input)) conversations.push(c as ConversationInput); // bad lines: reported by number, skipped
  const results = await auditAgainstKb(kbPath, conversations);
  console.table(contradictions(results));
  const scored = results.filter((r) => r.score !== null);
  const invalid = results.filter((r) => r.status === 'invalid').length;
  const mean = scored.length ? (scored.reduce((a, r) => a + r.score!, 0) / scored.length).toFixed(1) : 'n/a';
  console.log(`${results.length} conversations, mean score ${mean}${invalid ? `, ${invalid} not valid conversations` : ''}`);
}
