import type { TermMatch } from '../../../matcher/matcher.js';
import { hasClauseBreak } from '../../../text/clauses.js';
import { sameSentence } from '../../../text/sentences.js';
import { maxOf } from '../../../util/arrays.js';

export interface ChainSpec {
  /** Matches per group, each sorted by start. */
  groups: readonly (readonly TermMatch[])[];
  /** Max characters between consecutive parts of the chain. */
  within: number;
  /** Groups must appear left to right. */
  ordered: boolean;
  /** No clause break between consecutive parts. */
  clause: boolean;
}

export interface Negation {
  /** Cues that negate what follows them (not, never, 不要, nicht, ne … pas). */
  before: readonly TermMatch[];
  /** Cues that negate what precedes them (しないで, 하지 마세요). */
  after: readonly TermMatch[];
  /** How far before a part a `before` cue may end, in characters. */
  within: number;
}

/** How far after the act an `after` cue may start, in characters. */
const AFTER_WITHIN = 6;

/**
 * Is the span `parts` negated in `text`? A `before` cue ending at most `within` characters before
 * a part, in the same sentence and clause and not inside the chain itself, or an `after` cue
 * starting at most 6 characters after the last part, in the same sentence.
 */
export function isNegated(text: string, parts: readonly { start: number; end: number }[], negation: Negation): boolean {
  const inside = (n: TermMatch) => parts.some((p) => n.start < p.end && p.start < n.end);
  for (const n of negation.before) {
    if (inside(n)) continue;
    for (const p of parts) {
      if (n.end <= p.start && p.start - n.end <= negation.within && sameSentence(text, n.end, p.start) && !hasClauseBreak(text, n.end, p.start)) return true;
    }
  }
  const end = maxOf(parts.map((p) => p.end));
  for (const n of negation.after) {
    if (inside(n)) continue;
    if (n.start >= end && n.start - end <= AFTER_WITHIN && sameSentence(text, end, n.start) && !hasClauseBreak(text, end, n.start)) return true;
  }
  return false;
}

/**
 * The first chain with one match from every group that is not negated: consecutive parts at most
 * `within` characters apart, in the same sentence (ICU sentence boundaries, so "$4.99" or
 * "shop.com" do not end one), left to right when `ordered`, in one clause when `clause`.
 * Returns the parts in group order, or null. Quadratic in the matches of one message, which are few.
 */
export function findChain(text: string, spec: ChainSpec, negation: Negation): TermMatch[] | null {
  if (spec.groups.some((g) => g.length === 0)) return null;
  const linked = (a: TermMatch, b: TermMatch): number | null => {
    // gap in characters between a and b (b after a when ordered), or null when they cannot chain
    const [left, right] = b.start >= a.start ? [a, b] : [b, a];
    if (spec.ordered && b.start < a.end) return null;
    const gap = right.start - left.end;
    if (gap > spec.within) return null;
    if (gap > 0 && !sameSentence(text, left.end, right.start)) return null;
    if (spec.clause && hasClauseBreak(text, left.end, right.start)) return null;
    return Math.max(gap, 0);
  };
  for (const first of spec.groups[0]!) {
    const chain: TermMatch[] = [first];
    for (const group of spec.groups.slice(1)) {
      const prev = chain[chain.length - 1]!;
      let best: TermMatch | undefined;
      let bestGap = Infinity;
      for (const m of group) {
        if (chain.includes(m)) continue;
        const gap = linked(prev, m);
        if (gap !== null && gap < bestGap) {
          best = m;
          bestGap = gap;
        }
      }
      if (!best) break;
      chain.push(best);
    }
    if (chain.length === spec.groups.length && !isNegated(text, chain, negation)) return chain;
  }
  return null;
}
