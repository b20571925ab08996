import type { MessageView } from '../../analyzer/contract.js';
import type { Finding } from '../../schemas/finding.js';
import type { AddressRules } from './rules.js';

export type FormalityChoice = 'formal' | 'informal' | 'any';

const SENTENCES = /[^。！？!?.\n]+[。！？!?.]*/gu;
const TRAILING = /[\s。！？!?.~～…」』)）]+$/u;

/**
 * Form-of-address checks for one language: with `formal` expected, informal pronouns (de du, fr tu,
 * es tú, zh 你) or plain-form sentence endings (ja, ko) are findings; with `informal`, the formal
 * forms are. The customer's own informal address earlier in the conversation allows the agent to
 * mirror it.
 */
export function addressFindings(rules: AddressRules, language: string, expect: FormalityChoice, agent: MessageView, customerInformal: boolean): Finding[] {
  const lang = rules.languages[language];
  if (!lang || expect === 'any' || (expect === 'formal' && customerInformal)) return [];
  const source = expect === 'formal' ? lang.informal : lang.formal;
  const findings: Finding[] = [];
  const flag = (start: number, end: number) =>
    findings.push({
      analyzer: 'courtesy', code: expect === 'formal' ? 'culture.informal_address' : 'culture.formal_address', severity: 'minor', messageIndex: agent.index,
      span: { start, end }, evidence: agent.text.slice(start, end),
      explanation: `"${agent.text.slice(start, end)}" — ${lang.why}`,
      rule: { id: `address.${language}.${expect}`, kind: 'pattern', detail: { expected: expect } },
      suggestion: lang.suggestion,
    });
  if (lang.sentenceEnd) {
    const end = new RegExp(source, 'u');
    const polite = expect === 'formal' ? new RegExp(lang.formal, 'u') : null;
    for (const s of agent.text.matchAll(SENTENCES)) {
      const body = s[0].replace(TRAILING, '');
      if (body.length < 2 || (polite && polite.test(body)) || !end.test(body)) continue;
      flag(s.index, s.index + body.length);
    }
    return findings.slice(0, 1);
  }
  // German formal pronouns are told from sie (she, they) only by their capital
  const hit = new RegExp(source, expect === 'informal' && language === 'de' ? 'u' : 'iu').exec(agent.text);
  if (hit) flag(hit.index, hit.index + hit[0].length);
  return findings;
}

/** Does the customer address the agent informally (so the agent may mirror it)? */
export function usesInformal(rules: AddressRules, language: string, m: MessageView): boolean {
  const lang = rules.languages[language];
  if (!lang) return false;
  if (!lang.sentenceEnd) return new RegExp(lang.informal, 'iu').test(m.text);
  return [...m.text.matchAll(SENTENCES)].some((s) => new RegExp(lang.informal, 'u').test(s[0].replace(TRAILING, '')));
}
