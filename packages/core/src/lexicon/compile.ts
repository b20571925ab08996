import { createMatcher, type Matcher, type MatchOptions, type MatchTerm, type TermMatch } from '../matcher/matcher.js';
import { findPhrase } from '../matcher/phrases.js';
import { sharedMatch } from '../matcher/shared-skeleton-scan.js';
import type { MessageAnalysis } from '../pipeline/analyze/message-analysis.js';
import type { TextView } from '../pipeline/normalize/text-view.js';
import type { Severity } from '../pipeline/validate/finding.js';
import { isBuiltinLexicon } from './builtin.js';
import type { Lexicon } from './schema.js';

const UNSPACED_TEXT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/** Category of the internal terms that only serve phrase rules. */
const PHRASE_PART = '__phrase';

export interface CompiledPhrase {
  id: string;
  category: string;
  severity: Severity;
  source: string;
  /** Term-id prefix of each group, and of the negations. */
  groups: string[];
  unless: string;
  within: number;
}

/** A phrase rule that fired. */
export interface PhraseMatch {
  phrase: CompiledPhrase;
  start: number;
  end: number;
  matched: string;
  /** The terms that formed the chain, in text order. */
  terms: string[];
  obfuscated: boolean;
}

export interface CompiledLexicons {
  /** `id@version+id@version…`: the cache key and what results record. */
  version: string;
  terms: MatchTerm[];
  allow: string[];
  matcher: Matcher;
  phrases: CompiledPhrase[];
  /** Every lexicon is a shipped one (`builtinLexicon`): its matcher joins the message's shared skeleton scan. */
  shipped: boolean;
}

const cache = new Map<string, CompiledLexicons>();

/**
 * Merge lexicons into one matcher. Built once per combination of lexicon versions and cached,
 * so analyzers created per request share the automaton.
 *
 * @example
 * const { matcher } = compileLexicons([builtinLexicon('profanity'), defineLexicon({ … })]);
 */
export function compileLexicons(lexicons: readonly Lexicon[]): CompiledLexicons {
  const version = lexicons.map((l) => `${l.id}@${l.version}`).join('+');
  const hit = cache.get(version);
  if (hit) return hit;
  const terms: MatchTerm[] = [];
  const allow: string[] = [];
  const phrases: CompiledPhrase[] = [];
  for (const lex of lexicons) {
    allow.push(...lex.allow);
    for (const ph of lex.phrases) {
      const base = `${lex.id}#${ph.id}`;
      const severity = ph.severity ?? lex.defaults.severity;
      const languages = ph.languages ?? lex.defaults.languages;
      const part = (id: string, text: string): MatchTerm => ({ id, text, category: PHRASE_PART, severity, ...(languages ? { languages } : {}) });
      ph.all.forEach((group, g) => group.forEach((t, k) => terms.push(part(`${base}|g${g}|${k}`, t))));
      // a negation in an unspaced script is a prefix of the word it negates (不恨, 没有): matched as a substring
      ph.unless.forEach((t, k) => terms.push({ ...part(`${base}|u|${k}`, t), ...(UNSPACED_TEXT.test(t) ? { boundary: 'none' as const } : {}) }));
      phrases.push({
        id: ph.id,
        category: ph.category ?? lex.defaults.category,
        severity,
        source: `${lex.id}@${lex.version}`,
        groups: ph.all.map((_, g) => `${base}|g${g}|`),
        unless: `${base}|u|`,
        within: ph.within,
      });
    }
    lex.terms.forEach((t, i) => {
      const entry = typeof t === 'string' ? { text: t } : t;
      const id = `${lex.id}#${i}`;
      const base: MatchTerm = {
        id,
        text: entry.text,
        category: ('category' in entry && entry.category) || lex.defaults.category,
        severity: ('severity' in entry && entry.severity) || lex.defaults.severity,
        source: `${lex.id}@${lex.version}`,
        ...('boundary' in entry && entry.boundary ? { boundary: entry.boundary } : {}),
        ...(('languages' in entry && entry.languages) || lex.defaults.languages
          ? { languages: ('languages' in entry && entry.languages) || lex.defaults.languages! }
          : {}),
      };
      terms.push(base);
      const spellings = new Set([entry.text, ...(('variants' in entry && entry.variants) || [])]);
      for (const v of spellings) if (v !== entry.text) terms.push({ ...base, id: `${id}~${v}`, text: v });
      // one vowel written as a star (enc*lé, p*ta, vaff*nculo): the normalizer cannot derive it
      for (const v of [...spellings].flatMap(starSpellings)) if (!spellings.has(v)) terms.push({ ...base, id: `${id}~${v}`, text: v });
    });
  }
  const compiled = { version, terms, allow, matcher: createMatcher(terms, allow), phrases, shipped: lexicons.every(isBuiltinLexicon) };
  if (cache.size > 32) cache.clear();
  cache.set(version, compiled);
  return compiled;
}

const STAR_VOWEL = /[aeiouyàáâãäèéêëìíîïòóôõöùúûü]/u;
const LATIN_WORD = /\p{Script=Latin}{4,}/gu;

/**
 * The spellings of `text` with one vowel written as `*`, inside Latin words of at least 4
 * letters and never their first letter: `puta` → `p*ta`, `put*`; `enculé` → `enc*lé`, `encul*`, ….
 * The star is a separator to the skeleton, so these can only be listed, not derived.
 */
export function starSpellings(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(LATIN_WORD)) {
    for (let k = 1; k < m[0].length; k++) {
      if (!STAR_VOWEL.test(m[0][k]!.toLowerCase())) continue;
      const at = m.index + k;
      out.push(`${text.slice(0, at)}*${text.slice(at + 1)}`);
    }
  }
  return out;
}

/**
 * Run compiled lexicons over one message: single-term matches (phrase parts left out) and the
 * phrase rules that fired. Pass the message's `language` so terms tagged for other languages
 * stay silent, and its shared `analysis` when `view` is the message's: shipped lexicons then read
 * their hits from the message's one skeleton scan (`SKELETON_SCAN`; the same matches).
 *
 * @example
 * const { terms, phrases } = matchLexicons(compileLexicons([builtinLexicon('hate')]), normalizeText(text));
 */
export function matchLexicons(
  compiled: CompiledLexicons,
  view: TextView,
  options: MatchOptions = {},
  analysis?: MessageAnalysis,
): { terms: TermMatch[]; phrases: PhraseMatch[] } {
  const all = analysis?.view === view && compiled.shipped ? sharedMatch(compiled.matcher, analysis, options) : compiled.matcher.match(view, options);
  const terms = all.filter((m) => m.term.category !== PHRASE_PART);
  const phrases: PhraseMatch[] = [];
  if (compiled.phrases.length && all.length > terms.length) {
    // phrase parts by group (`<lexicon>#<phrase>|g<n>|` or `…|u|`): a phrase with an empty group cannot match
    const byGroup = new Map<string, TermMatch[]>();
    for (const m of all) {
      if (m.term.category !== PHRASE_PART) continue;
      const key = m.term.id.slice(0, m.term.id.lastIndexOf('|') + 1);
      const list = byGroup.get(key);
      if (list) list.push(m);
      else byGroup.set(key, [m]);
    }
    for (const phrase of compiled.phrases) {
      if (!phrase.groups.every((key) => byGroup.has(key))) continue;
      const groups = phrase.groups.map((key) => byGroup.get(key)!);
      const found = findPhrase(view.original, { groups, within: phrase.within, unless: byGroup.get(phrase.unless) ?? [] });
      if (!found) continue;
      phrases.push({
        phrase,
        start: found.start,
        end: found.end,
        matched: view.original.slice(found.start, found.end),
        terms: found.chain.sort((a, b) => a.start - b.start).map((c) => c.term.text),
        obfuscated: found.chain.some((c) => c.obfuscated),
      });
    }
  }
  return { terms, phrases };
}
