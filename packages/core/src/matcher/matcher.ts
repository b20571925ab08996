import { normalizeText, type TextView } from '../pipeline/normalize/text-view.js';
import type { Severity } from '../pipeline/validate/finding.js';
import { Automaton, AutomatonHits } from './aho-corasick.js';
import { traditionalToSimplified } from './chinese-fold.js';
import { isWholeWordsInRun } from './cjk-words.js';
import { normalizedUnit, normalizeOneToOne, type Skeleton, scanSkeletonOfView, skeletonize, skeletonizePlainCjk } from './skeleton.js';

/** One term the matcher looks for. */
export interface MatchTerm {
  /** Stable id, e.g. `en.profanity.fuck` or `policy.generic.wechat`. */
  id: string;
  text: string;
  category: string;
  severity: Severity;
  /**
   * `word`: must not sit inside a longer word (default for alphabetic terms); `none`: substring
   * (default for CJK); `start`: must begin a word (no letter, digit or Hangul syllable before it),
   * anything may follow — for Korean, whose particles and endings attach to the word (병신아,
   * 새끼를), and compound heads (Scheiß-); innocent words that begin with the term go to `allow`.
   */
  boundary?: 'word' | 'none' | 'start';
  /** Where the term came from (lexicon id and version), for explanations. */
  source?: string;
  /**
   * ISO 639-1 languages the term is offensive (or meaningful) in; omitted = every language. A
   * message in another language never matches it ("retard" is a delay in French).
   */
  languages?: readonly string[];
}

/** Options of one `match` call. */
export interface MatchOptions {
  /**
   * The message's language (ISO 639-1). Terms tagged with other languages are skipped; `und` or
   * omitted applies every term.
   */
  language?: string;
  /**
   * Further languages the text may be in (e.g. the conversation's language for a message too short
   * to identify with confidence): a term applies when it is tagged with any of them.
   */
  alsoLanguages?: readonly string[];
}

/** A match, with its span in the ORIGINAL text. */
export interface TermMatch {
  term: MatchTerm;
  start: number;
  end: number;
  /** The original text that matched. */
  matched: string;
  /** True when only the de-obfuscated skeleton matched (separators, leetspeak, look-alikes, repeats). */
  obfuscated: boolean;
}

export interface Matcher {
  readonly termCount: number;
  /** All term matches in the text, allow-list and language tags applied, sorted by start. */
  match(input: string | TextView, options?: MatchOptions): TermMatch[];
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}]/u;
/** Scripts written without spaces, where a word boundary comes from dictionary segmentation. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;
/** Evidence that a text was obfuscated on purpose: a separator, digit or symbol, or a letter written three times. */
const DELIBERATE = /[^\p{L}\p{M}]|(\p{L})\1\1/u;
const LATIN = /\p{Script=Latin}/u;
const LOOKALIKE_SCRIPT = /[\p{Script=Cyrillic}\p{Script=Greek}]/u;
/** Was this (normalized) text obfuscated on purpose, rather than being another real word? */
const deliberate = (s: string): boolean => DELIBERATE.test(s) || (LATIN.test(s) && LOOKALIKE_SCRIPT.test(s)) || UNSPACED.test(s);
/**
 * Languages outside the product that a message is identified as when it is (mostly) in a close
 * product language, so a term tagged for that language applies: Galician reads as Portuguese and
 * Spanish, Catalan as Spanish (a short or spelled-out Spanish line is often scored Catalan).
 */
const CLOSE_LANGUAGES: Record<string, readonly string[]> = { gl: ['pt', 'es'], ca: ['es'] };
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
const HANGUL = /\p{Script=Hangul}/u;
/** A term written as one word (letters and digits only): a space inside its match in the text is not part of it. */
const ONE_WORD = /^[\p{L}\p{N}\p{M}]+$/u;
/** Skeleton matching is only trusted for terms this long (shorter ones collide with real words). */
const MIN_SKELETON_LATIN = 4;
const MIN_SKELETON_CJK = 2;

/**
 * Build a linear-time multi-term matcher: one Aho–Corasick automaton over the de-obfuscated
 * skeleton of the normalized view; a hit is exact when the normalized text under it equals the
 * term, otherwise obfuscated (accepted for terms long enough not to collide with real words).
 * Build once per lexicon version and reuse.
 *
 * @example
 * const m = createMatcher([{ id: 'x.wechat', text: 'wechat', category: 'off_platform', severity: 'major' }]);
 * m.match('add my w-e-c-h-a-t')[0]; // { start: 7, end: 18, matched: 'w-e-c-h-a-t', obfuscated: true, … }
 */
export interface MatcherOptions {
  /** `fold` (default): Traditional Chinese matches Simplified terms and vice versa; `keep`: no folding. */
  traditionalChinese?: 'fold' | 'keep';
}

/** The code-point fold matchers apply by default (`traditionalChinese: 'fold'`): Traditional → Simplified Chinese. */
export const DEFAULT_FOLD = traditionalToSimplified;

/** The skeleton a matcher looks for when given the term `text` (normalized, de-obfuscated, folded by `fold`). */
export function termSkeleton(text: string, fold: ((cp: number) => number) | undefined): string {
  return skeletonize(normalizeText(text).normalized, fold).text;
}

export function createMatcher(terms: readonly MatchTerm[], allow: readonly string[] = [], options: MatcherOptions = {}): Matcher {
  const fold = options.traditionalChinese === 'keep' ? undefined : DEFAULT_FOLD;
  const all = [...terms.map((t) => ({ term: t, allow: false, text: t.text })), ...allow.map((a) => ({ term: null, allow: true, text: a }))];
  const normalizedTerms: string[] = [];
  const patterns: string[] = [];
  const boundaries: boolean[] = [];
  const wordStarts: boolean[] = [];
  const wholeWords: boolean[] = [];
  const koreanWords: boolean[] = [];
  const obfuscationOk: boolean[] = [];
  for (const entry of all) {
    const norm = normalizeText(entry.text).normalized;
    const cjk = CJK.test(norm);
    const skel = termSkeleton(entry.text, fold);
    normalizedTerms.push(norm);
    patterns.push(skel);
    const boundary = entry.term?.boundary ?? 'word';
    // alphabetic terms: no letter may continue the word; unspaced scripts: ICU word segmentation
    boundaries.push(!entry.allow && boundary === 'word' && !UNSPACED.test(norm));
    wordStarts.push(!entry.allow && boundary === 'start');
    wholeWords.push(!entry.allow && boundary === 'word' && UNSPACED.test(norm));
    koreanWords.push(HANGUL.test(norm) && ONE_WORD.test(norm));
    obfuscationOk.push(skel.length >= (cjk ? MIN_SKELETON_CJK : MIN_SKELETON_LATIN));
  }
  const applies = (p: number, language: string | undefined): boolean => {
    const langs = all[p]!.term?.languages;
    if (!langs?.length || !language || language === 'und') return true;
    return langs.includes(language) || (CLOSE_LANGUAGES[language]?.some((l) => langs.includes(l)) ?? false);
  };
  // One automaton over skeletons; a hit is exact when the normalized text under it is the term.
  const automaton = new Automaton(patterns);

  /** Accept or reject one automaton hit (pattern `p` over normalized [ns, ne)); accepted ones go to `hits`. */
  const accept = (view: ScanView, language: string | undefined, also: readonly string[], p: number, ns: number, ne: number, hits: Hit[]): void => {
    if (!applies(p, language) && !also.some((l) => applies(p, l))) return;
    const term = normalizedTerms[p]!;
    // a bare string's view reads its normalized units in place (no normalized string for an exact hit)
    const exact =
      ne - ns === term.length && (view instanceof OneToOneView ? startsWithNormalized(view.original, term, ns) : view.normalized.startsWith(term, ns));
    if (!exact) {
      if (!obfuscationOk[p]) return;
      const normalized = view.normalized;
      // a plain word that only differs from the term by a doubled letter is another word (looser ≠ loser)
      if (!deliberate(normalized.slice(ns, ne))) return;
      // Korean is written with spaces: 등신 is not in "여권 등 신분증"; only spelled-out syllables (씨 발) are obfuscation
      if (koreanWords[p] && joinsKoreanWords(normalized, ns, ne)) return;
    }
    const span = view.toOriginalSpan(ns, ne);
    if (span.end <= span.start) return;
    const original = view.original;
    if (boundaries[p] && !atWordBoundary(original, span.start, span.end)) return;
    if (wordStarts[p] && !atWordStart(original, span.start)) return;
    if (wholeWords[p] && !isWholeWordsInRun(original, span.start, span.end)) return;
    hits.push({ entry: p, start: span.start, end: span.end, obfuscated: !exact });
  };
  /** The accepted hits (in scan order) as the match list: allow-list, one report per term and place, no contained match. */
  const finish = (view: ScanView, hits: Hit[]): TermMatch[] => {
    if (hits.length === 0) return [];
    const original = view.original;
    if (hits.length === 1) {
      // one hit (most messages with any): no allow-listed span, no earlier report, nothing to contain
      const h = hits[0]!;
      const entry = all[h.entry]!;
      return entry.allow ? [] : [{ term: entry.term!, start: h.start, end: h.end, matched: original.slice(h.start, h.end), obfuscated: h.obfuscated }];
    }
    hits.sort(byStartExactFirst);
    const allowedHits: Hit[] = [];
    for (const h of hits) if (all[h.entry]!.allow) allowedHits.push(h);
    const insideAllowed = allowedOverlap(allowedHits);
    const out: TermMatch[] = [];
    // one report per term and place; a variant (`id~variant`) landing on the same span as its term adds nothing.
    // Hits come by start, so a term's earlier report overlaps this one exactly when it ends after this start.
    const termEnd = new Map<MatchTerm, number>();
    const spanIds = new Set<string>();
    for (const h of hits) {
      const entry = all[h.entry]!;
      if (entry.allow || insideAllowed(h)) continue;
      const term = entry.term!;
      const spanId = `${h.start}:${h.end}:${baseId(term.id)}`;
      if ((termEnd.get(term) ?? -1) > h.start || spanIds.has(spanId)) continue;
      termEnd.set(term, Math.max(termEnd.get(term) ?? -1, h.end));
      spanIds.add(spanId);
      out.push({ term, start: h.start, end: h.end, matched: original.slice(h.start, h.end), obfuscated: h.obfuscated });
    }
    return withoutContained(out);
  };

  const matcher: Matcher = {
    termCount: terms.length,
    match(input, options) {
      let view: ScanView | undefined;
      let sk: Skeleton | undefined;
      if (typeof input !== 'string') {
        view = input;
        sk = scanSkeletonOfView(input, fold);
      } else {
        // plain ASCII (most English chat) normalizes to its lower case, offset for offset, and so
        // does plain Chinese or Japanese (ideographs, kana, full-width and CJK punctuation): no
        // view to build unless the automaton finds something
        sk = skeletonizePlainCjk(input, fold);
        if (!sk) {
          view = normalizeText(input);
          // a bare string has no view to keep its skeleton for the next matcher
          sk = skeletonize(view.normalized, fold);
        }
      }
      automaton.collect(sk.codes, sk.length, scanned);
      // skeleton units → normalized offsets, keeping only the hits `accept` could take
      const { data } = scanned;
      let live = 0;
      for (let k = 0; k < 3 * scanned.count; k += 3) {
        const p = data[k]!;
        const ns = sk.starts[data[k + 1]!]!;
        const ne = sk.ends[data[k + 2]! - 1]!;
        if (!possible(p, ns, ne, view, input as string)) continue;
        data[live++] = p;
        data[live++] = ns;
        data[live++] = ne;
      }
      return live === 0 ? [] : acceptAll((view ??= new OneToOneView(input as string)), data, live, options);
    },
  };
  /**
   * Could `accept` take the hit of pattern `p` over normalized [ns, ne)? Exact ones and those long
   * enough to be obfuscated: most hits in English are short terms' skeletons inside other words
   * (`as` of "ass" in "was"), so most messages end here. `view` undefined: `input` is one-to-one.
   */
  function possible(p: number, ns: number, ne: number, view: ScanView | undefined, input: string): boolean {
    if (obfuscationOk[p]) return true;
    const term = normalizedTerms[p]!;
    return ne - ns === term.length && (view ? view.normalized.startsWith(term, ns) : startsWithNormalized(input, term, ns));
  }
  /** `accept` each of the first `length` / 3 hit triples of `data`, then `finish`. */
  function acceptAll(view: ScanView, data: ArrayLike<number>, length: number, options: MatchOptions | undefined): TermMatch[] {
    const hits: Hit[] = [];
    const language = options?.language;
    const also = options?.alsoLanguages ?? [];
    for (let k = 0; k < length; k += 3) accept(view, language, also, data[k]!, data[k + 1]!, data[k + 2]!, hits);
    return finish(view, hits);
  }
  internals.set(matcher, {
    patterns,
    wordBound: boundaries,
    fold,
    matchScanned(view, scanned, options = {}) {
      const hits: Hit[] = [];
      const also = options.alsoLanguages ?? [];
      for (let k = 0; k < scanned.length; k += 3) accept(view, options.language, also, scanned[k]!, scanned[k + 1]!, scanned[k + 2]!, hits);
      return finish(view, hits);
    },
    matchHits(view, hits, from, to, options) {
      if (from === to) return [];
      if (live.length < to - from) live = new Int32Array(Math.max(to - from, 2 * live.length));
      let n = 0;
      for (let k = from; k < to; k += 3) {
        const p = hits[k]!;
        const ns = hits[k + 1]!;
        const ne = hits[k + 2]!;
        if (!possible(p, ns, ne, view, view.normalized)) continue;
        live[n++] = p;
        live[n++] = ns;
        live[n++] = ne;
      }
      return n === 0 ? [] : acceptAll(view, live, n, options);
    },
  });
  return matcher;
}

/** The hits of the scan in progress (shared: a scan is copied out before anything else runs). */
const scanned = new AutomatonHits();
/** The hits `matchHits` keeps, before `accept` reads them (reused the same way). */
let live = new Int32Array(48);

/** What accepting a hit reads of a view: a `TextView`, or a `PlainAsciiView` of a bare string. */
type ScanView = Pick<TextView, 'original' | 'normalized' | 'toOriginalSpan'>;

/** Does the normalized form of one-to-one `text` (`normalizedUnit`) hold `normalized` at `at`? */
function startsWithNormalized(text: string, normalized: string, at: number): boolean {
  for (let i = 0; i < normalized.length; i++) if (normalizedUnit(text.charCodeAt(at + i)) !== normalized.charCodeAt(i)) return false;
  return true;
}

/**
 * The normalized view of a text that normalizes unit for unit (`skeletonizePlainCjk`: plain ASCII
 * or CJK): each unit read as `normalizedUnit`, each offset mapping to itself.
 */
class OneToOneView implements ScanView {
  #normalized: string | undefined;

  constructor(readonly original: string) {}

  get normalized(): string {
    this.#normalized ??= normalizeOneToOne(this.original);
    return this.#normalized;
  }

  /** `TextView.toOriginalSpan` for a view whose unit i comes from original [i, i + 1). */
  toOriginalSpan(from: number, to: number): { start: number; end: number } {
    const n = this.original.length;
    if (to <= from) {
      const at = from >= n ? n : Math.max(0, from);
      return { start: at, end: at };
    }
    return { start: n === 0 ? 0 : Math.max(0, Math.min(from, n - 1)), end: to >= 1 ? Math.min(to, n) : n };
  }
}

/** One automaton hit the matcher accepted, before the allow-list and de-duplication. */
interface Hit {
  entry: number;
  start: number;
  end: number;
  obfuscated: boolean;
}

/** What a caller that scans for a matcher's patterns itself (one automaton over several matchers) needs. */
export interface MatcherInternals {
  /** The skeletons the matcher's automaton looks for: its terms, then its allow-list entries. */
  readonly patterns: readonly string[];
  /**
   * Per pattern: a hit is accepted only where the original text has no word character right
   * before or after its span (`atWordBoundary`): a term of letters with the default boundary.
   */
  readonly wordBound: readonly boolean[];
  readonly fold: ((cp: number) => number) | undefined;
  /**
   * `match` given the automaton's hits instead of scanning: flat triples (pattern index,
   * normalized start, normalized end) in the order an Aho–Corasick scan of the skeleton of
   * `view.normalized` over `patterns` reports them (by end, then longest first, then pattern
   * order) — the same result as `match(view, options)`.
   */
  matchScanned(view: TextView, scanned: ArrayLike<number>, options?: MatchOptions): TermMatch[];
  /**
   * `matchScanned` over the triples `hits[from … to)` (a `SharedSkeletonScan`'s, not written):
   * the hits no term could accept are dropped first, as `match` does. The same result as
   * `match(view, options)`.
   */
  matchHits(view: TextView, hits: Int32Array, from: number, to: number, options?: MatchOptions): TermMatch[];
}

const internals = new WeakMap<Matcher, MatcherInternals>();

/** The internals of a matcher made by `createMatcher` (not part of the public API). */
export function matcherInternals(matcher: Matcher): MatcherInternals {
  const found = internals.get(matcher);
  if (!found) throw new Error('matcherInternals: not a matcher made by createMatcher');
  return found;
}

/**
 * Does a hit overlap an allow-listed span? Allowed spans sorted by start with a running maximum
 * of their ends: binary search for the last one starting before the hit's end. O(log n) a hit.
 */
function allowedOverlap(allowed: readonly { start: number; end: number }[]): (h: { start: number; end: number }) => boolean {
  if (!allowed.length) return () => false;
  const sorted = [...allowed].sort((a, b) => a.start - b.start);
  const maxEnd: number[] = [];
  for (const a of sorted) maxEnd.push(Math.max(maxEnd.at(-1) ?? -1, a.end));
  return (h) => {
    let lo = 0;
    let hi = sorted.length - 1;
    let last = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]!.start < h.end) {
        last = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return last >= 0 && maxEnd[last]! > h.start;
  };
}

/**
 * Drop a match lying inside a longer one (媽的 inside 他媽的), in one sweep by start (ends
 * descending): an earlier match contains this one and is longer when the furthest end seen so far
 * passes this end, or reaches it from an earlier start. Keeps the input order.
 */
function withoutContained(out: TermMatch[]): TermMatch[] {
  if (out.length < 2) return out;
  // indices by start, ends descending; a module-level comparator, not a closure per call (decision 204)
  const order: number[] = [];
  for (let i = 0; i < out.length; i++) order.push(i);
  sorting = out;
  order.sort(byStartLongestFirst);
  sorting = NO_MATCHES;
  const drop = new Uint8Array(out.length);
  let maxEnd = -1;
  let maxEndStart = Infinity;
  for (const i of order) {
    const o = out[i]!;
    if (maxEnd > o.end || (maxEnd === o.end && maxEndStart < o.start)) drop[i] = 1;
    if (o.end > maxEnd) {
      maxEnd = o.end;
      maxEndStart = o.start;
    } else if (o.end === maxEnd) maxEndStart = Math.min(maxEndStart, o.start);
  }
  const kept: TermMatch[] = [];
  for (let i = 0; i < out.length; i++) if (!drop[i]) kept.push(out[i]!);
  return kept;
}

/** What `byStartLongestFirst` compares the indices of (set around one `sort`). */
const NO_MATCHES: readonly TermMatch[] = [];
let sorting: readonly TermMatch[] = NO_MATCHES;
function byStartLongestFirst(a: number, b: number): number {
  return sorting[a]!.start - sorting[b]!.start || sorting[b]!.end - sorting[a]!.end;
}

/** Hits by start, an exact hit before an obfuscated one at the same start. */
function byStartExactFirst(a: Hit, b: Hit): number {
  return a.start - b.start || Number(a.obfuscated) - Number(b.obfuscated);
}

/** A term's id without its variant suffix (`lexicon#3~fck` → `lexicon#3`). */
const baseId = (id: string): string => {
  const k = id.indexOf('~');
  return k < 0 ? id : id.slice(0, k);
};

/** ASCII letters and digits: the ASCII code units WORD_CHAR matches. */
const ASCII_WORD = Uint8Array.from({ length: 128 }, (_, c) => (WORD_CHAR.test(String.fromCharCode(c)) ? 1 : 0));

/** The span does not continue a word on either side (checked on the original text). */
export function atWordBoundary(text: string, start: number, end: number): boolean {
  // ASCII on all four sides (most hits in Latin text): no CJK edge, a word character is a letter or digit
  const b = start > 0 ? text.charCodeAt(start - 1) : 0x20;
  const a = end < text.length ? text.charCodeAt(end) : 0x20;
  if ((b | a | text.charCodeAt(start) | text.charCodeAt(end - 1)) < 0x80) return !ASCII_WORD[b] && !ASCII_WORD[a];
  const before = start > 0 ? String.fromCodePoint(text.codePointAt(start - 1 - (isLowSurrogate(text, start - 1) ? 1 : 0))!) : '';
  const after = end < text.length ? String.fromCodePoint(text.codePointAt(end)!) : '';
  const edgeStart = String.fromCodePoint(text.codePointAt(start)!);
  const edgeEnd = text[end - 1]!;
  // CJK edges never need a boundary (no spaces in those scripts)
  const okBefore = !before || CJK.test(edgeStart) || CJK.test(before) || !WORD_CHAR.test(before);
  const okAfter = !after || CJK.test(edgeEnd) || CJK.test(after) || !WORD_CHAR.test(after);
  return okBefore && okAfter;
}

/** Nothing that could be part of the same word (a letter of any script, a digit, a mark) comes right before `start`. */
function atWordStart(text: string, start: number): boolean {
  if (start === 0) return true;
  const b = text.charCodeAt(start - 1);
  if (b < 0x80) return !ASCII_WORD[b];
  return !WORD_CHAR.test(String.fromCodePoint(text.codePointAt(start - 1 - (isLowSurrogate(text, start - 1) ? 1 : 0))!));
}

/**
 * Does `normalized[start, end)` join two Korean words across a space or other separator, at
 * least one of them longer than one syllable (여권 등 신분증)? Separators between single
 * syllables (씨 발, 병.신) are deliberate spelling-out.
 */
function joinsKoreanWords(normalized: string, start: number, end: number): boolean {
  const letter = (i: number) => i >= 0 && i < normalized.length && /[\p{L}\p{M}]/u.test(normalized[i]!);
  for (let i = start; i < end; i++) {
    if (letter(i) || !HANGUL.test(normalized[i - 1] ?? '')) continue;
    let j = i;
    while (j < end && !letter(j)) j++;
    if (j >= end || !HANGUL.test(normalized[j]!)) continue;
    let left = 0;
    for (let k = i - 1; letter(k); k--) left++;
    let right = 0;
    for (let k = j; letter(k); k++) right++;
    if (left > 1 || right > 1) return true;
    i = j;
  }
  return false;
}

function isLowSurrogate(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c >= 0xdc00 && c <= 0xdfff && i > 0;
}
