import type { Analyzer, AnalyzerContext, AnalyzerOutput, MessageView } from '../../analyzer/contract.js';
import { builtinLexicon } from '../../lexicon/builtin.js';
import { compileLexicons } from '../../lexicon/compile.js';
import type { Lexicon } from '../../lexicon/schema.js';
import type { Finding } from '../../schemas/finding.js';
import { polarityOf, type TextClassifier } from '../../sentiment/classifier.js';
import { builtinEmotionModel, builtinSentimentModel, type SentimentModel } from '../../sentiment/linear-model.js';
import { patternFindings, soothingRate, threatFindings, type ScoredMessage } from './escalation.js';

export const SENTIMENT_ANALYZER_VERSION = '0.2.0';

export interface SentimentOptions {
  /** Synchronous models by language, used before the shipped ones. */
  models?: Record<string, SentimentModel>;
  /**
   * An asynchronous batched classifier (e.g. `@cxqa/transformers`' `createTransformersClassifier`)
   * used for the languages it covers, before `models` and the shipped models. One `classify` call
   * per conversation.
   */
  classifier?: TextClassifier;
  /** Emotion models by language, used before the shipped ones (`false` turns emotions off). */
  emotionModels?: Record<string, SentimentModel> | false;
  /** Escalation lexicon (default: the shipped `escalation` lexicon). */
  escalation?: Lexicon;
  /** A customer polarity at or below this counts as negative (default -0.3). */
  negativeBelow?: number;
  /** This many negative customer messages are an escalation risk (default 3). */
  repeatedComplaints?: number;
  /** `metadata.orderValue` at or above this makes a negative ending a large-order complaint (default 500). */
  largeOrderValue?: number;
}

const round = (x: number) => Math.round(x * 1000) / 1000;
type Scored = { m: MessageView; p: number | null; by: string };

/**
 * The customer's mood across a conversation: polarity of each message (−1 … 1, from the
 * classifier, the given or the shipped model of the message's language), start and end, whether
 * it worsened or stayed negative, whether agent turns soothed it, the agent's tone, the customer's
 * emotion, and escalation risk (chargeback, dispute, bad review, legal action, reporting; repeated
 * complaints; large-order complaints).
 *
 * @example
 * const inspector = createInspector({ analyzers: [timingAnalyzer(), sentimentAnalyzer()] });
 */
export function sentimentAnalyzer(options: SentimentOptions = {}): Analyzer {
  const escalation = compileLexicons([options.escalation ?? builtinLexicon('escalation')]);
  const negative = options.negativeBelow ?? -0.3;
  const classifier = options.classifier;
  const usesClassifier = (language: string) => !!classifier && (!classifier.languages || classifier.languages.includes(language));
  const modelFor = (language: string) => options.models?.[language] ?? builtinSentimentModel(language);
  const emotionFor = (language: string) => (options.emotionModels === false ? null : (options.emotionModels?.[language] ?? builtinEmotionModel(language)));

  /** Polarity per conversational message in chronological order; a promise only when the classifier is needed. */
  function score(ctx: AnalyzerContext): Scored[] | Promise<Scored[]> {
    const scored: Scored[] = [];
    const remote: Scored[] = [];
    for (const i of ctx.chronological) {
      const m = ctx.messages[i]!;
      if (m.role !== 'customer' && m.role !== 'agent') continue;
      const s: Scored = { m, p: null, by: '' };
      scored.push(s);
      if (!m.text.trim()) continue;
      if (usesClassifier(m.language)) {
        remote.push(s);
        continue;
      }
      const model = modelFor(m.language);
      if (model) Object.assign(s, { p: polarityOf(model.predict(m.text, m.view.normalized)), by: `sentiment.model.${m.language}` });
    }
    if (!remote.length) return scored;
    return classifier!.classify(remote.map((s) => s.m.text), { signal: ctx.signal }).then((predictions) => {
      remote.forEach((s, k) => Object.assign(s, { p: predictions[k] ? polarityOf(predictions[k]) : null, by: classifier!.id }));
      return scored;
    });
  }

  function judge(ctx: AnalyzerContext, scored: Scored[]): AnalyzerOutput {
    const findings: Finding[] = [];
    for (const s of scored) if (s.m.role === 'customer') findings.push(...threatFindings(escalation, s.m));
    const customer = scored.filter((s): s is Scored & ScoredMessage => s.m.role === 'customer' && s.p !== null);
    const agent = scored.filter((s) => s.m.role === 'agent' && s.p !== null).map((s) => s.p!);
    const first = customer[0];
    const last = customer.at(-1);
    const start = first?.p ?? null;
    const end = last?.p ?? null;
    if (customer.length >= 2 && first && last) {
      const rule = { id: last.by, kind: 'model' as const };
      // a customer who came in negative and left negative is unresolved, however the middle went;
      // worsened is for a customer who came in content or neutral
      if (first.p <= negative && last.p <= negative) {
        findings.push({
          analyzer: 'sentiment', code: 'sentiment.unresolved_negative', severity: 'major', messageIndex: last.m.index,
          explanation: `customer mood stayed negative from start (${first.p}) to end (${last.p})`,
          rule: { ...rule, rawScore: last.p, score: last.p },
          suggestion: 'follow up until the customer confirms the issue is solved',
        });
      } else if (last.p - first.p <= -0.5 && last.p <= negative) {
        findings.push({
          analyzer: 'sentiment', code: 'sentiment.customer_worsened', severity: last.p <= -0.6 ? 'major' : 'minor', messageIndex: last.m.index,
          explanation: `customer mood went from ${first.p} to ${last.p} (−1 … 1) over ${customer.length} messages`,
          rule: { ...rule, rawScore: round(last.p - first.p), score: last.p },
          suggestion: 'acknowledge the frustration and give a concrete next step',
        });
      }
    }
    const orderValue = ctx.conversation.metadata?.orderValue;
    findings.push(...patternFindings(customer, negative, options.repeatedComplaints ?? 3, typeof orderValue === 'number' ? orderValue : null, options.largeOrderValue ?? 500));
    const emotion = (s: ScoredMessage | undefined) => (s && s.m.text.trim() ? (emotionFor(s.m.language)?.predict(s.m.text, s.m.view.normalized).label ?? null) : null);
    const sequence = scored.map((s) => ({ role: s.m.role as 'customer' | 'agent', p: s.p }));
    return {
      scores: { sentiment: customer.length ? 1 : null },
      findings,
      metrics: {
        'sentiment.customerStart': start,
        'sentiment.customerEnd': end,
        'sentiment.customerTrend': start !== null && end !== null ? round(end - start) : null,
        'sentiment.customerEmotionStart': emotion(first),
        'sentiment.customerEmotionEnd': emotion(last),
        'sentiment.agentTone': agent.length ? round(agent.reduce((a, b) => a + b, 0) / agent.length) : null,
        'sentiment.scoredMessages': customer.length + agent.length,
        'sentiment.soothed': customer.length >= 2 && start !== null && end !== null ? (start <= negative && end > 0 ? 1 : 0) : null,
        'sentiment.soothingRate': soothingRate(sequence, negative),
      },
    };
  }

  return {
    name: 'sentiment',
    version: SENTIMENT_ANALYZER_VERSION,
    analyze(ctx) {
      const scored = score(ctx);
      return Array.isArray(scored) ? judge(ctx, scored) : scored.then((s) => judge(ctx, s));
    },
  };
}
