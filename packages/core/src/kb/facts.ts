import type { KbEntry, KbFact } from './schema.js';
import { extractQuantities, normalizeUnit, sameQuantity, type Quantity } from './quantities.js';

/** A fact of the entry the agent's text states differently. */
export interface FactConflict {
  fact: KbFact;
  /** What the agent said, as written, and where. */
  stated: string;
  start: number;
  end: number;
  kbValue: string;
}

const SENTENCE = /[^.!?。！？\n]+[.!?。！？]*/gu;
/** Markers that a yes/no fact is asserted as "no" ("not free", "at your cost", "不包邮") or "yes" ("free", "包邮"). */
const NO = /\b(?:not free|isn't free|is not free|aren't free|not included|not covered|non-refundable|not refundable|no refunds?|not possible|cannot|can't|at your (?:own )?(?:cost|expense)|you (?:will )?(?:need to |have to )?pay|paid by (?:the )?(?:buyer|customer|you)|charged|kostenpflichtig|nicht kostenlos|nicht möglich|auf ihre kosten|payant|pas gratuit|à vos frais|à votre charge|no es gratis|no son gratis|a su cargo|a tu cargo|no (?:es )?posible)|(?:不包邮|不免费|自费|需要(?:您)?(?:自己)?(?:承担|支付)|买家承担|不能|不可以|不支持|有料|できません)/iu;
const YES = /(?:\bfree\b|\bfor free\b|at no (?:extra )?cost|no charge|\bcomplimentary\b|\bwe (?:cover|pay)\b|\bcovered\b|\brefundable\b|\bpossible\b|\ballowed\b|kostenlos|gratis|gratuit|gratuite|gratuito|gratuita|sin coste|sin costo|möglich|包邮|免费|免运费|我们承担|可以|支持|無料)/iu;

const nameWords = (fact: KbFact) => fact.keywords?.length ? fact.keywords : fact.name.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 4);
const mentions = (sentence: string, fact: KbFact) => nameWords(fact).some((k) => sentence.toLowerCase().includes(k.toLowerCase()));
const show = (fact: KbFact) => (typeof fact.value === 'boolean' ? (fact.value ? 'yes' : 'no') : `${fact.value}${fact.unit ? `${fact.unit === '%' ? '' : ' '}${fact.unit}` : ''}`);

/**
 * Compare an agent's text with the entry's facts. A number with a unit counts for a fact when its
 * sentence names the fact (its `keywords`, else the words of its name) and the units are
 * comparable; a yes/no fact counts when a sentence names it and asserts it ("not free", "free").
 * Returns every contradiction with the agent's words and their span.
 *
 * @example
 * checkFacts('Returns are accepted within 60 days.', entry); // [{ fact: return window, stated: '60 days', kbValue: '30 day' }]
 */
export function checkFacts(text: string, entry: KbEntry): FactConflict[] {
  const facts = entry.facts ?? [];
  if (!facts.length) return [];
  const conflicts: FactConflict[] = [];
  for (const s of text.matchAll(SENTENCE)) {
    const sentence = s[0];
    const offset = s.index;
    const named = facts.filter((f) => mentions(sentence, f));
    if (!named.length) continue;
    const quantities = extractQuantities(sentence);
    for (const fact of named) {
      if (typeof fact.value === 'number') {
        const want = { value: fact.value, unit: normalizeUnit(fact.unit ?? '') };
        const comparable = quantities.filter((q: Quantity) => sameQuantity(q, want) !== null);
        // a sentence that states the KB value anywhere agrees; otherwise the first comparable number disagrees
        if (!comparable.length || comparable.some((q) => sameQuantity(q, want))) continue;
        const q = comparable[0]!;
        conflicts.push({ fact, stated: q.text, start: offset + q.start, end: offset + q.end, kbValue: show(fact) });
      } else if (typeof fact.value === 'boolean') {
        const no = NO.exec(sentence);
        const yes = no ? null : YES.exec(sentence);
        const asserted = no ? false : yes ? true : null;
        if (asserted === null || asserted === fact.value) continue;
        const m = (no ?? yes)!;
        conflicts.push({ fact, stated: m[0], start: offset + m.index, end: offset + m.index + m[0].length, kbValue: show(fact) });
      }
    }
  }
  return conflicts;
}

/** `mustMention` items (regex sources) that none of the texts contains. */
export function missingMentions(texts: readonly string[], entry: KbEntry): string[] {
  return (entry.mustMention ?? []).filter((m) => !texts.some((t) => new RegExp(m, 'iu').test(t)));
}
