/**
 * A QA lead's script: score every conversation in an export and print a per-agent report with
 * the conversations that need review.
 *
 *   pnpm example:report [examples/data/conversations.jsonl]
 */
import { createInspector, type Result } from '@cxqa/core';
import { readJsonlValues } from './read-jsonl.js';

export interface AgentRow {
  agent: string;
  conversations: number;
  meanScore: number | null;
  breaches: number;
  medianFirstResponseSeconds: number | null;
  review: string[];
}

/** Aggregate results per agent (the agent is taken from the conversation's `agentId`). */
export function agentReport(rows: { agentId: string | undefined; result: Result }[]): AgentRow[] {
  const groups = new Map<string, { agentId: string | undefined; result: Result }[]>();
  for (const row of rows) {
    const key = row.agentId ?? '(unassigned)';
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  return [...groups]
    .map(([agent, list]) => {
      const scores = list.map((r) => r.result.score).filter((s): s is number => s !== null);
      const firsts = list
        .map((r) => r.result.metrics['timing.firstResponseSeconds'])
        .filter((s): s is number => typeof s === 'number')
        .sort((a, b) => a - b);
      return {
        agent,
        conversations: list.length,
        meanScore: scores.length ? Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 10) / 10 : null,
        breaches: list.reduce((n, r) => n + r.result.findings.filter((f) => f.code.endsWith('_breach')).length, 0),
        medianFirstResponseSeconds: firsts.length ? firsts[Math.floor((firsts.length - 1) / 2)]! : null,
        review: list.filter((r) => r.result.pass === false || r.result.review.needed || r.result.status !== 'ok').map((r) => r.result.conversationId ?? '?'),
      };
    })
    .sort((a, b) => a.agent.localeCompare(b.agent));
}

export async function mainReport(path: string): Promise<void> {
  const inspector = createInspector();
  const rows: { agentId: string | undefined; result: Result }[] = [];
  const agentIds: (string | undefined)[] = [];
  async function* tap() {
    // a line that is not JSON is reported by number and skipped; JSON that is not a
    // conversation comes back as an invalid result and is listed for review
    for await (const c of readJsonlValues(path)) {
      const agentId = c !== null && typeof c === 'object' ? (c as { agentId?: unknown }).agentId : undefined;
      agentIds.push(typeof agentId === 'string' ? agentId : undefined);
      yield c;
    }
  }
  let i = 0;
  for await (const result of inspector.inspectMany(tap(), { concurrency: 4 })) rows.push({ agentId: agentIds[i++], result });
  const fmt = (s: number | null) => (s === null ? '—' : s < 3600 ? `${Math.round(s / 60)} min` : `${(s / 3600).toFixed(1)} h`);
  process.stdout.write('agent         convs  mean  breaches  median 1st reply  to review\n');
  for (const r of agentReport(rows)) {
    process.stdout.write(
      `${r.agent.padEnd(12)}  ${String(r.conversations).padStart(5)}  ${String(r.meanScore ?? '—').padStart(4)}  ${String(r.breaches).padStart(8)}  ${fmt(r.medianFirstResponseSeconds).padStart(16)}  ${r.review.join(', ') || '—'}\n`,
    );
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await mainReport(process.argv[2] ?? new URL('./data/conversations.jsonl', import.meta.url).pathname);
}
