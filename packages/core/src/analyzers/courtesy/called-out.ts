import type { MessageView } from '../../pipeline/analyze/contract.js';
import type { MessageAnalysis } from '../../pipeline/analyze/message-analysis.js';
import type { Finding, Severity } from '../../pipeline/validate/finding.js';
import { sentences } from '../../text/sentences.js';
import { foldChinese } from './conduct.js';
import { type ConductList, type ConductListPart, type ConductRules, conductList, conductListPart, testConductList } from './conduct-rules.js';
import { AGENT_LAUGH } from './laughter.js';

/**
 * Severity of a laugh the customer objected to in their next message: critical (misconduct the
 * customer named fails the conversation). Measured blind in decision 160, docs/precision.md.
 */
export const CALLED_OUT_SEVERITY: Severity = 'critical';

/**
 * Severity of `politeness.tone_objected`: info. The customer's objection is no proof the agent was at
 * fault — writers who never saw the rules judged the agent at fault in half to two thirds of such replies —
 * so it asks for review (`customer_objected_to_tone`) and does not fail the conversation (decision 161).
 */
export const TONE_OBJECTED_SEVERITY: Severity = 'info';

/** What a customer's objection is about: the agent's laugh, or its tone and attitude. */
export type Objection = 'laugh' | 'tone';

export interface CalledOut {
  /**
   * Does this customer message object to the agent's laugh (or tone)? False when the language has
   * no list. `analysis`: the message's shared analysis when `normalized` is its `view.normalized`
   * (the list's prefilter then reads the message's one shared scan; the same answer).
   */
  objects(objection: Objection, language: string, normalized: string, analysis?: MessageAnalysis): boolean;
  /**
   * The finding for an agent message whose laugh the customer objected to in `objection` (their
   * message), spanning the laugh; null when the agent message holds no laugh.
   */
  laughFinding(agent: MessageView, language: string, objection: MessageView): Finding | null;
}

/** The `calledOut` lists of conduct rule files (one per language), compiled. */
export function compileCalledOut(files: readonly ConductRules[]): CalledOut {
  const parts: Record<Objection, Map<string, ConductListPart[]>> = { laugh: new Map(), tone: new Map() };
  for (const file of files) {
    for (const objection of ['laugh', 'tone'] as const) {
      const sources = file.calledOut?.[objection].patterns ?? [];
      if (!sources.length) continue;
      const byLanguage = parts[objection];
      byLanguage.set(file.language, [...(byLanguage.get(file.language) ?? []), conductListPart(file, sources)]);
    }
  }
  const lists: Record<Objection, Map<string, ConductList>> = { laugh: new Map(), tone: new Map() };
  for (const objection of ['laugh', 'tone'] as const)
    for (const [language, list] of parts[objection]) lists[objection].set(language, conductList(language, list));
  return {
    objects(objection, language, normalized, analysis) {
      const list = lists[objection].get(language);
      if (!list) return false;
      return testConductList(list, language === 'zh' ? foldChinese(normalized) : normalized, analysis);
    },
    laughFinding(agent, language, objection) {
      const laugh = AGENT_LAUGH.exec(agent.view.normalized);
      if (!laugh) return null;
      const span = agent.view.toOriginalSpan(laugh.index, laugh.index + laugh[0].length);
      const quote = agent.text.slice(span.start, span.end);
      return {
        analyzer: 'courtesy',
        code: 'politeness.sarcastic',
        severity: CALLED_OUT_SEVERITY,
        messageIndex: agent.index,
        span,
        evidence: quote,
        explanation: `"${quote}": the customer objected to this laugh or tone in their next message; it read as mockery`,
        rule: { id: `${language}.sarcastic.called_out`, kind: 'rule', detail: { kind: 'sarcastic', objection: objection.index } },
        suggestion: 'apologise for the tone, then answer the problem; keep laughter for when the customer jokes first',
      };
    },
  };
}

/**
 * `politeness.tone_objected` on an agent reply whose tone the customer objected to in their next
 * message (`objection`), spanning the reply's first sentence (decision 161). It claims the
 * customer's objection, not the agent's fault.
 */
export function toneObjectedFinding(agent: MessageView, language: string, objection: MessageView): Finding {
  const first = sentences(agent.text).find((p) => p.text.trim()) ?? { start: 0, text: agent.text };
  const end = first.start + first.text.trimEnd().length;
  const quote = agent.text.slice(first.start, end);
  return {
    analyzer: 'courtesy',
    code: 'politeness.tone_objected',
    severity: TONE_OBJECTED_SEVERITY,
    messageIndex: agent.index,
    span: { start: first.start, end },
    evidence: quote,
    explanation: 'the customer objected to the tone of this reply in their next message; a reviewer decides whether the reply was at fault',
    rule: { id: `${language}.tone_objected`, kind: 'rule', detail: { objection: objection.index } },
    suggestion: 'acknowledge how the reply came across, apologise, and answer the request plainly and politely',
  };
}
