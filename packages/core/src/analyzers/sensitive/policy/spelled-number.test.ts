/**
 * The spelled-out phone number pattern's prefilter: the pattern is the shipped one, and the
 * prefilter passes every text the pattern matches — random runs of number words in random case
 * (with "ſ", the Kelvin sign, accented capitals) apart by separators, letters, digits and other
 * scripts, as they are and normalized.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../../pipeline/normalize/text-view.js';
import { builtinPolicyPacks } from './builtin.js';
import { spelledNumberPattern, spelledNumberPrefilter } from './spelled-number.js';

const PATTERN = spelledNumberPattern();
const prefilter = spelledNumberPrefilter(PATTERN)!;

const WORDS = [
  'zero',
  'oh',
  'one',
  'two',
  'nine',
  'six',
  'seven',
  'fünf',
  'sechs',
  'zéro',
  'três',
  'tres',
  'dos',
  'un',
  'um',
  'sei',
  'double',
  'triple',
  'doppel',
];
/** A word in random case, with its "s" as "ſ" at times. */
const word = fc
  .constantFrom(...WORDS)
  .chain((w) => fc.constantFrom(w, w.toUpperCase(), w[0]!.toUpperCase() + w.slice(1), w.replace(/s/g, 'ſ'), w.replace(/s/g, 'ſ').toUpperCase()));
const separator = fc.constantFrom(' ', ', ', '-', '.', '  ', ' - ', '\n', '\u00a0', '    ', 'x', '1');
const noise = fc.constantFrom('', '', '', 'x', 'é', 'K', '\u212a', 'İ', '1', '你', '😀', 'Σ', 'call ');
/** A run of number words (one said twice in a row at times), with noise before, inside and after. */
const run = fc
  .tuple(noise, fc.array(fc.tuple(word, fc.boolean(), separator), { minLength: 2, maxLength: 16 }), noise)
  .map(([before, items, after]) => before + items.map(([w, twice, sep]) => (twice ? `${w}${sep}${w}` : w) + sep).join('') + after);
describe('spelledNumberPrefilter', () => {
  it('is for the shipped spelled-out phone number pattern', () => {
    const patterns = builtinPolicyPacks().flatMap((pack) => pack.rules.flatMap((rule) => rule.patterns));
    expect(patterns).toContain(PATTERN);
    expect(spelledNumberPrefilter('(?:one|two)')).toBeNull();
  });

  it('passes every text the pattern matches, as written and normalized', () => {
    const re = new RegExp(PATTERN, 'iu');
    let matched = 0;
    fc.assert(
      fc.property(run, (text) => {
        for (const t of [text, normalizeText(text).normalized]) {
          if (re.test(t)) {
            matched++;
            expect(prefilter.test(t), t).toBe(true);
          }
        }
      }),
      { numRuns: 5000 },
    );
    expect(matched).toBeGreaterThan(100);
  });

  it('passes a number read out with long s and in capitals, fails a text with no two number words in a row', () => {
    for (const text of ['ſix ſeven ZERO ZERO one two', 'ſix ſeven ſix ſix ſeven ſix', 'SECHS SECHS ſechs ſieben ſieben ſechs']) {
      expect(new RegExp(PATTERN, 'iu').test(text)).toBe(true);
      expect(prefilter.test(text)).toBe(true);
    }
    expect(prefilter.test('one order, two items')).toBe(false);
  });
});
