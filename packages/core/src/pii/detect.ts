import { RECOGNIZERS, type PiiCandidate, type PiiType, type RecognizerOptions } from './recognizers.js';

export interface DetectPiiOptions extends RecognizerOptions {
  /** Only these types (default all). */
  types?: readonly PiiType[];
}

/**
 * Find personal data in one text: pattern + context + validator per type (Luhn, mod-97, GB 11643,
 * SSN structure, libphonenumber), overlaps resolved by type priority then length.
 *
 * @example
 * detectPii('card 4111 1111 1111 1111, call +44 20 7946 0958')
 * // [{ type: 'credit_card', start: 5, end: 24, … }, { type: 'phone', start: 31, end: 47, … }]
 */
export function detectPii(text: string, options: DetectPiiOptions = {}): PiiCandidate[] {
  const wanted = options.types ? new Set(options.types) : null;
  const found: PiiCandidate[] = [];
  for (const [type, recognize] of RECOGNIZERS) {
    if (wanted && !wanted.has(type)) continue;
    for (const c of recognize(text, options)) {
      if (found.some((f) => f.start < c.end && c.start < f.end)) continue;
      found.push(c);
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
