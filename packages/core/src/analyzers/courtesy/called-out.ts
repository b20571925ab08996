import type { MessageView } from '../../pipeline/analyze/contract.js';
import type { Finding, Severity } from '../../pipeline/validate/finding.js';
import { compileRuleRegex } from '../../util/linear-regex.js';
import { compilePattern, isShipped } from '../../util/pattern-engine.js';
import { foldChinese } from './conduct.js';
import type { ConductRules } from './conduct-rules.js';
import { AGENT_LAUGH } from './laughter.js';

/**
 * Severity of a laugh the customer objected to in their next message: critical (misconduct the
 * customer named fails the conversation). Measured blind in decision 160, docs/precision.md.
 */
export const CALLED_OUT_SEVERITY: Severity = 'critical';

export interface CalledOut {
  /** Does this customer message object to the agent's laugh or tone? False when the language has no list. */
  objects(language: string, normalized: string): boolean;
  /**
   * The finding for an agent message whose laugh the customer objected to in `objection` (their
   * message), spanning the laugh; null when the agent message holds no laugh.
   */
  finding(agent: MessageView, language: string, objection: MessageView): Finding | null;
}

/** The `calledOut` lists of conduct rule files (one per language), compiled. */
export function compileCalledOut(files: readonly ConductRules[]): CalledOut {
  const byLanguage = new Map<string, RegExp[]>();
  for (const file of files) {
    if (!file.calledOut) continue;
    const regexes = file.calledOut.patterns.map((source) =>
      isShipped(file) ? compileRuleRegex(source) : compilePattern(source, 'gu', 'user', `conduct rules (${file.language})`),
    );
    byLanguage.set(file.language, [...(byLanguage.get(file.language) ?? []), ...regexes]);
  }
  const objects = (language: string, normalized: string) => {
    const list = byLanguage.get(language);
    if (!list) return false;
    const text = language === 'zh' ? foldChinese(normalized) : normalized;
    return list.some((re) => {
      re.lastIndex = 0;
      return re.test(text);
    });
  };
  return {
    objects,
    finding(agent, language, objection) {
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
        explanation: `"${quote}": the customer objected to this laugh or tone in their next message (${objection.index}); it read as mockery`,
        rule: { id: `${language}.sarcastic.called_out`, kind: 'rule', detail: { kind: 'sarcastic', objection: objection.index } },
        suggestion: 'apologise for the tone, then answer the problem; keep laughter for when the customer jokes first',
      };
    },
  };
}
