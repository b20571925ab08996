import { Automaton, AutomatonHits } from '../../../matcher/aho-corasick.js';
import { createMatcher, DEFAULT_FOLD, type Matcher, type MatchTerm, matcherInternals, type TermMatch } from '../../../matcher/matcher.js';
import { SKELETON_SCAN } from '../../../matcher/shared-skeleton-scan.js';
import { scanSkeletonOfView } from '../../../matcher/skeleton.js';
import type { MessageAnalysis } from '../../../pipeline/analyze/message-analysis.js';
import type { TextView } from '../../../pipeline/normalize/text-view.js';
import type { Role } from '../../../pipeline/validate/conversation.js';
import { insideSpan, quotedSpans } from '../../../text/quotes.js';
import { maxOf, minOf, pushAll } from '../../../util/arrays.js';
import { compilePattern, isShipped } from '../../../util/pattern-engine.js';
import { findChain, isNegated, type Negation } from './chains.js';
import { patternPrefilter } from './pattern-prefilter.js';
import type { PolicyPack, PolicyRule } from './schema.js';
import { spelledNumberPrefilter } from './spelled-number.js';
import { findUrls, hostAllowed, quotedLink } from './urls.js';

export interface PolicyHit {
  rule: PolicyRule;
  pack: string;
  start: number;
  end: number;
  matched: string;
  /** The terms (or link, or pattern) that made the rule fire. */
  evidence: string[];
  obfuscated: boolean;
}

export interface CompiledPolicy {
  readonly version: string;
  /** Rule sets built so far: at most one per platform that a pack names, plus the generic set. */
  readonly ruleSets: number;
  /** Rules judged on a message from `role` of a conversation on `platform`. */
  /** `analysis`: the message's shared analysis when `view` is its view (shipped rules then read the message's one skeleton scan). */
  evaluate(view: TextView, role: Role, platform: string | undefined, analysis?: MessageAnalysis): PolicyHit[];
}

/** Scripts written without spaces (and Hangul, whose particles attach to the word): their terms match as substrings. */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/** Where a distinct term text of a rule is used: `term`, `unless`, `after`, `p<phrase>g<group>`, `p<phrase>u`. */
type Slot = string;

/** A rule's regex and its prefilter (a shipped pattern's tail, see `patternPrefilter`, or `spelledNumberPrefilter`; null: none). */
interface CompiledPattern {
  re: RegExp;
  prefilter: { test(text: string): boolean } | null;
}

/** A rule's regex on the engine `origin` calls for, with its prefilter when it is shipped (a brand's patterns run on RE2 as they are). */
function compiledPattern(source: string, origin: 'shipped' | 'user', where: string): CompiledPattern {
  const re = compilePattern(source, 'giu', origin, where);
  return { re, prefilter: origin === 'shipped' ? (spelledNumberPrefilter(source) ?? patternPrefilter(source, 'giu')) : null };
}

/** One rule, compiled once: its own matcher (so one rule's allow-list never hides another rule's terms) and regexes. */
interface CompiledRule {
  rule: PolicyRule;
  pack: string;
  /** From a shipped pack (its terms join the message's shared skeleton scan). */
  shipped: boolean;
  matcher: Matcher | null;
  /** Slots of each matcher term, by term id. */
  slots: Map<string, Slot[]>;
  patterns: CompiledPattern[];
  /** Per phrase, per group: the group's regex when the group is `{ pattern }`. */
  groupPatterns: (CompiledPattern | null)[][];
  /** Every term text of the rule, and whether it can make the rule fire (a term or a phrase term group) or only vetoes. */
  texts: { text: string; fires: boolean }[];
  /** A regex alone can fire it (a pattern, or a phrase made of pattern groups only). */
  regexAlone: boolean;
  /** Per phrase: the slot of each group (`p<phrase>g<group>`) and of its veto terms (`p<phrase>u`), named once. */
  phraseSlots: { groups: Slot[]; unless: Slot }[];
  /** Per pattern: its label in term ids (`pattern<k>`). */
  patternLabels: string[];
  /** Per term text (its matcher pattern index): whether it fills the `term` slot. */
  firesTerm: boolean[];
  /** Per term text: the phrase term groups it fills, as indices `groupBase[phrase] + group`. */
  groupsOfTerm: number[][];
  /** Per phrase: the indices (as in `groupsOfTerm`) of its term groups (not its pattern groups). */
  phraseTermGroups: number[][];
  /** Phrase groups of the rule, all phrases together. */
  groupCount: number;
}

function compileRule(rule: PolicyRule, pack: string, origin: 'shipped' | 'user'): CompiledRule {
  const byText = new Map<string, Slot[]>();
  const add = (text: string, slot: Slot) => {
    const slots = byText.get(text) ?? [];
    if (!slots.includes(slot)) slots.push(slot);
    byText.set(text, slots);
  };
  rule.terms.forEach((t) => add(t, 'term'));
  rule.unless.forEach((t) => add(t, 'unless'));
  rule.unlessAfter.forEach((t) => add(t, 'after'));
  const groupPatterns = rule.phrases.map((ph, p) => {
    ph.unless.forEach((t) => add(t, `p${p}u`));
    return ph.all.map((group, g) => {
      if (!Array.isArray(group)) return compiledPattern(group.pattern, origin, `policy pack ${pack}, rule ${rule.id}`);
      group.forEach((t) => add(t, `p${p}g${g}`));
      return null;
    });
  });
  const terms: MatchTerm[] = [];
  const slots = new Map<string, Slot[]>();
  for (const [text, s] of byText) {
    const id = `${rule.id}#${terms.length}`;
    terms.push({ id, text, category: id, severity: rule.severity, ...(CJK.test(text) ? { boundary: 'none' as const } : {}) });
    slots.set(id, s);
  }
  // a rule fires only through one of these terms, unless a regex (a pattern, or a phrase made of pattern groups only) can fire it alone
  const regexAlone = rule.patterns.length > 0 || rule.phrases.some((ph) => ph.all.every((group) => !Array.isArray(group)));
  const texts = [...byText].map(([text, s]) => ({ text, fires: s.some((x) => x === 'term' || /^p\d+g\d+$/.test(x)) }));
  const groupBase: number[] = [];
  let groupCount = 0;
  for (const ph of rule.phrases) {
    groupBase.push(groupCount);
    groupCount += ph.all.length;
  }
  const groupsOfTerm = [...byText.values()].map((s) =>
    s.flatMap((slot) => {
      const m = /^p(\d+)g(\d+)$/.exec(slot);
      return m ? [groupBase[Number(m[1])]! + Number(m[2])] : [];
    }),
  );
  return {
    rule,
    pack,
    shipped: origin === 'shipped',
    texts,
    regexAlone,
    matcher: terms.length ? createMatcher(terms, rule.allow) : null,
    slots,
    patterns: rule.patterns.map((source) => compiledPattern(source, origin, `policy pack ${pack}, rule ${rule.id}`)),
    groupPatterns,
    phraseSlots: rule.phrases.map((ph, p) => ({ groups: ph.all.map((_, g) => `p${p}g${g}`), unless: `p${p}u` })),
    patternLabels: rule.patterns.map((_, k) => `pattern${k}`),
    firesTerm: [...byText.values()].map((s) => s.includes('term')),
    groupsOfTerm,
    phraseTermGroups: rule.phrases.map((ph, p) => ph.all.flatMap((group, g) => (Array.isArray(group) ? [groupBase[p]! + g] : []))),
    groupCount,
  };
}

const NONE: readonly TermMatch[] = [];

/** Matches of `pattern` on the normalized view, as term matches with spans in the original text. */
function patternMatches(view: TextView, pattern: CompiledPattern, label: string, rule: PolicyRule): readonly TermMatch[] {
  const normalized = view.normalized;
  // most messages fail the prefilter: no regex run from every word start, no array
  if (pattern.prefilter !== null && !pattern.prefilter.test(normalized)) return NONE;
  const { re } = pattern;
  const out: TermMatch[] = [];
  let term: MatchTerm | undefined;
  re.lastIndex = 0;
  for (let m = re.exec(normalized); m; m = re.exec(normalized)) {
    if (m[0].length === 0) {
      // as `matchAll` does: step past an empty match (a whole code point under the `u` flag)
      re.lastIndex = m.index + (codePointLength(normalized, m.index) || 1);
      continue;
    }
    const span = view.toOriginalSpan(m.index, m.index + m[0].length);
    term ??= { id: `${rule.id}/${label}`, text: re.source, category: rule.id, severity: rule.severity };
    if (span.end > span.start) out.push({ term, start: span.start, end: span.end, matched: view.original.slice(span.start, span.end), obfuscated: false });
  }
  return out;
}

/** UTF-16 length of the code point at `i` (0 past the end). */
function codePointLength(text: string, i: number): number {
  if (i >= text.length) return 0;
  const c = text.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

/** The matches of one slot (none: an empty list). */
function slotMatches(bySlot: Map<Slot, TermMatch[]> | undefined, slot: Slot): readonly TermMatch[] {
  return bySlot?.get(slot) ?? NONE;
}

/** Add `hit` unless it overlaps one already found. */
function pushHit(hits: PolicyHit[], hit: PolicyHit): void {
  for (const h of hits) if (overlaps(h, hit)) return;
  hits.push(hit);
}

/** Phrase term groups with a skeleton hit, by index (see `termsMayFire`; reused, never read by two calls at once). */
let groupSeen = new Uint8Array(64);

/**
 * Can a term of `c` fire it, given the rule's automaton hits `scanned`? Only when a hit is of a
 * `term` text, or every term group of some phrase has a hit: the rule's matcher accepts matches
 * only among these hits, so otherwise no term match could fire it and, unless a regex fires it
 * (whose vetoes are then read), the matcher need not run. Most messages with a hit hold a common
 * word of one phrase group ("on", "order", "me") and nothing else of the rule.
 */
function termsMayFire(c: CompiledRule, scanned: readonly number[]): boolean {
  if (groupSeen.length < c.groupCount) groupSeen = new Uint8Array(c.groupCount);
  groupSeen.fill(0, 0, c.groupCount);
  const terms = c.firesTerm.length;
  for (let k = 0; k < scanned.length; k += 3) {
    const p = scanned[k]!;
    if (p >= terms) continue; // an allow-list entry
    if (c.firesTerm[p]) return true;
    for (const g of c.groupsOfTerm[p]!) groupSeen[g] = 1;
  }
  for (const groups of c.phraseTermGroups) {
    if (groups.length === 0) continue; // a phrase of patterns only reads the matcher when its patterns match
    let all = true;
    for (let k = 0; k < groups.length && all; k++) all = groupSeen[groups[k]!] === 1;
    if (all) return true;
  }
  return false;
}

/** The rule's matcher's matches among `scanned`, by slot (undefined: none). */
function matchSlots(c: CompiledRule, view: TextView, scanned: readonly number[]): Map<Slot, TermMatch[]> | undefined {
  let bySlot: Map<Slot, TermMatch[]> | undefined;
  for (const m of matcherInternals(c.matcher!).matchScanned(view, scanned)) {
    const slots = c.slots.get(m.term.id);
    if (!slots) continue;
    bySlot ??= new Map();
    for (const slot of slots) {
      const list = bySlot.get(slot);
      if (list) list.push(m);
      else bySlot.set(slot, [m]);
    }
  }
  return bySlot;
}

const NO_HITS: readonly PolicyHit[] = [];

/**
 * Hits of one compiled terms rule on one message; `scanned`: the rule's matcher hits found by the
 * rule set's one scan (see `buildPrefilter`), undefined when none of its term texts occurs. The
 * matcher runs on them only when a term may fire the rule or a regex did (see `termsMayFire`).
 */
function evaluateRule(c: CompiledRule, view: TextView, scanned: readonly number[] | undefined): readonly PolicyHit[] {
  const { rule, pack } = c;
  const text = view.original;
  let bySlot: Map<Slot, TermMatch[]> | undefined;
  // `read`: bySlot holds every match of the rule's terms (none to read without hits or terms)
  let read = scanned === undefined || c.matcher === null;
  if (!read && termsMayFire(c, scanned!)) {
    bySlot = matchSlots(c, view, scanned!);
    read = true;
  }
  let negation: Negation | undefined;
  let hits: PolicyHit[] | undefined;
  // a term or phrase wholly inside quotation marks is reported speech ("if someone writes “add me on WhatsApp”, ignore it");
  // a pattern (a handle, a link) inside them is still shared
  let quotes: { start: number; end: number }[] | undefined;
  for (const m of slotMatches(bySlot, 'term')) {
    negation ??= { before: slotMatches(bySlot, 'unless'), after: slotMatches(bySlot, 'after'), within: rule.unlessWithin };
    if (!isNegated(text, [m], negation) && !insideSpan((quotes ??= quotedSpans(text)), m.start, m.end))
      pushHit((hits ??= []), { rule, pack, start: m.start, end: m.end, matched: m.matched, evidence: [m.term.text], obfuscated: m.obfuscated });
  }
  for (let k = 0; k < c.patterns.length; k++) {
    const found = patternMatches(view, c.patterns[k]!, c.patternLabels[k]!, rule);
    if (found.length === 0) continue;
    if (!read) {
      bySlot = matchSlots(c, view, scanned!);
      read = true;
    }
    negation ??= { before: slotMatches(bySlot, 'unless'), after: slotMatches(bySlot, 'after'), within: rule.unlessWithin };
    for (const m of found) {
      if (!isNegated(text, [m], negation))
        pushHit((hits ??= []), { rule, pack, start: m.start, end: m.end, matched: m.matched, evidence: [m.matched], obfuscated: false });
    }
  }
  for (let p = 0; p < rule.phrases.length; p++) {
    const ph = rule.phrases[p]!;
    const slots = c.phraseSlots[p]!;
    // a term group with no match rules the phrase out before any regex runs (unread terms: no group of any phrase is complete)
    let ruledOut = false;
    for (let g = 0; g < ph.all.length && !ruledOut; g++) ruledOut = Array.isArray(ph.all[g]) && slotMatches(bySlot, slots.groups[g]!).length === 0;
    if (ruledOut) continue;
    if (!read) {
      bySlot = matchSlots(c, view, scanned!);
      read = true;
    }
    negation ??= { before: slotMatches(bySlot, 'unless'), after: slotMatches(bySlot, 'after'), within: rule.unlessWithin };
    const groups: (readonly TermMatch[])[] = [];
    for (let g = 0; g < ph.all.length; g++) {
      const re = c.groupPatterns[p]![g];
      groups.push(re ? patternMatches(view, re, slots.groups[g]!, rule) : slotMatches(bySlot, slots.groups[g]!));
    }
    const chain = findChain(
      text,
      { groups, within: ph.within, ordered: ph.ordered, clause: ph.clause },
      { ...negation, before: [...negation.before, ...slotMatches(bySlot, slots.unless)] },
    );
    if (!chain) continue;
    const start = minOf(chain.map((m) => m.start));
    const end = maxOf(chain.map((m) => m.end));
    if (insideSpan((quotes ??= quotedSpans(text)), start, end)) continue;
    // a term part is shown as the term it matched, a pattern part as the text it matched
    const evidence = chain.map((m, g) => (Array.isArray(ph.all[g]) ? m.term.text : m.matched));
    pushHit((hits ??= []), { rule, pack, start, end, matched: text.slice(start, end), evidence, obfuscated: chain.some((m) => m.obfuscated) });
  }
  return hits ?? NO_HITS;
}

/** The rules of one platform, and which of them can fire on a text at all. */
interface RuleSet {
  rules: CompiledRule[];
  /**
   * `state` per rule: 0 cannot fire; 1 only a regex may fire it (none of its term texts occurs); 2 a term text occurs (run its
   * matcher on `scanned`); 3 only a veto term occurs and no regex can fire it. `scanned` per rule: its matcher's automaton
   * hits (pattern, normalized start, normalized end), undefined when there are none.
   */
  prefilter: (view: TextView, analysis?: MessageAnalysis) => { state: ArrayLike<number>; scanned: (number[] | undefined)[] };
}

/**
 * One automaton over the patterns of every rule's matcher (its term skeletons, then its
 * allow-list's): one scan of the message's skeleton tells which rules can fire at all and
 * gives each rule that needs its matcher the hits its own automaton would have found, in the
 * same order (by end, longest first, then pattern order: each rule's patterns are added
 * together and in its matcher's order), so no rule scans the message again. Every occurrence a
 * rule's own matcher could accept is an occurrence of its skeleton, so nothing that would fire
 * is skipped (the policy tests and reported cases run through this path).
 */
function buildPrefilter(rules: readonly CompiledRule[]): RuleSet['prefilter'] {
  const patterns: string[] = [];
  const owner: number[] = [];
  const local: number[] = [];
  /** 1 fires the rule, 0 only vetoes, -1 an allow-list entry (changes no state) */
  const fires: number[] = [];
  /** per pattern: its rule's matcher rejects a hit that continues a word (see `SharedSkeletonScan.join`) */
  const wordBound: boolean[] = [];
  const base = rules.map((c) => (c.rule.kind === 'url' || c.regexAlone ? 1 : 0));
  rules.forEach((c, r) => {
    if (!c.matcher) return;
    const inner = matcherInternals(c.matcher);
    inner.patterns.forEach((pattern, p) => {
      patterns.push(pattern);
      wordBound.push(inner.wordBound[p]!);
      owner.push(r);
      local.push(p);
      fires.push(p < c.texts.length ? (c.texts[p]!.fires ? 1 : 0) : -1);
    });
  });
  const baseState = Uint8Array.from(base);
  // a set of shipped rules reads its hits from the message's one skeleton scan (with the lexicons);
  // a brand's rules, or a view without its analysis, scan this set's own automaton (built on first use)
  const shared = rules.every((c) => c.shipped);
  let own: Automaton | undefined;
  // one result per rule set, rewritten by each call: `evaluate` reads it out before it prefilters another message
  const state = new Uint8Array(rules.length);
  const scanned: (number[] | undefined)[] = new Array(rules.length).fill(undefined);
  const result = { state, scanned };
  return (view, analysis) => {
    state.set(baseState);
    scanned.fill(undefined);
    if (shared && analysis?.view === view) {
      const list = SKELETON_SCAN.join(patterns, wordBound);
      const hits = SKELETON_SCAN.scanOf(analysis).hitsOf(list);
      applyHits(hits, 0, hits.length, owner, local, fires, state, scanned);
      return result;
    }
    // a scratch skeleton (its offsets are read inside the scan): re-skeletonizing a chat message
    // costs a tenth of keeping a copy with its view (a WeakMap entry and a slab copy, ≈ 4 µs)
    const sk = scanSkeletonOfView(view, DEFAULT_FOLD);
    own ??= new Automaton(patterns);
    own.collect(sk.codes, sk.length, prefilterHits);
    const { data, count } = prefilterHits;
    for (let k = 0; k < 3 * count; k += 3) {
      data[k + 1] = sk.starts[data[k + 1]!]!;
      data[k + 2] = sk.ends[data[k + 2]! - 1]!;
    }
    applyHits(data, 0, 3 * count, owner, local, fires, state, scanned);
    return result;
  };
}

/**
 * Read a rule set's automaton hits `hits[from … to)` (triples: pattern, normalized start,
 * normalized end) into each rule's `state` and `scanned` hits (see `RuleSet.prefilter`).
 */
function applyHits(
  hits: ArrayLike<number>,
  from: number,
  to: number,
  owner: readonly number[],
  local: readonly number[],
  fires: readonly number[],
  state: Uint8Array,
  scanned: (number[] | undefined)[],
): void {
  for (let k = from; k < to; k += 3) {
    const p = hits[k]!;
    const r = owner[p]!;
    (scanned[r] ??= []).push(local[p]!, hits[k + 1]!, hits[k + 2]!);
    const f = fires[p]!;
    if (f < 0) continue;
    // a veto term alone cannot fire the rule, but it must be seen when a regex fires it
    if (f === 1 || state[r] === 1) state[r] = 2;
    else if (state[r] === 0) state[r] = 3;
  }
}

/** The hits of the prefilter scan in progress (reused: read out before the next scan). */
const prefilterHits = new AutomatonHits();

/**
 * Compile policy packs: generic packs (`*`) apply everywhere, a platform pack's rules replace
 * generic rules with the same id. Each rule is compiled once; the rule set of each platform that
 * a pack names is built on first use, and every other platform value (or none) shares the
 * generic set, so memory stays bounded whatever platform strings the input carries.
 *
 * @example
 * const policy = compilePolicy(builtinPolicyPacks());
 * policy.evaluate(normalizeText('add me on w.e.c.h.a.t'), 'agent', 'amazon')[0].rule.id; // 'off_platform_contact'
 */
export function compilePolicy(packs: readonly PolicyPack[]): CompiledPolicy {
  const version = packs.map((p) => `${p.id}@${p.version}`).join('+');
  const known = new Set(packs.flatMap((p) => p.platforms.filter((x) => x !== '*').map((x) => x.toLowerCase())));
  const compiled = new Map<PolicyRule, CompiledRule>();
  const perPlatform = new Map<string, RuleSet>();
  // a shipped pack's patterns run on V8 (checked linear), a brand's on RE2 (see util/pattern-engine.ts)
  const compiledRule = (rule: PolicyRule, pack: PolicyPack): CompiledRule => {
    let c = compiled.get(rule);
    if (!c) compiled.set(rule, (c = compileRule(rule, pack.id, isShipped(pack) ? 'shipped' : 'user')));
    return c;
  };
  // a brand's packs are compiled now, so a pattern RE2 cannot run is an error of the factory, not of every conversation
  for (const pack of packs) if (!isShipped(pack)) for (const rule of pack.rules) compiledRule(rule, pack);
  const ruleSet = (platform: string): RuleSet => {
    const key = known.has(platform) ? platform : '';
    let set = perPlatform.get(key);
    if (set) return set;
    const byId = new Map<string, { rule: PolicyRule; pack: PolicyPack }>();
    for (const pack of packs.filter((p) => p.platforms.includes('*'))) for (const rule of pack.rules) byId.set(rule.id, { rule, pack });
    for (const pack of packs.filter((p) => !p.platforms.includes('*') && p.platforms.some((x) => x.toLowerCase() === key)))
      for (const rule of pack.rules) byId.set(rule.id, { rule, pack });
    const rules = [...byId.values()].map(({ rule, pack }) => compiledRule(rule, pack));
    set = { rules, prefilter: buildPrefilter(rules) };
    perPlatform.set(key, set);
    return set;
  };

  return {
    version,
    get ruleSets() {
      return perPlatform.size;
    },
    evaluate(view, role, platform, analysis) {
      const p = (platform ?? '').toLowerCase();
      const hits: PolicyHit[] = [];
      const set = ruleSet(p);
      const { state: possible, scanned } = set.prefilter(view, analysis);
      for (let r = 0; r < set.rules.length; r++) {
        const c = set.rules[r]!;
        const state = possible[r]!;
        if (state === 0 || state === 3) continue;
        const { rule, pack } = c;
        if (!rule.roles.includes(role) || (p && rule.exceptPlatforms.includes(p))) continue;
        if (rule.kind === 'url') {
          for (const u of findUrls(view.original)) {
            if (!hostAllowed(u.host, rule.allowDomains))
              hits.push({ rule, pack, start: u.start, end: u.end, matched: quotedLink(u), evidence: [u.host], obfuscated: false });
          }
          continue;
        }
        pushAll(hits, evaluateRule(c, view, state === 2 ? scanned[r] : undefined));
      }
      return hits.sort((a, b) => a.start - b.start);
    },
  };
}
