import { type CompiledLexicons, matchLexicons } from '../../lexicon/compile.js';
import type { MessageView } from '../../pipeline/analyze/contract.js';
import type { Finding } from '../../pipeline/validate/finding.js';
import { abandonedIntention } from './abandoned-intention.js';

const SUGGESTION = 'escalate to a senior agent and resolve before the customer acts';

/**
 * Escalation threats in one customer message: a term that is a threat on its own (chargeback,
 * 12315, Procon) or a phrase with the customer's intention in the same sentence ("I'll leave a
 * 1-star review", 我要投诉), not negated and not given up in its sentence ("I was going to …, but").
 * One finding per category and message.
 */
export function threatFindings(escalation: CompiledLexicons, m: MessageView): Finding[] {
  const { terms, phrases } = matchLexicons(escalation, m.view, { language: m.language }, m.analysis);
  const hits = [
    ...terms.map((t) => ({
      start: t.start,
      end: t.end,
      matched: t.matched,
      category: t.term.category,
      severity: t.term.severity,
      id: `${t.term.source}:${t.term.text}`,
    })),
    ...phrases.map((p) => ({
      start: p.start,
      end: p.end,
      matched: p.matched,
      category: p.phrase.category,
      severity: p.phrase.severity,
      id: `${p.phrase.source}:${p.phrase.id}`,
      terms: p.terms,
    })),
  ]
    // "I was going to file a complaint, but you fixed it": an intention given up is no threat
    .filter((h) => !abandonedIntention(m.language, m.view.folded, h.start, h.end))
    .sort((a, b) => a.start - b.start);
  const seen = new Set<string>();
  return hits
    .filter((h) => !seen.has(h.category) && seen.add(h.category))
    .map((hit) => ({
      analyzer: 'sentiment',
      code: 'sentiment.escalation_risk',
      severity: hit.severity,
      messageIndex: m.index,
      span: { start: hit.start, end: hit.end },
      evidence: hit.matched,
      explanation: `the customer ${'terms' in hit ? `says they will act: "${hit.matched}"` : `mentions "${hit.matched}"`} (${hit.category.replace(/_/g, ' ')}): risk of escalation`,
      rule: { id: hit.id, kind: 'lexicon', detail: { category: hit.category, ...('terms' in hit ? { terms: hit.terms } : {}) } },
      suggestion: SUGGESTION,
    }));
}

export interface ScoredMessage {
  m: MessageView;
  /** Polarity −1 … 1. */
  p: number;
}

/**
 * Escalation signals that are not single phrases: the customer complained in `repeatAfter` or more
 * messages (`sentiment.repeated_complaints`, info: read on real threads, counting negative
 * messages was too often wrong to call it an escalation threat), or a conversation about a large
 * order (metadata `orderValue` ≥ `largeOrderValue`) ends with a negative customer
 * (`sentiment.escalation_risk`).
 */
export function patternFindings(
  customer: readonly ScoredMessage[],
  negative: number,
  repeatAfter: number,
  orderValue: number | null,
  largeOrderValue: number,
): Finding[] {
  const findings: Finding[] = [];
  const complaints: ScoredMessage[] = [];
  for (const c of customer) if (c.p <= negative) complaints.push(c);
  const nth = complaints[repeatAfter - 1];
  if (nth) {
    findings.push({
      analyzer: 'sentiment',
      code: 'sentiment.repeated_complaints',
      severity: 'info',
      messageIndex: nth.m.index,
      explanation: `the customer complained in ${complaints.length} messages (messages ${complaints.map((c) => c.m.index).join(', ')}): repeated complaints precede disputes and bad reviews`,
      rule: { id: 'sentiment.repeated_complaints', kind: 'rule', detail: { complaints: complaints.length, threshold: repeatAfter } },
      suggestion: SUGGESTION,
    });
  }
  const last = customer.at(-1);
  if (last && orderValue !== null && orderValue >= largeOrderValue && last.p <= negative) {
    findings.push({
      analyzer: 'sentiment',
      code: 'sentiment.escalation_risk',
      severity: 'minor',
      messageIndex: last.m.index,
      explanation: `an order worth ${orderValue} (≥ ${largeOrderValue}) ends with a negative customer (${last.p}): a large-order complaint`,
      rule: { id: 'sentiment.large_order_complaint', kind: 'rule', detail: { orderValue, threshold: largeOrderValue } },
      suggestion: SUGGESTION,
    });
  }
  return findings;
}

/**
 * Soothing: of the agent turns that answer a negative customer message and are followed by another
 * customer message, the share after which the customer's polarity rose by at least 0.3. Null when
 * no agent turn answered a negative message.
 */
export function soothingRate(sequence: readonly { role: 'customer' | 'agent'; p: number | null }[], negative: number): number | null {
  let chances = 0;
  let soothed = 0;
  let lastCustomer: number | null = null;
  let pending: number | null = null;
  for (const s of sequence) {
    if (s.role === 'agent') {
      if (lastCustomer !== null && lastCustomer <= negative) pending = lastCustomer;
      continue;
    }
    if (s.p === null) continue;
    if (pending !== null) {
      chances++;
      if (s.p - pending >= 0.3) soothed++;
      pending = null;
    }
    lastCustomer = s.p;
  }
  return chances ? Math.round((soothed / chances) * 1000) / 1000 : null;
}
