import { esc, num, safe, table } from '../html.js';
import type { ReportView } from '../view.js';

/** The conversations needing review in the current period, worst score first, with their most severe findings as evidence (masked). */
export function reviewSection(view: ReportView): string {
  const items = view.input.review.filter((r) => r.period === view.current);
  const total = (view.current ? view.input.reviewTotals?.[view.current] : undefined) ?? items.length;
  const shown = total > items.length ? ` The ${items.length} lowest scores of ${total} are listed.` : '';
  const rows = items.map((r) => [
    `<code>${safe(r.conversationId)}</code>`,
    r.agents.map((a) => safe(a, 'agent')).join(', ') || '–',
    esc(r.startedAt.slice(0, 16).replace('T', ' ')),
    num(r.score),
    r.reasons.map((x) => safe(x)).join(', ') || 'QA failed',
    `<ul class="evidence">${r.findings
      .map(
        (f) =>
          `<li><span class="sev ${esc(f.severity)}">${esc(f.severity)}</span> <code>${safe(f.code)}</code>${f.evidence ? ` <q>${safe(f.evidence)}</q>` : ''} — ${safe(f.explanation)}</li>`,
      )
      .join('')}</ul>`,
  ]);
  return `<section id="review"><h2>Conversations to review — ${esc(view.current ?? 'no data')}</h2>
<p class="muted">${total} conversation(s): review needed or QA failed, lowest score first.${shown} Evidence is masked.</p>
${table(['Conversation', 'Agents', 'Started (UTC)', 'Score', 'Why', 'Evidence'], rows, { text: [0, 1, 4, 5] })}
</section>`;
}
