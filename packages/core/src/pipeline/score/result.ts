import type { AnalyzerOutput } from '../analyze/contract.js';
import { mergeFindings } from '../analyze/merge-findings.js';
import type { PreparedConversation } from '../normalize/context.js';
import type { Finding } from '../validate/finding.js';
import type { Issue, MetricValue, Result, Versions } from '../validate/result.js';
import type { Scorecard } from '../validate/scorecard.js';
import { type ConversationFacts, NO_FACTS, withFindingIds } from './conversation-facts.js';
import { maskResult } from './mask-result.js';
import { resultDimensions, reviewOf, scoreConversation } from './score.js';

/** The result for input that could not be validated or parsed (masked: issue messages may quote the input). */
export function invalidResult(conversationId: string | null, issues: Issue[], versions: Versions): Result {
  return maskResult({
    ...NO_FACTS,
    conversationId,
    status: 'invalid',
    score: null,
    pass: null,
    dimensions: [],
    findings: [],
    metrics: {},
    issues,
    review: { needed: false, reasons: [] },
    versions,
  });
}

/** The conversation id of raw input when it has a string one, else null (read before validation). */
export function inputIdOf(input: unknown): string | null {
  const id = (input as { id?: unknown } | null | undefined)?.id;
  return typeof id === 'string' ? id : null;
}

/** The `partial` result of a conversation the engine could not finish (its fault, never the input's): no scores, the issue says why. Masked. */
export function unfinishedResult(conversationId: string | null, issue: Issue, versions: Versions): Result {
  return { ...invalidResult(conversationId, [issue], versions), status: 'partial' };
}

/** Findings by message, conversation-level ones (no index) first; a module-level comparator, not an arrow per call (decision 204). */
const byMessage = (a: Finding, b: Finding): number => (a.messageIndex ?? -1) - (b.messageIndex ?? -1);

/** Merge analyzer outputs into one scored Result, personal data masked in every string (see `maskResult`). */
export function assembleResult(
  prepared: PreparedConversation,
  outputs: ReadonlyMap<string, AnalyzerOutput>,
  issues: Issue[],
  scorecard: Scorecard,
  versions: Versions,
  facts: ConversationFacts,
): Result {
  const found: Finding[] = [];
  const metrics: Record<string, MetricValue> = {
    'conversation.messageCount': prepared.messages.length,
    'language.customer': prepared.languages.customer,
    'language.agent': prepared.languages.agent,
  };
  const bases = new Map<string, number[]>();
  for (const out of outputs.values()) {
    for (const f of out.findings) found.push(f);
    Object.assign(metrics, out.metrics);
    for (const [dim, v] of Object.entries(out.scores)) {
      if (v === null) continue;
      const list = bases.get(dim) ?? [];
      list.push(v);
      bases.set(dim, list);
    }
  }
  found.sort(byMessage);
  const findings = mergeFindings(found);
  const t = prepared.translation;
  if (t) {
    metrics['translation.translator'] = t.translator;
    metrics['translation.translated'] = prepared.messages.filter((m) => m.translation !== undefined).length;
    metrics['translation.untranslated'] = t.untranslated;
  }
  const scored = scoreConversation(scorecard, bases, findings);
  const failedAnalyzer = issues.some((i) => i.analyzer !== undefined || i.code === 'translation_failed');
  const dimensions = resultDimensions(scored);
  // every key written out (see maskResult: a spread followed by keys is V8's slow path)
  const result: Result = {
    schemaVersion: facts.schemaVersion,
    agentIds: facts.agentIds,
    startedAt: facts.startedAt,
    endedAt: facts.endedAt,
    platform: facts.platform,
    channel: facts.channel,
    inquiryType: facts.inquiryType,
    customerKey: facts.customerKey,
    resolved: facts.resolved,
    csat: facts.csat,
    converted: facts.converted,
    conversationId: prepared.conversation.id,
    status: failedAnalyzer ? 'partial' : 'ok',
    score: scored.score,
    pass: scored.pass,
    dimensions,
    findings: withFindingIds(prepared.conversation.id, findings),
    metrics,
    issues,
    review: reviewOf(scorecard, findings, metrics),
    versions,
  };
  if (t) {
    result.translations = prepared.messages
      .filter((m) => m.translation !== undefined)
      .map((m) => ({ messageIndex: m.index, from: m.language, to: t.to, text: m.translation! }));
  }
  return maskResult(result);
}
