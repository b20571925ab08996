import { sentences } from '../../../text/sentences.js';
import { minOf, pushAll } from '../../../util/arrays.js';
import { compilePattern } from '../../../util/pattern-engine.js';
import { clauses } from './clauses.js';
import { extractQuantities, isShortDuration, magnitude, normalizeUnit, type Quantity, sameQuantity } from './quantities.js';
import type { KbEntry, KbFact } from './schema.js';
import { clauseMentions, type Mention } from './subjects.js';
import { topicsOf, topicsOfFact } from './topics.js';

/** A fact of the entry the agent's text states differently. */
export interface FactConflict {
  fact: KbFact;
  /** What the agent said, as written, and where (UTF-16 offsets into the checked text, end exclusive). */
  stated: string;
  start: number;
  end: number;
  kbValue: string;
  /**
   * `keyword`: the number's clause names the fact. Two weaker matches for an answer in another
   * language than the entry whose clause names none of the fact's keywords: `topic`: the clause
   * names the fact's topic in its own language ("Rückgabe" for a "return window" fact, through the
   * multilingual table of `topics.ts`) and the fact is the entry's only fact of the number's
   * dimension on that topic; `dimension`: the clause names nothing and the fact is the entry's
   * only one of the number's dimension (days/weeks/months, percent, one currency).
   */
  matchedBy: 'keyword' | 'topic' | 'dimension';
  /** With `topic`: the topics the clause and the fact share (e.g. `['return']`). */
  topics?: string[];
}

/** Options of {@link checkFacts}. */
export interface CheckFactsOptions {
  /**
   * The answer is in another language than the entry (`entry.language`): numbers whose clause names
   * nothing may be compared by dimension with the entry's only fact of that dimension.
   */
  crossLanguage?: boolean;
  /**
   * The entry is a weak match for the question (found by topic, not by the index): a number whose
   * clause names a fact is compared only when it is a plausible misstatement of it (same duration
   * scale, within a factor of 8, not a number the entry's answer states), as in the fallbacks.
   */
  plausibleOnly?: boolean;
}

/** Markers that a yes/no fact is asserted as "no" ("not free", "at your cost", "不包邮") or "yes" ("free", "包邮"). */
const NO =
  /\b(?:not free|isn't free|is not free|aren't free|not included|not covered|non-refundable|not refundable|no refunds?|not possible|cannot|can't|at your (?:own )?(?:cost|expense)|you (?:will )?(?:need to |have to )?pay|paid by (?:the )?(?:buyer|customer|you)|charged|kostenpflichtig|nicht kostenlos|nicht möglich|auf ihre kosten|payant|pas gratuit|à vos frais|à votre charge|no es gratis|no son gratis|a su cargo|a tu cargo|no (?:es )?posible)|(?:不包邮|不免费|自费|需要(?:您)?(?:自己)?(?:承担|支付)|买家承担|不能|不可以|不支持|有料|できません)/iu;
const YES =
  /(?:\bfree\b|\bfor free\b|at no (?:extra )?cost|no charge|\bcomplimentary\b|\bwe (?:cover|pay)\b|\bcovered\b|\brefundable\b|\bpossible\b|\ballowed\b|kostenlos|gratis|gratuit|gratuite|gratuito|gratuita|sin coste|sin costo|möglich|包邮|免费|免运费|我们承担|可以|支持|無料)/iu;

const show = (fact: KbFact) =>
  typeof fact.value === 'boolean' ? (fact.value ? 'yes' : 'no') : `${fact.value}${fact.unit ? `${fact.unit === '%' ? '' : ' '}${fact.unit}` : ''}`;
const want = (fact: KbFact & { value: number }) => ({ value: fact.value, unit: normalizeUnit(fact.unit ?? '') });
const isNumeric = (fact: KbFact): fact is KbFact & { value: number } => typeof fact.value === 'number';
/** Characters between two spans (0 when they touch or overlap). */
const gap = (a: { start: number; end: number }, b: { start: number; end: number }) => Math.max(0, a.start - b.end, b.start - a.end);

/**
 * The fact a span (a number, a yes/no marker) is about: the nearest mention in its clause, or the
 * topic the previous clause named ("返品は、30日以内"). Null when the nearest is something else, a
 * tie between two facts, or nothing is named.
 */
function nearest(span: { start: number; end: number }, named: readonly Mention[], accepts: (f: KbFact) => boolean): KbFact | null {
  const candidates = named.filter((m) => m.fact === null || accepts(m.fact));
  if (!candidates.length) return null;
  const best = minOf(candidates.map((m) => gap(span, m)));
  const at = candidates.filter((m) => gap(span, m) === best);
  const facts = new Set(at.map((m) => m.fact));
  return facts.size === 1 ? at[0]!.fact : null;
}

/**
 * Compare an agent's text with the entry's facts, clause by clause (sentences by ICU, so "20.5%"
 * and "example.com" stay whole; clauses cut at commas, semicolons and clause-opening conjunctions).
 * A number with a unit ("60 days", "5,000円", "a month", "半年") is compared with the fact whose
 * keywords are nearest to it in its clause, when the units are comparable; a clause that also names
 * something the entry does not describe (a label, the warehouse, a reply time) is not compared, nor
 * is a number just before a temporal clause about such a thing ("14 days after you print the
 * label"). A yes/no fact counts when a clause names it and asserts it ("not free", "free"). A
 * message that states the fact's value somewhere agrees. With `crossLanguage`, a number whose clause names
 * nothing is compared with the entry's only fact of its dimension (see {@link FactConflict}).
 * Returns every contradiction with the agent's words and their span, in text order.
 *
 * @example
 * checkFacts('Returns are accepted within 60 days.', entry); // [{ fact: return window, stated: '60 days', kbValue: '30 days', matchedBy: 'keyword' }]
 */
export function checkFacts(text: string, entry: KbEntry, options: CheckFactsOptions = {}): FactConflict[] {
  const facts = entry.facts ?? [];
  if (!facts.length) return [];
  const conflicts: FactConflict[] = [];
  const attributed = new Set<KbFact>();
  const all: Quantity[] = [];
  const unnamed: Quantity[] = [];
  /** The clause each unnamed quantity stands in (for the topic match across languages). */
  const clauseOf = new Map<Quantity, string>();
  const stated = new Map<KbFact, { q: Quantity; agrees: boolean }[]>();
  for (const s of sentences(text)) {
    const quantities = extractQuantities(s.text);
    let topic: Mention[] | null = null;
    const cut = clauses(s.text);
    const named = clauseMentions(s.text, facts, cut);
    for (const [k, c] of cut.entries()) {
      const own = named[k]!;
      // "within 14 days after you print the label": a number that ends its clause, before a temporal clause naming something else, is that thing's deadline
      const next = cut[k + 1];
      const referenceIsOther =
        !!next?.temporal && named[k + 1]!.some((m) => (m.fact === null && !m.reference && !m.delivery) || (m.fact !== null && !isNumeric(m.fact)));
      // a clause that names nothing takes the topic the previous clause named ("As for returns, 30 days")
      const inherited = !own.length && !c.conjunction && topic ? topic.map((m) => ({ ...m, start: c.start, end: c.start })) : null;
      const names = own.length ? own : (inherited ?? []);
      const inClause = quantities.filter((q) => q.start >= c.start && q.start < c.end);
      topic = c.topic && !inClause.length && own.length && own.every((m) => m.fact === own[0]!.fact) ? own : null;
      for (const q of inClause) {
        const at = { ...q, start: q.start + s.start, end: q.end + s.start };
        all.push(at);
        if (referenceIsOther && /^(?:\s*\p{L}+){0,2}[\s,，、;；]*$/u.test(s.text.slice(q.end, c.end))) continue; // at most a verb or particle between ("7 Tagen ab, nachdem")
        if (!names.length) {
          unnamed.push(at);
          clauseOf.set(at, c.text);
          continue;
        }
        if (names.some((m) => m.fact === null)) continue; // the clause is (also) about something else
        const fact = nearest(q, names, (f) => !isNumeric(f) || sameQuantity(q, want(f)) !== null);
        if (!fact || !isNumeric(fact)) continue;
        const list = stated.get(fact) ?? [];
        list.push({ q: at, agrees: sameQuantity(q, want(fact)) === true });
        stated.set(fact, list);
      }
      const marker = NO.exec(c.text) ?? YES.exec(c.text);
      if (marker && names.length) {
        const span = { start: c.start + marker.index, end: c.start + marker.index + marker[0].length };
        const fact = nearest(span, names, () => true);
        const asserted = !NO.test(c.text);
        if (fact && typeof fact.value === 'boolean' && asserted !== fact.value) {
          conflicts.push({ fact, stated: marker[0], start: s.start + span.start, end: s.start + span.end, kbValue: show(fact), matchedBy: 'keyword' });
        }
      }
    }
  }
  for (const [fact, list] of stated) {
    attributed.add(fact);
    // a message that states the KB value for the fact agrees (a second amount is more likely another
    // quantity, "free over 5,000円 … otherwise shipping is 800円"); otherwise its first number disagrees
    if (list.some((x) => x.agrees)) continue;
    const { q } = list[0]!;
    if (options.plausibleOnly && !plausibleFor(q, want(fact as KbFact & { value: number }), extractQuantities(entry.answer))) continue;
    conflicts.push({ fact, stated: q.text, start: q.start, end: q.end, kbValue: show(fact), matchedBy: 'keyword' });
  }
  if (options.crossLanguage) {
    const answer = extractQuantities(entry.answer);
    const topical = byTopic(facts, attributed, all, unnamed, clauseOf, answer);
    pushAll(conflicts, topical.conflicts);
    pushAll(
      conflicts,
      byDimension(
        facts,
        attributed,
        all,
        unnamed.filter((q) => !topical.used.has(q)),
        answer,
      ),
    );
  }
  return conflicts.sort((a, b) => a.start - b.start);
}

/** A number more than this factor away from the fact is, without a keyword, more likely another quantity ("49 €" assembly beside a 1,500 € threshold, "3 days" beside a 6-month warranty) than a misstatement. */
const SAME_ORDER = 8;

/**
 * Could `q` be a misstatement of the fact `w` (not another quantity)? "100%" is an idiom; a number
 * more than a factor of 8 away, on another duration scale (hours vs days), or one the entry's own
 * answer states ("standard shipping 3-5 days" beside an express-time fact) is another quantity.
 */
function plausibleFor(q: Quantity, w: { value: number; unit: string }, answer: readonly Quantity[]): boolean {
  if (sameQuantity(q, w) === null || isShortDuration(q.unit) !== isShortDuration(w.unit)) return false;
  if (q.unit === 'percent' && q.value === 100) return false; // "100% genuine", "100% refund": an idiom
  const ratio = magnitude(q) / magnitude(w);
  return ratio <= SAME_ORDER && ratio >= 1 / SAME_ORDER && !answer.some((a) => sameQuantity(q, a) === true);
}

/**
 * The first cross-language fallback: a number whose clause names no keyword but names, in its own
 * language, a topic of the table in `topics.ts` ("Sie können ihn innerhalb von 14 Tagen
 * zurückgeben": `return`) is compared with the entry's numeric fact of the same dimension on that
 * topic, when there is exactly one (an entry whose return window and refund time are both in days
 * still tells "Rückgabe" from "Erstattung"; a clause naming both topics is compared with neither).
 * Per fact: no number of the text agrees with it, the numbers on its topic agree among themselves,
 * and each is plausible for it ({@link plausibleFor}). Returns the conflicts and the numbers used
 * up: those attributed, and those whose clause names a topic that no fact of their dimension has, or
 * two such facts (about something else, or ambiguous: not compared by dimension either).
 */
function byTopic(
  facts: readonly KbFact[],
  attributed: Set<KbFact>,
  all: readonly Quantity[],
  unnamed: readonly Quantity[],
  clauseOf: ReadonlyMap<Quantity, string>,
  answer: readonly Quantity[],
): { conflicts: FactConflict[]; used: Set<Quantity> } {
  const numeric = facts.filter(isNumeric).filter((f) => !attributed.has(f) && topicsOfFact(f).size);
  const used = new Set<Quantity>();
  const onFact = new Map<KbFact & { value: number }, { q: Quantity; topics: string[] }[]>();
  for (const q of unnamed) {
    const said = topicsOf(clauseOf.get(q) ?? '');
    if (!said.size) continue;
    const sameDimension = facts.filter(isNumeric).filter((f) => sameQuantity(q, want(f)) !== null);
    const candidates = numeric
      .filter((f) => sameQuantity(q, want(f)) !== null)
      .map((f) => ({ f, shared: [...topicsOfFact(f)].filter((t) => said.has(t)) }))
      .filter(({ shared }) => shared.length);
    // a clause about a topic that no fact of this dimension has ("Die Erstattung dauert 14 Tage" beside
    // a return-window-only entry), or about two such facts, is not compared by dimension either
    if (!candidates.length && sameDimension.every((f) => topicsOfFact(f).size)) used.add(q);
    if (candidates.length !== 1) {
      if (candidates.length > 1) used.add(q);
      continue;
    }
    const { f, shared } = candidates[0]!;
    used.add(q);
    const list = onFact.get(f) ?? [];
    list.push({ q, topics: shared });
    onFact.set(f, list);
  }
  const conflicts: FactConflict[] = [];
  for (const [fact, list] of onFact) {
    attributed.add(fact);
    const w = want(fact);
    if (all.some((q) => sameQuantity(q, w) === true)) continue;
    const [first] = list;
    if (!first || list.some((x) => sameQuantity(x.q, first.q) !== true) || !list.every((x) => plausibleFor(x.q, w, answer))) continue;
    const { q, topics } = first;
    conflicts.push({ fact, stated: q.text, start: q.start, end: q.end, kbValue: show(fact), matchedBy: 'topic', topics });
  }
  return { conflicts, used };
}

/**
 * The cross-language fallback: for each numeric fact no keyword reached, the numbers whose clause
 * names nothing and that measure the same dimension. Fires only when the fact is the entry's only
 * one of that dimension, no number of the text agrees with it, the candidates agree among
 * themselves, none is a number the entry's canonical answer states, each is within a factor of 8
 * of the fact's value, and (durations) they are on the same scale (minutes/hours vs days and longer).
 */
function byDimension(
  facts: readonly KbFact[],
  attributed: ReadonlySet<KbFact>,
  all: readonly Quantity[],
  unnamed: readonly Quantity[],
  answer: readonly Quantity[],
): FactConflict[] {
  const out: FactConflict[] = [];
  const numeric = facts.filter(isNumeric);
  for (const fact of numeric) {
    if (attributed.has(fact)) continue;
    const w = want(fact);
    if (numeric.filter((f) => sameQuantity(want(f), w) !== null).length !== 1) continue;
    if (all.some((q) => sameQuantity(q, w) === true)) continue;
    const candidates = unnamed.filter((q) => plausibleFor(q, w, answer));
    const [first] = candidates;
    if (!first || candidates.some((q) => sameQuantity(q, first) !== true)) continue;
    out.push({ fact, stated: first.text, start: first.start, end: first.end, kbValue: show(fact), matchedBy: 'dimension' });
  }
  return out;
}

/** Compiled `mustMention` patterns per entry: a knowledge base is user data, so they run on RE2 (linear time). */
const mentionPatterns = new WeakMap<KbEntry, RegExp[]>();

/** `mustMention` items (regex sources, matched on RE2) that none of the texts contains. */
export function missingMentions(texts: readonly string[], entry: KbEntry): string[] {
  const sources = entry.mustMention ?? [];
  let patterns = mentionPatterns.get(entry);
  if (!patterns)
    mentionPatterns.set(entry, (patterns = sources.map((m, i) => compilePattern(m, 'iu', 'user', `knowledge base entry ${entry.id}, mustMention.${i}`))));
  return sources.filter((_, i) => !texts.some((t) => patterns[i]!.test(t)));
}
