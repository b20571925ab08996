import { Automaton, AutomatonHits } from '../matcher/aho-corasick.js';
import type { MessageAnalysis } from '../pipeline/analyze/message-analysis.js';
import { keepShape } from './keep-shape.js';

/**
 * One prefix list: per slot, the literal prefixes one of which every match of its pattern starts
 * with (`matchPrefixes`), `null` when it has none (the slot is always flagged) or `[]` when the
 * slot holds no pattern (never flagged).
 */
export type PrefixList = readonly (readonly string[] | null)[];

/**
 * One Aho–Corasick automaton over the prefix lists of every shipped phrase filter that reads the
 * same text of a message for the same language (issue 16: one scan per message, text form and
 * language, decision 126; see `sharedPrefixScan`): the address and script filters of a language
 * over `analysis.lower`, the phrasing rules and politeness strategies (every language) over it;
 * the mood cues and conduct rules of a language over `view.normalized`. Each filter joins with `filter(list)` and reads
 * its flags with `flags(analysis)`: the first filter to ask scans the message once, kept in its
 * analysis, and every filter's flags come from those hits.
 *
 * A flag is 1 exactly when one of the slot's prefixes occurs in the text (or it has none), which
 * does not depend on what other lists the automaton holds: every filter gets the flags its own
 * automaton would give (checked in test/shared-prefix-scan.test.ts). Lists join by content (the
 * same shipped list compiled by two inspectors is one list), so the automaton holds each shipped
 * list once; a list joining after a message was scanned makes that message scan again.
 */
export class SharedPrefixScan {
  readonly #textOf: (analysis: MessageAnalysis) => string;
  readonly #lists: PrefixList[] = [];
  readonly #byContent = new Map<string, number>();
  #built: BuiltScan | null = null;

  /** `textOf`: the text of a message the lists' prefixes are searched in. */
  constructor(textOf: (analysis: MessageAnalysis) => string) {
    this.#textOf = textOf;
  }

  /** A filter over `list` whose flags come from this scan (see `SharedFilter`). */
  filter(list: PrefixList): SharedFilter {
    return new SharedFilter(this, list);
  }

  /** The lists joined so far, by index (for the tests that compare each with its own scan). */
  get lists(): readonly PrefixList[] {
    return this.#lists;
  }

  /** The index of `list` in this scan, joining it when it is not there yet. */
  join(list: PrefixList): number {
    const key = JSON.stringify(list);
    let index = this.#byContent.get(key);
    if (index === undefined) {
      index = this.#lists.push(list) - 1;
      this.#byContent.set(key, index);
      this.#built = null;
    }
    return index;
  }

  /** The automaton over every list joined so far (built on first use after a join). */
  built(): BuiltScan {
    this.#built ??= new BuiltScan(this.#lists);
    return this.#built;
  }

  /** This message's scan (kept in its analysis; scanned again when lists joined since). */
  scanOf(analysis: MessageAnalysis): MessageScan {
    const built = this.built();
    const kept = analysis.memo(this, newMessageScan);
    if (kept.built !== built) kept.fill(built, this.#textOf(analysis));
    return kept;
  }
}

/** The combined automaton of a `SharedPrefixScan`: each distinct prefix once, with the (list, slot) pairs it flags. */
export class BuiltScan {
  readonly automaton: Automaton | null;
  readonly lists: number;
  /** Owners of prefix `p`: `ownerList/ownerSlot[ownerFirst[p] … ownerFirst[p + 1])`. */
  readonly ownerFirst: Int32Array;
  readonly ownerList: Int32Array;
  readonly ownerSlot: Int32Array;
  /** Per list: the slots with no prefix (always 1) and without a pattern (always 0). */
  readonly base: Uint8Array[];
  /** Per prefix: the `epoch` of the last scan that found it (each prefix is reported once per scan). */
  readonly #seen: Int32Array;
  #epoch = 0;

  constructor(lists: readonly PrefixList[]) {
    this.lists = lists.length;
    const prefixes: string[] = [];
    const owners: [number, number][][] = [];
    const index = new Map<string, number>();
    this.base = lists.map((list, l) =>
      Uint8Array.from(list, (slot, s) => {
        if (!slot) return 1;
        for (const p of slot) {
          let id = index.get(p);
          if (id === undefined) {
            id = prefixes.push(p) - 1;
            index.set(p, id);
            owners.push([]);
          }
          owners[id]!.push([l, s]);
        }
        return 0;
      }),
    );
    this.ownerFirst = new Int32Array(prefixes.length + 1);
    owners.forEach((o, p) => {
      this.ownerFirst[p + 1] = this.ownerFirst[p]! + o.length;
    });
    const flat = owners.flat();
    this.ownerList = Int32Array.from(flat, ([l]) => l);
    this.ownerSlot = Int32Array.from(flat, ([, s]) => s);
    this.automaton = prefixes.length ? new Automaton(prefixes) : null;
    this.#seen = new Int32Array(prefixes.length);
  }

  /** The prefixes found in `text`, each once, into `into` (grown as needed); returns their count. */
  found(text: string, into: { ids: Int32Array }): number {
    if (!this.automaton) return 0;
    const n = text.length;
    if (codes.length < n) codes = new Uint16Array(Math.max(n, 2 * codes.length));
    for (let i = 0; i < n; i++) codes[i] = text.charCodeAt(i);
    this.automaton.collect(codes, n, hits);
    const { data, count } = hits;
    if (count === 0) return 0;
    if (into.ids.length < count) into.ids = new Int32Array(Math.max(count, 8));
    if (++this.#epoch === 0x40000000) {
      this.#seen.fill(0);
      this.#epoch = 1;
    }
    const seen = this.#seen;
    const epoch = this.#epoch;
    let distinct = 0;
    for (let k = 0; k < 3 * count; k += 3) {
      const p = data[k]!;
      if (seen[p] === epoch) continue;
      seen[p] = epoch;
      into.ids[distinct++] = p;
    }
    return distinct;
  }

  /** List `list`'s flags given the prefixes found (`ids[0 … count)`); its base flags (shared) when none is its own. */
  flagsOf(list: number, ids: Int32Array, count: number): Uint8Array {
    const base = this.base[list]!;
    let flags: Uint8Array | undefined;
    const { ownerFirst, ownerList, ownerSlot } = this;
    for (let k = 0; k < count; k++) {
      const p = ids[k]!;
      for (let o = ownerFirst[p]!; o < ownerFirst[p + 1]!; o++) if (ownerList[o] === list) (flags ??= base.slice())[ownerSlot[o]!] = 1;
    }
    return flags ?? base;
  }
}

/** One message's hits in a `SharedPrefixScan` (a message with none, most short ones, allocates nothing). */
export class MessageScan {
  built: BuiltScan | null = null;
  ids = NO_IDS;
  count = 0;
  /**
   * Each list's flags once worked out for this message (by list index), so a filter asked again
   * (the script phrases: one `findIn` per phrase and message) reads them instead of walking the
   * hits again and copying its base flags: the 7 script phrase flags of a realistic chat message
   * took 0.15–0.29 µs instead of 0.49–0.79 (same-process microbenchmark, scan kept, medians of 15).
   */
  #flags: (Uint8Array | undefined)[] | null = null;

  fill(built: BuiltScan, text: string): void {
    this.built = built;
    this.count = built.found(text, this);
    this.#flags = null;
  }

  /** List `list`'s flags (shared: read them, never write them). */
  flagsOf(list: number): Uint8Array {
    if (this.count === 0) return this.built!.base[list]!;
    const kept = (this.#flags ??= [])[list];
    if (kept !== undefined) return kept;
    const flags = this.built!.flagsOf(list, this.ids, this.count);
    this.#flags[list] = flags;
    return flags;
  }
}

const NO_IDS = new Int32Array(0);
const newMessageScan = () => new MessageScan();
keepShape(newMessageScan());

/**
 * A phrase filter whose prefix scan is shared (`SharedPrefixScan`): `flags(analysis)` reads the
 * message's one scan, `flagsOfText(text)` scans a text that is not a message's (the same
 * combined automaton, nothing kept). `flags[i]` 1: pattern `i` may match; 0: it cannot. The
 * returned array is shared: read it, never write it.
 */
export class SharedFilter {
  readonly #scan: SharedPrefixScan;
  readonly #list: PrefixList;
  #index = -1;
  /** The flags of every text when no slot has a prefix (such a list never joins the scan). */
  readonly #constant: Uint8Array | null;

  constructor(scan: SharedPrefixScan, list: PrefixList) {
    this.#scan = scan;
    this.#list = list;
    this.#constant = list.some((slot) => slot?.length) ? null : Uint8Array.from(list, (slot) => (slot ? 0 : 1));
  }

  #joined(): number {
    if (this.#index < 0) this.#index = this.#scan.join(this.#list);
    return this.#index;
  }

  /** The flags for the message's text this filter's scan reads (scanned once per message for every filter of the scan). */
  flags(analysis: MessageAnalysis): Uint8Array {
    if (this.#constant) return this.#constant;
    const index = this.#joined();
    return this.#scan.scanOf(analysis).flagsOf(index);
  }

  /** The flags for any text (one scan of the combined automaton, not kept). */
  flagsOfText(text: string): Uint8Array {
    if (this.#constant) return this.#constant;
    const index = this.#joined();
    const built = this.#scan.built();
    const count = built.found(text, scratch);
    return built.flagsOf(index, scratch.ids, count);
  }
}

/** Code units and hits of the scan in progress (reused: each is read out before the next scan). */
let codes = new Uint16Array(256);
const hits = new AutomatonHits();
const scratch = { ids: new Int32Array(64) };

const scans = { lower: new Map<string, SharedPrefixScan>(), normalized: new Map<string, SharedPrefixScan>() };

/**
 * The shared scan of one text form of a message for the lists of one language (`'*'`: the lists
 * every language reads, e.g. the politeness strategies). Per language, not one for all: an
 * automaton over nine languages' phrases reports other languages' prefixes in every message and
 * outgrows its dense ASCII rows, which cost more than the scans it saved (decision 127).
 * `lower`: `analysis.lower` (case-insensitive phrase filters: politeness, phrasing, address,
 * script); `normalized`: `view.normalized` (mood cues, conduct rules).
 */
export function sharedPrefixScan(form: 'lower' | 'normalized', language: string): SharedPrefixScan {
  const byLanguage = scans[form];
  let scan = byLanguage.get(language);
  if (!scan) {
    scan = new SharedPrefixScan(form === 'lower' ? (analysis) => analysis.lower : (analysis) => analysis.view.normalized);
    byLanguage.set(language, scan);
  }
  return scan;
}

/** Every shared prefix scan made so far, with its text form and language (for the tests). */
export function sharedPrefixScans(): { form: 'lower' | 'normalized'; language: string; scan: SharedPrefixScan }[] {
  return (['lower', 'normalized'] as const).flatMap((form) => [...scans[form]].map(([language, scan]) => ({ form, language, scan })));
}
