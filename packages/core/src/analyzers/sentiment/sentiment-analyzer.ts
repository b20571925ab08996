import { builtinLexicon } from '../../lexicon/builtin.js';
import { compileLexicons } from '../../lexicon/compile.js';
import type { Lexicon } from '../../lexicon/schema.js';
import type { Analyzer, AnalyzerContext, AnalyzerOutput, MessageView } from '../../pipeline/analyze/contract.js';
import type { Finding } from '../../pipeline/validate/finding.js';
import { pushAll } from '../../util/arrays.js';
import { patternFindings, type ScoredMessage, soothingRate, threatFindings } from './escalation.js';
import { polarityOf, softPolarityOf, type TextClassifier } from './model/classifier.js';
import { builtinEmotionModel, builtinSentimentModel, predictMessage, type SentimentModel } from './model/linear-model.js';
import { builtinMoodCues, compileMoodCues, DEFAULT_MOOD_THRESHOLDS, type MessageMood, type MoodThresholds } from './model/mood.js';
import { customerEffort, judgeOutcome, outcomeBase, outcomeMood } from './outcome.js';

export const SENTIMENT_ANALYZER_VERSION = '0.8.0';

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
  /** Mood cues per language (default: the shipped `sentiment/mood-cues.json`); see `compileMoodCues`. */
  moodCues?: unknown;
  /** Model thresholds for messages without any cue (default −0.7 / 0.7). */
  moodThresholds?: Partial<MoodThresholds>;
  /** This many negative customer messages are an escalation risk (default 3). */
  repeatedComplaints?: number;
  /** `metadata.orderValue` at or above this makes a negative ending a large-order complaint (default 500). */
  largeOrderValue?: number;
}

const round = (x: number) => Math.round(x * 1000) / 1000;
type Scored = { m: MessageView; polarity: number | null; soft: number | null; label: string | null; mood: MessageMood | null; by: string };
const LETTER = /\p{L}/gu;

/**
 * `text` without its bracketed spans ("[image]"): what `text.replace(/\[[^\]]*\]/gu, '')` returns, in one
 * pass. The regex tried every "[" against the rest of the text, quadratic when no "]" follows
 * (450 ms for a message of 20,000 "["); a "[" with no "]" after it means no later one has one either.
 */
export function withoutBracketed(text: string): string {
  let out = '';
  let from = 0;
  for (;;) {
    const open = text.indexOf('[', from);
    if (open < 0) break;
    const close = text.indexOf(']', open + 1);
    if (close < 0) break;
    out += text.slice(from, open);
    from = close + 1;
  }
  return out + text.slice(from);
}

/** Left to right, as `xs.reduce((a, b) => a + b, 0)`. */
function sum(xs: readonly number[]): number {
  let total = 0;
  for (const x of xs) total += x;
  return total;
}

/** The mood rests on a complaint word or a customer leaving. */
function negativeCue(mood: MessageMood): boolean {
  for (const c of mood.cues) if (c.kind === 'negative' || c.kind === 'leaving') return true;
  return false;
}

/** A start with no complaint word and a model that does not lean negative. */
function calmStart(mood: MessageMood): boolean {
  return mood.label !== 'negative' && !negativeCue(mood) && (mood.cues.length > 0 || mood.model === null || mood.model > -0.3);
}

/** The text of each of the message's mood cues. */
function cueTexts(s: { m: MessageView; mood: MessageMood }): string[] {
  const out: string[] = [];
  for (const c of s.mood.cues) out.push(s.m.view.normalized.slice(c.start, c.end));
  return out;
}

/**
 * A message that says something: a mood cue (an angry emoji counts), or two letters or more
 * outside bracketed placeholders ("[image]") — not just an order number.
 */
function informative(s: { m: MessageView; mood: MessageMood }): boolean {
  for (const c of s.mood.cues) if (c.kind !== 'neutral_form') return true;
  const normalized = s.m.view.normalized;
  const text = normalized.includes('[') ? withoutBracketed(normalized) : normalized;
  // the first two letters decide (no array of every letter)
  LETTER.lastIndex = 0;
  let letters = 0;
  while (letters < 2 && LETTER.exec(text)) letters++;
  return letters >= 2;
}

/**
 * The customer's mood across a conversation. Per message: the polarity of the classifier, the
 * given or the shipped model of the message's language (−1 … 1), turned into a mood (negative,
 * neutral, positive) with the language's cues — questions, requests and polite closings are
 * neutral, negations and litotes ("not bad at all") are not negative, angry emoji are. Then:
 * start and end mood, whether it worsened or stayed negative, the customer's outcome at the end
 * (resolved, unresolved, dissatisfied), soothing by agent turns, the agent's tone, the customer's
 * emotion, and escalation risk (a threat to charge back, dispute, review badly, sue or report;
 * repeated complaints; large-order complaints).
 *
 * @example
 * const inspector = createInspector({ analyzers: [timingAnalyzer(), sentimentAnalyzer()] });
 */
export function sentimentAnalyzer(options: SentimentOptions = {}): Analyzer {
  const escalation = compileLexicons([options.escalation ?? builtinLexicon('escalation')]);
  const cues = options.moodCues === undefined ? builtinMoodCues() : compileMoodCues(options.moodCues);
  const thresholds: MoodThresholds = { ...DEFAULT_MOOD_THRESHOLDS, ...options.moodThresholds };
  const classifier = options.classifier;
  const usesClassifier = (language: string) => !!classifier && (!classifier.languages || classifier.languages.includes(language));
  const modelFor = (language: string) => options.models?.[language] ?? builtinSentimentModel(language);
  const emotionFor = (language: string) => (options.emotionModels === false ? null : (options.emotionModels?.[language] ?? builtinEmotionModel(language)));
  const knowsLanguage = (language: string) => cues.languages.includes(language);

  /** Cues of the message's language; a message too short to identify ("🤬🤬", "ok") takes its speaker's language. */
  const moodOf = (s: Scored, speaker: string): MessageMood | null => {
    const language = knowsLanguage(s.m.language) ? s.m.language : s.m.language === 'und' && knowsLanguage(speaker) ? speaker : null;
    if (s.polarity === null && language === null) return null;
    return cues.moodOf(s.m.view.normalized, language ?? s.m.language, { polarity: s.polarity, soft: s.soft, label: s.label }, thresholds, s.m.analysis);
  };

  /** Polarity per conversational message in chronological order; a promise only when the classifier is needed. */
  function score(ctx: AnalyzerContext): Scored[] | Promise<Scored[]> {
    const scored: Scored[] = [];
    const remote: Scored[] = [];
    for (const i of ctx.chronological) {
      const m = ctx.messages[i]!;
      if (m.role !== 'customer' && m.role !== 'agent') continue;
      const s: Scored = { m, polarity: null, soft: null, label: null, mood: null, by: '' };
      scored.push(s);
      if (!m.text.trim()) continue;
      if (usesClassifier(m.language)) {
        remote.push(s);
        continue;
      }
      const model = modelFor(m.language);
      if (model) {
        const prediction = predictMessage(model, m);
        Object.assign(s, {
          polarity: polarityOf(prediction),
          soft: softPolarityOf(prediction),
          label: model.labels.includes('neutral') ? prediction.label : null,
          by: `sentiment.model.${m.language}`,
        });
      } else if (knowsLanguage(m.language)) s.by = `sentiment.cues.${m.language}`;
    }
    const withMood = () => {
      for (const s of scored) if (s.m.text.trim()) s.mood = moodOf(s, ctx.languages[s.m.role]);
      return scored;
    };
    if (!remote.length) return withMood();
    return classifier!
      .classify(
        remote.map((s) => s.m.text),
        { signal: ctx.signal },
      )
      .then((predictions) => {
        remote.forEach((s, k) =>
          Object.assign(s, {
            polarity: predictions[k] ? polarityOf(predictions[k]) : null,
            soft: predictions[k] ? softPolarityOf(predictions[k]) : null,
            label: predictions[k] && 'neutral' in predictions[k]!.scores ? predictions[k]!.label : null,
            by: classifier!.id,
          }),
        );
        return withMood();
      });
  }

  function judge(ctx: AnalyzerContext, scored: Scored[]): AnalyzerOutput {
    const findings: Finding[] = [];
    const threats = new Set<number>();
    for (const s of scored) {
      if (s.m.role !== 'customer') continue;
      const found = threatFindings(escalation, s.m);
      if (found.length) threats.add(s.m.index);
      pushAll(findings, found);
    }
    // loops, not per-call arrows (see scoreConversation, decision 204)
    const customer: (Scored & { mood: MessageMood })[] = [];
    const agent: number[] = [];
    const telling: (Scored & { mood: MessageMood })[] = [];
    let negativeCustomer = 0;
    for (const s of scored) {
      if (s.mood === null) continue;
      if (s.m.role === 'customer') {
        const c = s as Scored & { mood: MessageMood };
        customer.push(c);
        // start and end are read from messages that say something: an order number or a photo placeholder does not
        if (informative(c)) telling.push(c);
        if (c.mood.label === 'negative') negativeCustomer++;
      } else if (s.m.role === 'agent') agent.push(s.mood.score);
    }
    const first = telling[0] ?? customer[0];
    const last = telling.at(-1) ?? customer.at(-1);
    // worsened needs evidence at both ends: a start with no complaint word and a model that does not
    // lean negative, and an end whose negative reading rests on a cue, not on the model alone
    if (customer.length >= 2 && first && last) {
      const rule = {
        id: last.by,
        kind: 'model' as const,
        rawScore: last.mood.model ?? last.mood.score,
        score: last.mood.score,
        detail: { start: first.mood.label, end: last.mood.label, cues: cueTexts(last) },
      };
      // a customer who came in negative and left negative is unresolved, however the middle went;
      // worsened is for a customer who came in neutral or content
      if (first.mood.label === 'negative' && last.mood.label === 'negative') {
        findings.push({
          analyzer: 'sentiment',
          code: 'sentiment.unresolved_negative',
          severity: 'info',
          messageIndex: last.m.index,
          explanation: `the customer was negative at the start (message ${first.m.index}) and still is at the end (${last.mood.score})`,
          rule,
          suggestion: 'follow up until the customer confirms the issue is solved',
        });
      } else if (last.mood.label === 'negative' && negativeCue(last.mood) && calmStart(first.mood)) {
        findings.push({
          analyzer: 'sentiment',
          code: 'sentiment.customer_worsened',
          severity: 'info',
          messageIndex: last.m.index,
          explanation: `the customer came in ${first.mood.label} and ends negative (${last.mood.score}) over ${customer.length} messages`,
          rule,
          suggestion: 'acknowledge the frustration and give a concrete next step',
        });
      }
    }
    const orderValue = ctx.conversation.metadata?.orderValue;
    const asScored: ScoredMessage[] = [];
    for (const s of customer) asScored.push({ m: s.m, p: s.mood.label === 'negative' ? Math.min(s.mood.score, -0.4) : s.mood.score });
    pushAll(
      findings,
      patternFindings(asScored, -0.4, options.repeatedComplaints ?? 3, typeof orderValue === 'number' ? orderValue : null, options.largeOrderValue ?? 500),
    );
    const sequenced: { m: MessageView; mood: MessageMood | null }[] = [];
    const sequence: { role: 'customer' | 'agent'; p: number | null }[] = [];
    for (const s of scored) {
      sequenced.push({ m: s.m, mood: s.m.role === 'customer' ? s.mood : null });
      sequence.push({ role: s.m.role as 'customer' | 'agent', p: s.mood?.score ?? null });
    }
    // a language the cues do not know reads with the customer's
    const cueLanguage = (language: string) => (knowsLanguage(language) ? language : ctx.languages.customer);
    const redirects = (m: MessageView) => cues.redirects(m.view.normalized, cueLanguage(m.language), m.analysis);
    const rhetorical = (sentence: string, language: string) => cues.rhetorical(sentence, cueLanguage(language));
    const outcome = judgeOutcome({ sequence: sequenced, threats, redirects });
    const effort = customerEffort({ sequence: sequenced, redirects, rhetorical });
    const emotion = (s: Scored | undefined) => (s?.m.text.trim() ? (emotionFor(s.m.language)?.predict(s.m.text, s.m.view.normalized).label ?? null) : null);
    const start = first?.mood.score ?? null;
    const end = last?.mood.score ?? null;
    // the outcome dimension's base: how the customer ends and felt on the way (model-only readings halved, an answered end halved),
    // 0 (dissatisfied) … 1 (content), lowered by the requests for information left unanswered (see outcomeBase;
    // moves to another channel are only counted)
    // an agent message after the customer's last telling message answered it: how the customer felt after that is not known
    const lastAt = last ? scored.indexOf(last) : -1;
    let answered = false;
    if (lastAt >= 0) for (let k = lastAt + 1; k < scored.length && !answered; k++) answered = scored[k]!.m.role === 'agent';
    const moods: MessageMood[] = [];
    for (const s of customer) moods.push(s.mood);
    const mood = outcomeMood(last?.mood, moods, answered);
    const outcomeScore = outcomeBase(outcome.outcome, mood, effort);
    return {
      scores: { sentiment: customer.length ? 1 : null, outcome: outcomeScore },
      findings,
      metrics: {
        'sentiment.customerStart': start,
        'sentiment.customerEnd': end,
        'sentiment.customerMoodStart': first?.mood.label ?? null,
        'sentiment.customerMoodEnd': last?.mood.label ?? null,
        'sentiment.customerTrend': start !== null && end !== null ? round(end - start) : null,
        'sentiment.outcome': outcome.outcome,
        'sentiment.outcomeReason': outcome.why,
        'sentiment.outcomeMood': mood,
        'sentiment.unansweredQuestions': effort.unansweredQuestions,
        'sentiment.channelRedirects': effort.channelRedirects,
        'sentiment.customerEmotionStart': emotion(first),
        'sentiment.customerEmotionEnd': emotion(last),
        'sentiment.agentTone': agent.length ? round(sum(agent) / agent.length) : null,
        'sentiment.scoredMessages': customer.length + agent.length,
        'sentiment.negativeCustomerMessages': negativeCustomer,
        'sentiment.soothed': customer.length >= 2 && first && last ? (first.mood.label === 'negative' && last.mood.label !== 'negative' ? 1 : 0) : null,
        'sentiment.soothingRate': soothingRate(sequence, -0.4),
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
