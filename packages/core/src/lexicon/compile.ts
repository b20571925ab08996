import { createMatcher, type Matcher, type MatchTerm } from '../matcher/matcher.js';
import type { Lexicon } from './schema.js';

export interface CompiledLexicons {
  /** `id@version+id@version…`: the cache key and what results record. */
  version: string;
  terms: MatchTerm[];
  allow: string[];
  matcher: Matcher;
  /** Languages per term id (empty = any). */
  languages: Map<string, string[]>;
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
  const languages = new Map<string, string[]>();
  const allow: string[] = [];
  for (const lex of lexicons) {
    allow.push(...lex.allow);
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
      };
      terms.push(base);
      for (const v of ('variants' in entry && entry.variants) || []) terms.push({ ...base, id: `${id}~${v}`, text: v });
      languages.set(id, ('languages' in entry && entry.languages) || lex.defaults.languages || []);
    });
  }
  const compiled = { version, terms, allow, matcher: createMatcher(terms, allow), languages };
  if (cache.size > 32) cache.clear();
  cache.set(version, compiled);
  return compiled;
}
