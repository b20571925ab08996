import { traditionalToSimplified } from '../../matcher/chinese-fold.js';
import type { MessageView } from '../../pipeline/analyze/contract.js';
import type { MessageAnalysis } from '../../pipeline/analyze/message-analysis.js';
import type { Finding } from '../../pipeline/validate/finding.js';
import { insideSpan, quotedSpans } from '../../text/quotes.js';
import { sentences } from '../../text/sentences.js';
import { compileRule, eachMatch, type RuleRegex } from '../../util/linear-regex.js';
import { isShipped } from '../../util/pattern-engine.js';
import { type SharedFilter, sharedPrefixScan } from '../../util/shared-prefix-scan.js';
import { type ConductList, type ConductRule, type ConductRules, compileFileRegexes, conductList, conductListPart, testConductList } from './conduct-rules.js';

interface CompiledRule {
  rule: ConductRule;
  /** The rule's patterns, each with its index in the language's prefix filter. */
  patterns: { regex: RuleRegex; slot: number }[];
  unless: RegExp[];
  unlessInMessage: RegExp[];
  withInMessage: RegExp[];
}

interface CompiledLanguage {
  rules: CompiledRule[];
  /** Which patterns (by slot) may match a text: their prefixes in the shared scan of `view.normalized` (`sharedPrefixScan('normalized', language)`). */
  filter: SharedFilter;
  negation: RegExp[];
  /** Read through the language's shared scan of `view.normalized` too. */
  acknowledgement: ConductList;
}

/** One rule that fired on a message, with its span in the normalized view. */
export interface ConductHit {
  rule: ConductRule;
  start: number;
  end: number;
}

export interface CompiledConduct {
  readonly languages: readonly string[];
  /**
   * Rules that fire on one agent message (one hit per rule, the first). `analysis`: the message's
   * shared analysis when `normalized` is its `view.normalized` (the prefilter then reads the
   * message's one shared scan).
   */
  hits(language: string, normalized: string, context: { complained: boolean }, analysis?: MessageAnalysis): ConductHit[];
  /**
   * Does the message acknowledge a complaint (apology, understanding, thanks)? Null when the
   * language has no list. `analysis`: the message's shared analysis when `normalized` is its
   * `view.normalized` (the list's prefilter then reads the message's one shared scan).
   */
  acknowledges(language: string, normalized: string, analysis?: MessageAnalysis): boolean | null;
  /** Findings for one agent message, spans mapped to the original text. */
  match(m: MessageView, context: { complained: boolean }): Finding[];
}

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/u;

/** Chinese text with Traditional characters folded to Simplified one by one (offsets unchanged), so one rule set reads both. */
export function foldChinese(text: string): string {
  if (!HAN.test(text)) return text;
  // most Chinese chat is Simplified already: copy only from the first character that folds
  let i = 0;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x3400 && c <= 0xfaff && traditionalToSimplified(c) !== c) break;
  }
  if (i === text.length) return text;
  let out = text.slice(0, i);
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out += c >= 0x3400 && c <= 0xfaff ? String.fromCharCode(traditionalToSimplified(c)) : text[i];
  }
  return out;
}

/** `text` with [start, end) replaced by spaces (same length), so a veto never matches the hit itself. */
const blank = (text: string, start: number, end: number) => text.slice(0, start) + ' '.repeat(Math.max(0, end - start)) + text.slice(end);

const test = (res: readonly RegExp[], text: string): boolean => {
  for (const re of res) {
    re.lastIndex = 0;
    if (re.test(text)) return true;
  }
  return false;
};

type Sentence = { start: number; end: number; text: string };

/** The sentence of `parts` (the sentences of `text`) holding offset `i`, or the whole text. */
function sentenceAt(parts: readonly Sentence[], text: string, i: number): Sentence {
  for (const p of parts) if (p.start <= i && i < p.end) return p;
  return { start: 0, end: text.length, text };
}

/**
 * Compile conduct rule files (one per language) into matchers over the normalized view. Every
 * pattern is checked for linear time when the file is validated.
 */
export function compileConduct(files: readonly ConductRules[]): CompiledConduct {
  const filesByLanguage = new Map<string, ConductRules[]>();
  for (const file of files) filesByLanguage.set(file.language, [...(filesByLanguage.get(file.language) ?? []), file]);
  // a language's regexes are built on its first message (building them all took half a second)
  const byLanguage = new Map<string, CompiledLanguage>();
  const compiledLanguage = (language: string): CompiledLanguage | undefined => {
    const known = byLanguage.get(language);
    if (known) return known;
    const own = filesByLanguage.get(language);
    if (!own) return undefined;
    const origin = (file: ConductRules): 'shipped' | 'user' => (isShipped(file) ? 'shipped' : 'user');
    // a shipped file's patterns run on V8 (checked linear), a brand's on RE2 (see util/pattern-engine.ts)
    const regexes = (sources: readonly string[], file: ConductRules) => compileFileRegexes(file, sources);
    const all: RuleRegex[] = [];
    const rules = own.flatMap((file) =>
      file.rules.map((rule) => ({
        rule,
        patterns: rule.patterns.map((source) => {
          const regex = compileRule(source, origin(file));
          return { regex, slot: all.push(regex) - 1 };
        }),
        unless: regexes(rule.unless, file),
        unlessInMessage: regexes(rule.unlessInMessage, file),
        withInMessage: regexes(rule.withInMessage, file),
      })),
    );
    const entry: CompiledLanguage = {
      rules,
      filter: sharedPrefixScan('normalized', language).filter(all.map((r) => r.prefixes)),
      negation: own.flatMap((f) => regexes(f.negation, f)),
      acknowledgement: conductList(
        language,
        own.map((f) => conductListPart(f, f.acknowledgement)),
      ),
    };
    byLanguage.set(language, entry);
    return entry;
  };
  // a brand's own rule files are compiled now, so a pattern RE2 cannot run is an error of the factory, not of every conversation
  for (const file of files) if (!isShipped(file)) compiledLanguage(file.language);

  function hits(language: string, text: string, { complained }: { complained: boolean }, analysis?: MessageAnalysis): ConductHit[] {
    const lang = compiledLanguage(language);
    if (!lang || !text) return [];
    const normalized = language === 'zh' ? foldChinese(text) : text;
    const out: ConductHit[] = [];
    // most messages contain none of a pattern's first words: one scan rules those patterns out
    // (read from the message's shared scan when this is its `view.normalized`)
    const possible = analysis && analysis.view.normalized === normalized ? lang.filter.flags(analysis) : lang.filter.flagsOfText(normalized);
    let parts: Sentence[] | undefined;
    let quoted: { start: number; end: number }[] | undefined;
    for (const c of lang.rules) {
      if (c.rule.afterComplaint && !complained) continue;
      let found = null as { start: number; end: number } | null;
      for (const { regex, slot } of c.patterns) {
        if (!possible[slot]) continue;
        eachMatch(regex.re, normalized, (start, end) => {
          if (c.rule.whole && (start !== 0 || end !== normalized.length)) return false;
          // words inside quotation marks are someone else's: the agent quoting the customer («débrouillez-vous» is not the agent's answer)
          if (insideSpan((quoted ??= quotedSpans(normalized)), start, end)) return false;
          const s = sentenceAt((parts ??= sentences(normalized)), normalized, start);
          // negation or a conditional just before the hit cancels it
          if (lang.negation.length && test(lang.negation, normalized.slice(s.start, start))) return false;
          if (c.unless.length && test(c.unless, blank(s.text, start - s.start, end - s.start))) return false;
          found = { start, end };
          return true;
        });
        if (found) break;
      }
      // an alternative offered elsewhere in the message (not inside the hit itself) cancels it
      if (!found || (c.unlessInMessage.length && test(c.unlessInMessage, blank(normalized, found.start, found.end)))) continue;
      // a condition elsewhere in the message (not inside the hit itself)
      if (c.withInMessage.length && !test(c.withInMessage, blank(normalized, found.start, found.end))) continue;
      out.push({ rule: c.rule, ...found });
    }
    return out;
  }

  return {
    languages: [...filesByLanguage.keys()],
    hits,
    acknowledges(language, normalized, analysis) {
      const lang = compiledLanguage(language);
      return lang?.acknowledgement.regexes.length
        ? testConductList(lang.acknowledgement, language === 'zh' ? foldChinese(normalized) : normalized, analysis)
        : null;
    },
    match(m, context) {
      return hits(m.language, m.view.normalized, context, m.analysis).map(({ rule, start, end }) => {
        const span = m.view.toOriginalSpan(start, end);
        const quote = m.text.slice(span.start, span.end);
        return {
          analyzer: 'courtesy',
          code: `politeness.${rule.kind}`,
          severity: rule.severity,
          messageIndex: m.index,
          span,
          evidence: quote,
          explanation: `"${quote}": ${rule.why}`,
          rule: { id: rule.id, kind: 'pattern', detail: { kind: rule.kind } },
          suggestion: rule.suggestion,
        } satisfies Finding;
      });
    },
  };
}
