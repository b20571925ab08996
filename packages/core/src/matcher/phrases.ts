import { hasClauseBreak } from '../text/clauses.js';
import { sameSentence } from '../text/sentences.js';
import { maxOf, minOf } from '../util/arrays.js';
import type { TermMatch } from './matcher.js';

export { sameSentence };

export interface PhraseSpec {
  /** Term-match groups in order of appearance is NOT required: any order within the sentence. */
  groups: readonly (readonly TermMatch[])[];
  /** Max characters between consecutive elements of the chain. */
  within: number;
  /**
   * Matches that cancel a chain when one ends at most 15 characters before a chain element in the
   * same sentence: a negation ("I won't leave a bad review"), unless it sits in a condition a
   * clause break separates from the element ("si je ne suis pas remboursée, je laisse un avis 1 étoile").
   */
  unless?: readonly TermMatch[];
}

export interface PhraseHit {
  start: number;
  end: number;
  chain: TermMatch[];
}

/** A clause that states a condition: "if", si, wenn/falls, se, 如果, もし, 만약 at its start (after the previous `,` `;` or sentence start). */
const CONDITION_START = /(?:^|[,;，；.!?。！？]\s*)(?:if|unless|si|s'|wenn|falls|sofern|se|caso|如果|要是|假如|もし|만약)(?![\p{L}])[^,;，；.!?。！？]*$/iu;

/**
 * `n` ends at most 15 characters before `c`, in the same sentence, and not inside a condition
 * that a clause break separates from `c` ("si je ne suis pas remboursée, je laisse un avis 1
 * étoile": the "pas" negates the condition, not the threat).
 */
function negates(text: string, n: TermMatch, c: TermMatch): boolean {
  if (n.end > c.start || c.start - n.end > 15 || !sameSentence(text, n.end, c.start)) return false;
  return !(hasClauseBreak(text, n.end, c.start) && CONDITION_START.test(text.slice(Math.max(0, n.start - 60), n.start)));
}

/**
 * Find the first chain with one match from every group, each within `within` characters of the
 * previous one and in the same sentence (ICU sentence segmentation, so "$4.99" or "shop.com" do not end one), not
 * preceded by an `unless` match. Linear in the number of matches per group pair.
 */
export function findPhrase(text: string, spec: PhraseSpec): PhraseHit | null {
  if (spec.groups.some((g) => g.length === 0)) return null;
  for (const first of spec.groups[0]!) {
    const chain = [first];
    for (const group of spec.groups.slice(1)) {
      const prev = chain[chain.length - 1]!;
      const next = group.find((m) => {
        const [a, b] = m.start >= prev.start ? [prev, m] : [m, prev];
        return b.start - a.end <= spec.within && sameSentence(text, a.end, b.start);
      });
      if (!next) break;
      chain.push(next);
    }
    if (chain.length !== spec.groups.length) continue;
    if (spec.unless?.some((n) => chain.some((c) => negates(text, n, c)))) continue;
    return { start: minOf(chain.map((c) => c.start)), end: maxOf(chain.map((c) => c.end)), chain };
  }
  return null;
}
