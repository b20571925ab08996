import { normalizeText, type TextView } from '../../../pipeline/normalize/text-view.js';
import { namesNextToPhones } from './person-name.js';
import { RECOGNIZERS } from './recognizers.js';
import { asciiDigitCountOfMessage } from './tokens.js';
import type { PiiCandidate, PiiType, RecognizerOptions } from './types.js';

export interface DetectPiiOptions extends RecognizerOptions {
  /** Only these types (default all). */
  types?: readonly PiiType[];
}

/** The parts of a `TextView` detection needs. */
export type PiiTextView = Pick<TextView, 'original' | 'normalized' | 'toOriginalSpan'>;

/**
 * Characters whose folding matters to personal data: full-width forms (a Chinese or Japanese
 * keyboard's digits, letters and "＠"), ideographic and no-break spaces, zero-width and other
 * format characters, circled and mathematical digits. Text without them is scanned as is.
 */
const NEEDS_FOLDING = /[\uFF01-\uFF5E\u3000\u00A0\u2000-\u200F\u2028-\u202F\u205F-\u2064\uFEFF\u00AD\u2460-\u249B\u24EA-\u24FF]|\uD835[\uDFCE-\uDFFF]/u;

/** A candidate found in `view.normalized`, its span mapped to the original text. */
function inOriginal(view: PiiTextView, c: PiiCandidate): PiiCandidate {
  const span = view.toOriginalSpan(c.start, c.end);
  return { ...c, start: span.start, end: span.end };
}

/** Keep the earlier type (priority order) on overlaps; sort by position. */
function resolve(found: PiiCandidate[], c: PiiCandidate): void {
  if (!found.some((f) => f.start < c.end && c.start < f.end)) found.push(c);
}

/**
 * Find personal data in one message through its normalized view: NFKC (full-width digits and
 * "＠" folded), zero-width characters removed, spans mapped back to the original text with
 * `view.toOriginalSpan`. This is the path the `sensitive` analyzer takes with each message's
 * shared view; `detectPii(text)` builds the view itself.
 *
 * A recognizer fires only when its pattern matches, its validator passes and the words around
 * it do not veto it (see docs/sensitive.md); a cheap per-recognizer prefilter skips messages
 * that cannot match (no digit, no "@").
 *
 * @example
 * detectPiiInView(normalizeText('卡号４１１１ １１１１ １１１１ １１１１'))
 * // [{ type: 'credit_card', start: 2, end: 21, … }]  (offsets in the original, full-width text)
 */
export function detectPiiInView(view: PiiTextView, options: DetectPiiOptions = {}): PiiCandidate[] {
  const wanted = options.types ? new Set(options.types) : null;
  const original = view.original;
  const fold = NEEDS_FOLDING.test(original);
  const work = fold ? view.normalized : original;
  const found: PiiCandidate[] = [];
  let workDigits = -1;
  for (const r of RECOGNIZERS) {
    if (wanted && !wanted.has(r.type)) continue;
    const text = r.caseSensitive ? original : work;
    if (r.minDigits !== undefined && !r.caseSensitive) {
      if (workDigits < 0) workDigits = asciiDigitCountOfMessage(work);
      if (workDigits < r.minDigits) continue;
    }
    if (!r.needs.test(text)) continue;
    for (const c of r.recognize(text, options)) resolve(found, r.caseSensitive || !fold ? c : inOriginal(view, c));
  }
  if (!wanted || wanted.has('person_name')) {
    const phones = found.filter((f) => f.type === 'phone');
    if (phones.length) for (const c of namesNextToPhones(original, phones)) resolve(found, c);
  }
  return found.sort((a, b) => a.start - b.start);
}

/**
 * Find personal data in one text: pattern + validator + context per type (Luhn, mod-97,
 * GB 11643, SSN structure, libphonenumber, IANA top-level domains), overlaps resolved by type
 * priority. Offsets are UTF-16 offsets into `text`, end exclusive, also when the value was
 * written in full-width digits or with zero-width characters inside.
 *
 * @example
 * detectPii('card 4111 1111 1111 1111, call +44 20 7946 0958')
 * // [{ type: 'credit_card', start: 5, end: 24, … }, { type: 'phone', start: 31, end: 47, … }]
 */
export function detectPii(text: string, options: DetectPiiOptions = {}): PiiCandidate[] {
  const view: PiiTextView = NEEDS_FOLDING.test(text)
    ? normalizeText(text)
    : { original: text, normalized: text, toOriginalSpan: (start, end) => ({ start, end }) };
  return detectPiiInView(view, options);
}
