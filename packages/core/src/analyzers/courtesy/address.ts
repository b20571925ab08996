import type { MessageView } from '../../pipeline/analyze/contract.js';
import type { Finding } from '../../pipeline/validate/finding.js';
import { insideSpan, quotedSpans } from '../../text/quotes.js';
import { compilePattern, isShipped } from '../../util/pattern-engine.js';
import { PhraseFilter } from '../../util/phrase-filter.js';
import type { AddressRules } from './rules.js';

export type FormalityChoice = 'formal' | 'informal' | 'any';

const SENTENCES = /[^。！？!?.\n]+[。！？!?.]*/gu;
const TRAILING = /[\s。！？!?.~～〜…」』)）]+$/u;
const QUESTION = /[？?][\s。！？!?.~～〜…」』)）]*$/u;

interface CompiledLanguage {
  informal: RegExp;
  formal: RegExp;
  /** `informal` and `formal` with the `g` flag, to step past forms inside quotation marks. */
  informalAll: RegExp;
  formalAll: RegExp;
  customerInformal: RegExp | null;
  sentenceEnd: boolean;
  why: string;
  suggestion: string;
  /** Prefilter over [informal, formal] (shipped rules; a brand's always run). */
  filter: PhraseFilter | null;
}

/** May the informal (slot 0) or formal (slot 1) pattern match this message's `view.folded` (anywhere in it)? */
function may(lang: CompiledLanguage, m: MessageView, slot: 0 | 1): boolean {
  return !lang.filter || lang.filter.mayMatch(m.analysis)[slot] === 1;
}

/** Address rules with every pattern compiled once. */
export type CompiledAddress = ReadonlyMap<string, CompiledLanguage>;

/**
 * Compile the per-language patterns: sentence-end patterns (ja, ko) and case-sensitive formal
 * forms (de `Sie`) match as written, the rest case-insensitively.
 */
export function compileAddress(rules: AddressRules): CompiledAddress {
  // shipped rules run on V8 (checked linear), a brand's on RE2 (see util/pattern-engine.ts)
  const origin = isShipped(rules) ? 'shipped' : 'user';
  return new Map(
    Object.entries(rules.languages).map(([language, l]) => [
      language,
      {
        informal: compilePattern(l.informal, l.sentenceEnd ? 'u' : 'iu', origin, `address rules (${language}).informal`),
        formal: compilePattern(l.formal, l.sentenceEnd || l.formalCaseSensitive ? 'u' : 'iu', origin, `address rules (${language}).formal`),
        informalAll: compilePattern(l.informal, l.sentenceEnd ? 'gu' : 'giu', origin, `address rules (${language}).informal`),
        formalAll: compilePattern(l.formal, l.sentenceEnd || l.formalCaseSensitive ? 'gu' : 'giu', origin, `address rules (${language}).formal`),
        customerInformal: l.customerInformal ? compilePattern(l.customerInformal, 'iu', origin, `address rules (${language}).customerInformal`) : null,
        sentenceEnd: !!l.sentenceEnd,
        why: l.why,
        suggestion: l.suggestion,
        filter: origin === 'shipped' ? new PhraseFilter([l.informal, l.formal], language) : null,
      },
    ]),
  );
}

/** Characters before a wrong sentence ending quoted with it (the word it closes). */
const ENDING_CONTEXT = 8;

/**
 * The sentences of a text without their closing marks; `ask` is the body with a full-width "？"
 * when the sentence was a question, so a pattern can tell a plain-form question (送ってもらえる？)
 * from a plain statement (手順：電源を入れる).
 */
const sentences = (text: string) =>
  [...text.matchAll(SENTENCES)].map((s) => {
    const body = s[0].replace(TRAILING, '');
    return { index: s.index, body, ask: QUESTION.test(s[0]) ? `${body}？` : body };
  });

/** Does a sentence end in the form `pattern` describes (tested on the sentence, and on it as a question)? */
const endsIn = (pattern: RegExp, s: { body: string; ask: string }) => pattern.test(s.body) || (s.ask !== s.body && pattern.test(s.ask));

/**
 * Form-of-address checks for one language: with `formal` expected, informal pronouns (de du, fr tu,
 * es tú, zh 你) or plain-form sentence endings (ja, ko) are findings; with `informal`, the formal
 * forms are. The customer's own informal address earlier in the conversation allows the agent to
 * mirror it.
 */
export function addressFindings(address: CompiledAddress, language: string, expect: FormalityChoice, agent: MessageView, customerInformal: boolean): Finding[] {
  const lang = address.get(language);
  if (!lang || expect === 'any' || (expect === 'formal' && customerInformal)) return [];
  const wrong = expect === 'formal' ? lang.informal : lang.formal;
  // a sentence matches only where the whole text does: no wrong form anywhere, no finding
  if (!may(lang, agent, expect === 'formal' ? 0 : 1)) return [];
  const flag = (start: number, end: number): Finding => ({
    analyzer: 'courtesy',
    code: expect === 'formal' ? 'culture.informal_address' : 'culture.formal_address',
    severity: 'major',
    messageIndex: agent.index,
    span: { start, end },
    evidence: agent.text.slice(start, end),
    explanation: `"${agent.text.slice(start, end)}" — ${lang.why}`,
    rule: { id: `address.${language}.${expect}`, kind: 'pattern', detail: { expected: expect } },
    suggestion: lang.suggestion,
  });
  // words inside quotation marks are someone else's (a quoted banner, the customer's own words): never the agent's address
  let quoted: { start: number; end: number }[] | undefined;
  const isQuoted = (start: number, end: number) => insideSpan((quoted ??= quotedSpans(agent.view.folded)), start, end);
  if (lang.sentenceEnd) {
    // the first sentence that ends in the wrong form (and, when formal is expected, has no polite marker)
    let hit: ReturnType<typeof sentences>[number] | undefined;
    for (const s of sentences(agent.view.folded)) {
      if (s.body.length < 2 || (expect === 'formal' && lang.formal.test(s.body)) || !endsIn(wrong, s)) continue;
      if (isQuoted(s.index + Math.max(0, s.body.length - 1), s.index + s.body.length)) continue;
      hit = s;
      break;
    }
    if (!hit) return [];
    // quote the ending and the word it closes, not the whole sentence (it may hold anything, personal data included)
    const ending = wrong.exec(hit.body) ?? wrong.exec(hit.ask);
    const at = ending ? ending.index : 0;
    const space = hit.body.lastIndexOf(' ', at - 1);
    const from = Math.max(at - ENDING_CONTEXT, space + 1, 0);
    return [flag(hit.index + from, hit.index + hit.body.length)];
  }
  const all = expect === 'formal' ? lang.informalAll : lang.formalAll;
  all.lastIndex = 0;
  for (let hit = all.exec(agent.view.folded); hit; hit = all.exec(agent.view.folded)) {
    if (!hit[0]) {
      all.lastIndex++;
      continue;
    }
    if (!isQuoted(hit.index, hit.index + hit[0].length)) return [flag(hit.index, hit.index + hit[0].length)];
  }
  return [];
}

/** Does the customer address the agent formally (so the agent must answer formally too)? */
export function usesFormal(address: CompiledAddress, language: string, m: MessageView): boolean {
  const lang = address.get(language);
  if (!lang) return false;
  if (!may(lang, m, 1)) return false;
  const text = m.view.folded;
  return lang.sentenceEnd ? sentences(text).some((s) => lang.formal.test(s.body)) : lang.formal.test(text);
}

/**
 * The form the agent owes this customer: the brand's default for the language, formal when the
 * customer writes formally (mirroring), and no check when the customer went informal first and
 * the default is formal (the agent may mirror that too).
 */
export function expectedFormality(expect: FormalityChoice, customerFormal: boolean, customerInformal: boolean): FormalityChoice {
  if (customerInformal) return expect === 'formal' ? 'any' : expect;
  if (customerFormal && expect !== 'informal') return 'formal';
  return expect;
}

/** Does the customer address the agent informally (so the agent may mirror it)? */
export function usesInformal(address: CompiledAddress, language: string, m: MessageView): boolean {
  const lang = address.get(language);
  if (!lang) return false;
  const text = m.view.folded;
  if (lang.customerInformal?.test(text)) return true;
  if (!lang.sentenceEnd) return may(lang, m, 0) && lang.informal.test(text);
  // Japanese and Korean: a plain-form ending, or a message of some length with no polite ending at all
  // loops, not arrows per call (decision 204)
  let parts = 0;
  let formal = false;
  for (const s of sentences(text)) {
    if (s.body.length < 2) continue;
    parts++;
    if (endsIn(lang.informal, s)) return true;
    if (!formal && lang.formal.test(s.body)) formal = true;
  }
  return text.length >= 6 && parts > 0 && !formal;
}
