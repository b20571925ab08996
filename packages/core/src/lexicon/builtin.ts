import { corePackageFile } from '../util/package-file.js';
import { loadLexicon } from './load.js';
import type { Lexicon } from './schema.js';

/** Starter lexicons the sensitive analyzer uses by default (en, zh, de, fr, es, ja, pt). */
export const BUILTIN_LEXICONS = ['profanity', 'insults', 'threats', 'discrimination', 'hate'] as const;
/** Every lexicon shipped, including `escalation` (used by the sentiment analyzer). */
export const SHIPPED_LEXICONS = [...BUILTIN_LEXICONS, 'escalation'] as const;
export type BuiltinLexiconName = (typeof SHIPPED_LEXICONS)[number];

const loaded = new Map<string, Lexicon>();

/**
 * One of the starter lexicons shipped in `@cxqa/core/lexicons/`.
 *
 * @example
 * const lexicons = BUILTIN_LEXICONS.map(builtinLexicon);
 */
export function builtinLexicon(name: BuiltinLexiconName): Lexicon {
  const hit = loaded.get(name);
  if (hit) return hit;
  const path = corePackageFile(`lexicons/${name}.json`);
  const lex = loadLexicon(path);
  loaded.set(name, lex);
  return lex;
}

/** Is `lexicon` one `builtinLexicon` returned (read from this package's files)? */
export function isBuiltinLexicon(lexicon: Lexicon): boolean {
  for (const lex of loaded.values()) if (lex === lexicon) return true;
  return false;
}
