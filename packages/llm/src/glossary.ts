import { CxqaError, detectPii } from '@cxqa/core';

/**
 * What the translator keeps out of the model's hands. Each protected value is replaced by a
 * placeholder `⟦n⟧` before sending and put back after; the model never sees it.
 */
export interface Glossary {
  /** Terms kept verbatim: brand and product names ("ACME", "PowerMax 3000"). Case-sensitive, whole words for Latin script. */
  terms?: readonly string[];
  /** Extra patterns kept verbatim (JavaScript regular-expression sources, matched with the `u` flag). */
  patterns?: readonly string[];
  /** Built-in protections, all on by default: set one to false to translate it instead. */
  builtins?: Partial<Record<BuiltinProtection, boolean>>;
}

/**
 * `personal`: whatever core's PII recognizers find (phones, e-mails, cards, IBANs, IDs, names
 * next to phones) — never sent to the endpoint; `masks`: values already masked (`j•••@•••.com`);
 * `urls`; `emails`; `amounts` (a number with a currency sign or code); `ids`: order ids, SKUs,
 * tracking and ticket numbers (letters and digits mixed, `#123`, `A-99812`, 5+ digit runs).
 */
export type BuiltinProtection = 'personal' | 'masks' | 'urls' | 'emails' | 'amounts' | 'ids';

/** A text with its protected values replaced by `⟦1⟧`, `⟦2⟧`, … (numbered in order of appearance). */
export interface ProtectedText {
  text: string;
  /** `values[n - 1]` is what `⟦n⟧` stands for. */
  values: string[];
}

/** Placeholders and anything shaped like one in the input (kept verbatim too, so no input can fake one). */
const BRACKETS = /⟦\s*\d*\s*⟧|[⟦⟧]/gu;
const URL = /(?:\bhttps?:\/\/|\bwww\.)[^\s<>"'）】」』，。、]+/giu;
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
/** A masked value as `maskPersonalData` writes it: bullets with the characters it keeps, spaces inside phones. */
const MASK = /[\p{L}\p{N}+._@-]*•(?:[•\p{L}\p{N}+._@()-]|\s(?=[•\p{N}]))*/gu;
const CURRENCY_CODE = 'USD|EUR|GBP|CNY|RMB|JPY|CHF|HKD|TWD|KRW|INR|AUD|CAD|SEK|NOK|DKK|PLN|BRL|MXN';
const AMOUNT = new RegExp(
  `(?:[$€£¥₹₩]|\\b(?:${CURRENCY_CODE})\\s?)\\d(?:[\\d.,' ]*\\d)?|\\d(?:[\\d.,']*\\d)?\\s?(?:[$€£¥₹₩元円]|(?:${CURRENCY_CODE}|yuan|euros?|dollars?)\\b)`,
  'giu',
);
/** Order ids, SKUs, tracking numbers: "#48213", "A-99812", "XJ-200", "B08XYZ1234", "1Z999AA10123456784", 5+ digits. */
const ID =
  /#[\p{L}\p{N}][\p{L}\p{N}-]*|(?<![\p{L}\p{N}])(?:(?=[\p{L}\p{N}-]*\p{N})(?=[\p{L}\p{N}-]*\p{Lu})[\p{L}\p{N}]{2,}(?:-[\p{L}\p{N}]+)*|\p{N}+(?:-[\p{L}\p{N}]+)+|\p{N}{5,})(?![\p{L}\p{N}])/gu;
/** A placeholder in a reply, spaces inside the brackets tolerated. */
const PLACEHOLDER = /⟦\s*(\d+)\s*⟧/gu;
const TRAILING_PUNCTUATION = /[.,;:!?)\]}'"]+$/u;

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface Span {
  start: number;
  end: number;
}

/** Compile a glossary once; `protect` then runs per text. Bad patterns are a `CxqaError` naming the pattern. */
export function compileGlossary(glossary: Glossary = {}): { protect(text: string): ProtectedText; readonly fingerprint: string } {
  const on = (k: BuiltinProtection) => glossary.builtins?.[k] !== false;
  const custom: RegExp[] = (glossary.patterns ?? []).map((p, i) => {
    try {
      return new RegExp(p, 'gu');
    } catch (cause) {
      throw new CxqaError('invalid_option', `translation glossary: patterns[${i}] "${p}" is not a valid regular expression`, {
        path: ['glossary', 'patterns', i],
        cause,
      });
    }
  });
  const terms = [...new Set(glossary.terms ?? [])].filter((t) => t.trim()).sort((a, b) => b.length - a.length);
  const termRe = terms.length
    ? new RegExp(
        terms.map((t) => (/^[\p{Script=Latin}\p{N}]/u.test(t) ? `(?<![\\p{L}\\p{N}])${escapeRegExp(t)}(?![\\p{L}\\p{N}])` : escapeRegExp(t))).join('|'),
        'gu',
      )
    : null;
  // earlier entries win overlaps: exact and personal data first, the broad id pattern last
  const finders: ((text: string) => Span[])[] = [
    (t) => matches(BRACKETS, t),
    ...(termRe ? [(t: string) => matches(termRe, t)] : []),
    ...custom.map((re) => (t: string) => matches(re, t)),
    ...(on('urls') ? [(t: string) => matches(URL, t, true)] : []),
    ...(on('emails') ? [(t: string) => matches(EMAIL, t)] : []),
    ...(on('masks') ? [(t: string) => matches(MASK, t)] : []),
    ...(on('personal') ? [(t: string) => (/[\p{N}@＠]/u.test(t) ? detectPii(t).map(({ start, end }) => ({ start, end })) : [])] : []),
    ...(on('amounts') ? [(t: string) => matches(AMOUNT, t)] : []),
    ...(on('ids') ? [(t: string) => matches(ID, t)] : []),
  ];
  const fingerprint = JSON.stringify([terms, glossary.patterns ?? [], Object.entries(glossary.builtins ?? {}).sort()]);
  return {
    fingerprint,
    protect(text) {
      const taken: Span[] = [];
      for (const find of finders) for (const s of find(text)) if (s.end > s.start && !taken.some((t) => t.start < s.end && s.start < t.end)) taken.push(s);
      taken.sort((a, b) => a.start - b.start);
      const values: string[] = [];
      let out = '';
      let at = 0;
      for (const s of taken) {
        values.push(text.slice(s.start, s.end));
        out += `${text.slice(at, s.start)}⟦${values.length}⟧`;
        at = s.end;
      }
      return { text: out + text.slice(at), values };
    },
  };
}

function matches(re: RegExp, text: string, trimPunctuation = false): Span[] {
  const out: Span[] = [];
  for (const m of text.matchAll(re)) {
    let value = m[0];
    if (trimPunctuation) value = value.replace(TRAILING_PUNCTUATION, '');
    value = value.replace(/\s+$/u, '');
    if (value) out.push({ start: m.index, end: m.index + value.length });
  }
  return out;
}

/**
 * Put the protected values back into a translation. Every placeholder must come back exactly once
 * and unaltered (spaces inside the brackets tolerated); a lost, repeated, renumbered or broken
 * one gives `null`, so the caller keeps the text untranslated instead of corrupting it.
 *
 * @example
 * restorePlaceholders('Ihre Bestellung ⟦1⟧ ist unterwegs', ['#A-99812']); // 'Ihre Bestellung #A-99812 ist unterwegs'
 * restorePlaceholders('Ihre Bestellung ist unterwegs', ['#A-99812']);      // null
 */
export function restorePlaceholders(translated: string, values: readonly string[]): string | null {
  const seen = new Array<boolean>(values.length).fill(false);
  for (const m of translated.matchAll(PLACEHOLDER)) {
    const k = Number(m[1]) - 1;
    if (!(k >= 0 && k < values.length) || seen[k]) return null;
    seen[k] = true;
  }
  if (seen.includes(false) || /[⟦⟧]/u.test(translated.replace(PLACEHOLDER, ''))) return null;
  return translated.replace(PLACEHOLDER, (_, n: string) => values[Number(n) - 1]!);
}
