import type { MessageAnalysis } from '../pipeline/analyze/message-analysis.js';
import { keepShape } from '../util/keep-shape.js';
import { Automaton, AutomatonHits } from './aho-corasick.js';
import { atWordBoundary, DEFAULT_FOLD, type Matcher, type MatchOptions, matcherInternals, type TermMatch } from './matcher.js';
import { scanSkeletonOfView } from './skeleton.js';

/**
 * One Aho–Corasick automaton over the skeleton patterns of every shipped matcher that scans a
 * message's de-obfuscated skeleton with the default fold (issue 16: one scan per message and
 * text form, decision 126): the sensitive analyzer's lexicons, the policy rules' terms and the
 * escalation lexicon. The first to ask skeletonizes and scans the message once (kept in its
 * analysis); each list then reads its own hits from `scanOf(analysis).hitsOf(list)`.
 *
 * Each list's hits come in the order its own automaton reports them (by end, then longest first,
 * then pattern order; see `MessageSkeletonScan`): the same matches. Lists join by content (one shipped list compiled by two inspectors is one
 * list); a list joining after a message was scanned makes that message scan again. Only
 * shipped lists join: the automaton stays bounded whatever rule sets a process compiles.
 */
export class SharedSkeletonScan {
  readonly #lists: (readonly string[])[] = [];
  readonly #wordBound: (readonly boolean[] | undefined)[] = [];
  readonly #byContent = new Map<string, number>();
  readonly #byIdentity = new WeakMap<readonly string[], number>();
  #built: BuiltSkeletonScan | null = null;

  /** The lists joined so far, by index (for the tests that compare each with its own scan). */
  get lists(): readonly (readonly string[])[] {
    return this.#lists;
  }

  /**
   * The index of the skeleton patterns `patterns` in this scan, joining them when they are not there yet.
   * `wordBound[i]`: every hit of pattern i that continues a word of the original text on either
   * side is rejected by the list's reader (`MatcherInternals.wordBound`); such a hit is not
   * reported when every list holding its pattern says so.
   */
  join(patterns: readonly string[], wordBound?: readonly boolean[]): number {
    const known = this.#byIdentity.get(patterns);
    if (known !== undefined) return known;
    const key = JSON.stringify([patterns, wordBound ?? null]);
    let index = this.#byContent.get(key);
    if (index === undefined) {
      index = this.#lists.push(patterns) - 1;
      this.#wordBound.push(wordBound);
      this.#byContent.set(key, index);
      this.#built = null;
    }
    this.#byIdentity.set(patterns, index);
    return index;
  }

  /**
   * The message's scan: `hitsOf(list)` are list `list`'s hits, flat triples (pattern index in the
   * list, start, end in `view.normalized`), in the order an Aho–Corasick scan of the skeleton of
   * `view.normalized` over the list alone reports them, but for the hits every reader rejects at its
   * word-boundary check (see `join`: 106,000 of 139,000 on 600 realistic chats, the same matches).
   * Shared: read it, never write it.
   */
  scanOf(analysis: MessageAnalysis): MessageSkeletonScan {
    this.#built ??= new BuiltSkeletonScan(this.#lists, this.#wordBound);
    const built = this.#built;
    const kept = analysis.memo(this, newMessageScan);
    if (kept.built !== built) kept.fill(built, analysis);
    return kept;
  }
}

/**
 * The combined automaton: each distinct pattern once (the policy rule sets of several platforms
 * share most of their terms: one hit each, not one per set), with the (list, index) pairs it
 * stands for, in list order and, within a list, in index order.
 */
class BuiltSkeletonScan {
  readonly automaton: Automaton;
  readonly lists: number;
  /** Owners of distinct pattern `p`: `ownerList/ownerLocal[ownerFirst[p] … ownerFirst[p + 1])`. */
  readonly ownerFirst: Int32Array;
  readonly ownerList: Int32Array;
  readonly ownerLocal: Int32Array;
  /** Per distinct pattern: 1 when every owner rejects a hit that continues a word (see `SharedSkeletonScan.join`). */
  readonly wordBound: Uint8Array;

  constructor(lists: readonly (readonly string[])[], wordBound: readonly (readonly boolean[] | undefined)[]) {
    this.lists = lists.length;
    const distinct: string[] = [];
    const owners: [number, number][][] = [];
    const idOf = new Map<string, number>();
    lists.forEach((patterns, l) => {
      patterns.forEach((pattern, i) => {
        let id = idOf.get(pattern);
        if (id === undefined) {
          id = distinct.push(pattern) - 1;
          idOf.set(pattern, id);
          owners.push([]);
        }
        owners[id]!.push([l, i]);
      });
    });
    this.ownerFirst = new Int32Array(distinct.length + 1);
    owners.forEach((o, p) => {
      this.ownerFirst[p + 1] = this.ownerFirst[p]! + o.length;
    });
    const flat = owners.flat();
    this.ownerList = Int32Array.from(flat, ([l]) => l);
    this.ownerLocal = Int32Array.from(flat, ([, i]) => i);
    this.wordBound = Uint8Array.from(owners, (o) => (o.every(([l, i]) => wordBound[l]?.[i] === true) ? 1 : 0));
    this.automaton = new Automaton(distinct);
  }
}

/**
 * One message's scan of the combined automaton: its hits (distinct pattern, normalized start,
 * normalized end) in scan order, and each list's own hits made from them when first asked for
 * (a message reads the lexicons', the escalation list's and its platform's policy hits, not every
 * platform's). A message with no hit (most short ones) allocates nothing.
 *
 * A list's hits come in its own automaton's order: the combined scan reports by end, then longest
 * first; two patterns of one list with the same end and length are the same text, one distinct
 * pattern whose owners within the list are in index order.
 */
export class MessageSkeletonScan {
  built: BuiltSkeletonScan | null = null;
  #hits: Int32Array = NO_HITS;
  #byList: (Int32Array | undefined)[] | null = null;

  fill(built: BuiltSkeletonScan, analysis: MessageAnalysis): void {
    this.built = built;
    this.#byList = null;
    // a scratch skeleton (its offsets are read right here): cheaper than keeping one (decision 111)
    const sk = scanSkeletonOfView(analysis.view, DEFAULT_FOLD);
    built.automaton.collect(sk.codes, sk.length, scratch);
    const { data, count } = scratch;
    if (count === 0) {
      this.#hits = NO_HITS;
      return;
    }
    const hits = new Int32Array(3 * count);
    const { wordBound } = built;
    const view = analysis.view;
    let n = 0;
    for (let k = 0; k < 3 * count; k += 3) {
      const p = data[k]!;
      const start = sk.starts[data[k + 1]!]!;
      const end = sk.ends[data[k + 2]! - 1]!;
      // most hits are a short word's skeleton inside a longer word ("en" in "when"): every reader rejects
      // them at its word-boundary check; a letter or digit next to the span in the normalized text
      // sends the hit to that same check here (on the original text), and only a rejected one is dropped
      if (wordBound[p] === 1 && (gluedBefore(view.normalized, start) || gluedAfter(view.normalized, end))) {
        const span = view.toOriginalSpan(start, end);
        if (span.end <= span.start || !atWordBoundary(view.original, span.start, span.end)) continue;
      }
      hits[n++] = p;
      hits[n++] = start;
      hits[n++] = end;
    }
    this.#hits = n === 0 ? NO_HITS : n === hits.length ? hits : hits.slice(0, n);
  }

  /** List `list`'s hits: triples (pattern index in the list, normalized start, normalized end). */
  hitsOf(list: number): Int32Array {
    const hits = this.#hits;
    if (hits.length === 0) return NO_HITS;
    this.#byList ??= new Array(this.built!.lists);
    let own = this.#byList[list];
    if (own === undefined) {
      const { ownerFirst, ownerList, ownerLocal } = this.built!;
      ownHits.count = 0;
      for (let k = 0; k < hits.length; k += 3) {
        const p = hits[k]!;
        for (let o = ownerFirst[p]!; o < ownerFirst[p + 1]!; o++) if (ownerList[o] === list) ownHits.push(ownerLocal[o]!, hits[k + 1]!, hits[k + 2]!);
      }
      own = ownHits.count === 0 ? NO_HITS : ownHits.data.slice(0, 3 * ownHits.count);
      this.#byList[list] = own;
    }
    return own;
  }
}

const NO_HITS = new Int32Array(0);

/** An ASCII letter or digit right before `start` / at `end` of `text`. */
const isAsciiAlnum = (c: number): boolean => (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a);
const gluedBefore = (text: string, start: number): boolean => start > 0 && isAsciiAlnum(text.charCodeAt(start - 1));
const gluedAfter = (text: string, end: number): boolean => end < text.length && isAsciiAlnum(text.charCodeAt(end));
const newMessageScan = () => new MessageSkeletonScan();
keepShape(newMessageScan());

/**
 * `matcher.match(analysis.view, options)`, its hits read from the message's shared skeleton scan
 * (the same matches); a matcher with another fold than the default scans alone.
 */
export function sharedMatch(matcher: Matcher, analysis: MessageAnalysis, options?: MatchOptions): TermMatch[] {
  const inner = matcherInternals(matcher);
  if (inner.fold !== DEFAULT_FOLD) return matcher.match(analysis.view, options);
  const list = SKELETON_SCAN.join(inner.patterns, inner.wordBound);
  const hits = SKELETON_SCAN.scanOf(analysis).hitsOf(list);
  return inner.matchHits(analysis.view, hits, 0, hits.length, options);
}

/** The hits of the scan in progress, and of the list being read out (reused: copied out before the next use). */
const scratch = new AutomatonHits();
const ownHits = new AutomatonHits();

/** The shared scan of a message's skeleton with the default fold (lexicons, policy terms, escalation). */
export const SKELETON_SCAN = new SharedSkeletonScan();
