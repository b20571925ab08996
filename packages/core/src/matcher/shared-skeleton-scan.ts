import type { MessageAnalysis } from '../pipeline/analyze/message-analysis.js';
import { keepShape } from '../util/keep-shape.js';
import { Automaton, AutomatonHits } from './aho-corasick.js';
import { DEFAULT_FOLD, type Matcher, type MatchOptions, matcherInternals, type TermMatch } from './matcher.js';
import { scanSkeletonOfView } from './skeleton.js';

/**
 * One Aho–Corasick automaton over the skeleton patterns of every shipped matcher that scans a
 * message's de-obfuscated skeleton with the default fold (issue 16: one scan per message and
 * text form, decision 126): the sensitive analyzer's lexicons, the policy rules' terms and the
 * escalation lexicon. The first to ask skeletonizes and scans the message once (kept in its
 * analysis); each list then reads its own hits from `scanOf(analysis)`.
 *
 * Each list's patterns enter the automaton together and in their order, so its hits come in the
 * order its own automaton reports them (by end, then longest first, then pattern order): the
 * same matches. Lists join by content (one shipped list compiled by two inspectors is one
 * list); a list joining after a message was scanned makes that message scan again. Only
 * shipped lists join: the automaton stays bounded whatever rule sets a process compiles.
 */
export class SharedSkeletonScan {
  readonly #lists: (readonly string[])[] = [];
  readonly #byContent = new Map<string, number>();
  readonly #byIdentity = new WeakMap<readonly string[], number>();
  #built: BuiltSkeletonScan | null = null;

  /** The lists joined so far, by index (for the tests that compare each with its own scan). */
  get lists(): readonly (readonly string[])[] {
    return this.#lists;
  }

  /** The index of the skeleton patterns `patterns` in this scan, joining them when they are not there yet. */
  join(patterns: readonly string[]): number {
    const known = this.#byIdentity.get(patterns);
    if (known !== undefined) return known;
    const key = JSON.stringify(patterns);
    let index = this.#byContent.get(key);
    if (index === undefined) {
      index = this.#lists.push(patterns) - 1;
      this.#byContent.set(key, index);
      this.#built = null;
    }
    this.#byIdentity.set(patterns, index);
    return index;
  }

  /**
   * The message's scan: list `list`'s hits are the flat triples (pattern index in the list,
   * start, end in `view.normalized`) `hits[first(list) … first(list + 1))`, in the order an
   * Aho–Corasick scan of the skeleton of `view.normalized` over the list alone reports them.
   * Shared: read it, never write it.
   */
  scanOf(analysis: MessageAnalysis): MessageSkeletonScan {
    this.#built ??= new BuiltSkeletonScan(this.#lists);
    const built = this.#built;
    const kept = analysis.memo(this, newMessageScan);
    if (kept.built !== built) kept.fill(built, analysis);
    return kept;
  }
}

/** The combined automaton: every list's patterns in turn, with the list and index each came from. */
class BuiltSkeletonScan {
  readonly automaton: Automaton;
  readonly lists: number;
  readonly listOf: Int32Array;
  readonly localOf: Int32Array;

  constructor(lists: readonly (readonly string[])[]) {
    const all = lists.flat();
    this.lists = lists.length;
    this.listOf = new Int32Array(all.length);
    this.localOf = new Int32Array(all.length);
    let at = 0;
    lists.forEach((patterns, l) => {
      for (let i = 0; i < patterns.length; i++, at++) {
        this.listOf[at] = l;
        this.localOf[at] = i;
      }
    });
    this.automaton = new Automaton(all);
  }
}

/**
 * One message's hits in the combined automaton, grouped by list (each list's in scan order):
 * list `l`'s triples (pattern index in the list, normalized start, normalized end) are
 * `hits[first(l) … first(l + 1))`. A message with no hit (most short ones) allocates nothing.
 */
export class MessageSkeletonScan {
  built: BuiltSkeletonScan | null = null;
  hits: Int32Array = NO_HITS;
  #first: Int32Array | null = null;

  /** Where list `l`'s hits begin in `hits` (`first(l + 1)`: where they end). */
  first(l: number): number {
    return this.#first ? this.#first[l]! : 0;
  }

  fill(built: BuiltSkeletonScan, analysis: MessageAnalysis): void {
    this.built = built;
    // a scratch skeleton (its offsets are read right here): cheaper than keeping one (decision 111)
    const sk = scanSkeletonOfView(analysis.view, DEFAULT_FOLD);
    built.automaton.collect(sk.codes, sk.length, scratch);
    const { data, count } = scratch;
    if (count === 0) {
      this.hits = NO_HITS;
      this.#first = null;
      return;
    }
    const { listOf, localOf } = built;
    const first = new Int32Array(built.lists + 1);
    for (let k = 0; k < 3 * count; k += 3) first[listOf[data[k]!]! + 1]! += 3;
    for (let l = 0; l < built.lists; l++) first[l + 1]! += first[l]!;
    const next = first.slice(0, built.lists);
    const hits = new Int32Array(3 * count);
    for (let k = 0; k < 3 * count; k += 3) {
      const p = data[k]!;
      let at = next[listOf[p]!]!;
      next[listOf[p]!] = at + 3;
      hits[at++] = localOf[p]!;
      hits[at++] = sk.starts[data[k + 1]!]!;
      hits[at] = sk.ends[data[k + 2]! - 1]!;
    }
    this.hits = hits;
    this.#first = first;
  }
}

const NO_HITS = new Int32Array(0);
const newMessageScan = () => new MessageSkeletonScan();
keepShape(newMessageScan());

/**
 * `matcher.match(analysis.view, options)`, its hits read from the message's shared skeleton scan
 * (the same matches); a matcher with another fold than the default scans alone.
 */
export function sharedMatch(matcher: Matcher, analysis: MessageAnalysis, options?: MatchOptions): TermMatch[] {
  const inner = matcherInternals(matcher);
  if (inner.fold !== DEFAULT_FOLD) return matcher.match(analysis.view, options);
  const list = SKELETON_SCAN.join(inner.patterns);
  const scan = SKELETON_SCAN.scanOf(analysis);
  return inner.matchHits(analysis.view, scan.hits, scan.first(list), scan.first(list + 1), options);
}

/** The hits of the scan in progress (reused: copied out before the next scan). */
const scratch = new AutomatonHits();

/** The shared scan of a message's skeleton with the default fold (lexicons, policy terms, escalation). */
export const SKELETON_SCAN = new SharedSkeletonScan();
