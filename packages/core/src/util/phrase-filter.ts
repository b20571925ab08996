import { caseFoldSafe, type MessageAnalysis } from '../pipeline/analyze/message-analysis.js';
import { requiredLiterals } from './linear-regex.js';
import { type SharedFilter, sharedPrefixScan } from './shared-prefix-scan.js';

/**
 * The lower-cased literals one of which every case-insensitive match of `source` contains
 * (`requiredLiterals`: its literal prefixes, or a rarer run of literals later in the pattern), or
 * null when the pattern has none that can stand in for it: no such literal, a literal that NFKC
 * would change (the literals are NFKC, the text searched is not) or one whose lower case is not
 * its case folding (see `MessageAnalysis.caseFoldSafe`).
 *
 * @example
 * caseInsensitivePrefixes('\\bThank(?:s| you)\\b'); // ['thanks', 'thank you']
 */
export function caseInsensitivePrefixes(source: string): string[] | null {
  if (source.normalize('NFKC') !== source) return null;
  const prefixes = requiredLiterals(source)?.map((p) => p.toLowerCase());
  return prefixes?.every((p) => p && caseFoldSafe(p)) ? prefixes : null;
}

/**
 * Which of a list of regex patterns (run case-insensitively, or case-sensitively, on a message's
 * `view.folded`) may match a message: the literal prefixes of all of them
 * (`caseInsensitivePrefixes`) read from the message's one shared Aho–Corasick scan of
 * `analysis.lower` (`sharedPrefixScan('lower', language)`: every phrase filter of the language together). `flags[i]` 0 means pattern `i` cannot match, so its regex need not run;
 * 1 means it may (or has no usable prefix: always run). A message whose case folding the lower
 * case cannot stand in for (`caseFoldSafe` false) gets all ones.
 *
 * Sound by construction: a match of pattern `i` contains one of its literals, which then
 * occurs in `lower`; test/message-analysis.test.ts checks it on every shipped phrase list.
 */
export class PhraseFilter {
  readonly #filter: SharedFilter;
  readonly #all: Uint8Array;

  /** `sources[i]` null: no pattern in slot `i` (its flag is 0). `language`: the language whose patterns these are (`'*'`: any). */
  constructor(sources: readonly (string | null | undefined)[], language = '*') {
    this.#all = Uint8Array.from(sources, (s) => (s == null ? 0 : 1));
    // a slot without a pattern is never flagged (no prefix: `[]`); one without a usable prefix always (`null`)
    this.#filter = sharedPrefixScan('lower', language).filter(sources.map((s) => (s == null ? [] : caseInsensitivePrefixes(s))));
  }

  /** Per pattern: 1 when it may match this message's `view.folded`, 0 when it cannot (shared: read it, never write it). */
  mayMatch(analysis: MessageAnalysis): Uint8Array {
    if (!analysis.caseFoldSafe) return this.#all;
    return this.#filter.flags(analysis);
  }
}
