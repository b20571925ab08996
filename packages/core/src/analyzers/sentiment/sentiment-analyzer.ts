import type { Analyzer, AnalyzerOutput, MessageView } from '../../analyzer/contract.js';
import { builtinLexicon } from '../../lexicon/builtin.js';
import { compileLexicons, matchLexicons } from '../../lexicon/compile.js';
import type { Lexicon } from '../../lexicon/schema.js';
import type { Finding } from '../../schemas/finding.js';
import { builtinSentimentModel, type SentimentModel } from '../../sentiment/linear-model.js';

export const SENTIMENT_ANALYZER_VERSION = '0.1.0';

export interface SentimentOptions {
  /** Models by language, used before the shipped ones (e.g. a transformers.js provider's). */
  models?: Record<string, SentimentModel>;
  /** Escalation lexicon (default: the shipped `escalation` lexicon). */
  escalation?: Lexicon;
  /** A customer polarity at or below this counts as negative (default -0.3). */
  negativeBelow?: number;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/**
 * The customer's mood across a conversation: polarity of each message (−1 … 1, from the
 * shipped or given model of the message's language), start and end, whether it worsened or
 * stayed negative, the agent's tone, and escalation threats (chargeback, dispute, bad review,
 * legal action, reporting).
 *
 * @example
 * const inspector = createInspector({ analyzers: [timingAnalyzer(), sentimentAnalyzer()] });
 */
export function sentimentAnalyzer(options: SentimentOptions = {}): Analyzer {
  const escalation = compileLexicons([options.escalation ?? builtinLexicon('escalation')]);
  const negative = options.negativeBelow ?? -0.3;
  const modelFor = (language: string) => options.models?.[language] ?? builtinSentimentModel(language);
  const polarity = (m: MessageView): number | null => {
    const model = modelFor(m.language);
    if (!model || !m.text.trim()) return null;
    const s = model.predict(m.text, m.view.normalized).scores;
    return round((s.positive ?? 0) - (s.negative ?? 0));
  };

  return {
    name: 'sentiment',
    version: SENTIMENT_ANALYZER_VERSION,
    analyze(ctx): AnalyzerOutput {
      const findings: Finding[] = [];
      const customer: { m: MessageView; p: number }[] = [];
      const agent: number[] = [];
      for (const i of ctx.chronological) {
        const m = ctx.messages[i]!;
        if (m.role !== 'customer' && m.role !== 'agent') continue;
        const p = polarity(m);
        if (p !== null) (m.role === 'customer' ? customer.push({ m, p }) : agent.push(p));
        if (m.role !== 'customer') continue;
        for (const hit of matchLexicons(escalation, m.view).terms) {
          findings.push({
            analyzer: 'sentiment', code: 'sentiment.escalation_risk', severity: hit.term.severity, messageIndex: m.index,
            span: { start: hit.start, end: hit.end }, evidence: hit.matched,
            explanation: `the customer mentions "${hit.matched}" (${hit.term.category.replace(/_/g, ' ')}): risk of escalation`,
            rule: { id: `${hit.term.source}:${hit.term.text}`, kind: 'lexicon', detail: { category: hit.term.category } },
            suggestion: 'escalate to a senior agent and resolve before the customer acts',
          });
        }
      }
      const start = customer[0]?.p ?? null;
      const end = customer.at(-1)?.p ?? null;
      const last = customer.at(-1)?.m;
      if (customer.length >= 2 && start !== null && end !== null && last) {
        if (end - start <= -0.5 && end <= negative) {
          findings.push({
            analyzer: 'sentiment', code: 'sentiment.customer_worsened', severity: end <= -0.6 ? 'major' : 'minor', messageIndex: last.index,
            explanation: `customer mood went from ${start} to ${end} (−1 … 1) over ${customer.length} messages`,
            rule: { id: `sentiment.model.${last.language}`, kind: 'model', rawScore: end - start, score: end },
            suggestion: 'acknowledge the frustration and give a concrete next step',
          });
        } else if (start <= negative && end <= negative) {
          findings.push({
            analyzer: 'sentiment', code: 'sentiment.unresolved_negative', severity: 'major', messageIndex: last.index,
            explanation: `customer mood stayed negative from start (${start}) to end (${end})`,
            rule: { id: `sentiment.model.${last.language}`, kind: 'model', rawScore: end, score: end },
            suggestion: 'follow up until the customer confirms the issue is solved',
          });
        }
      }
      const agentTone = agent.length ? round(agent.reduce((a, b) => a + b, 0) / agent.length) : null;
      return {
        scores: { sentiment: customer.length ? 1 : null },
        findings,
        metrics: {
          'sentiment.customerStart': start,
          'sentiment.customerEnd': end,
          'sentiment.customerTrend': start !== null && end !== null ? round(end - start) : null,
          'sentiment.agentTone': agentTone,
          'sentiment.scoredMessages': customer.length + agent.length,
          'sentiment.soothed': customer.length >= 2 && start !== null && end !== null ? (start <= negative && end > 0 ? 1 : 0) : null,
        },
      };
    },
  };
}
