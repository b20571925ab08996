import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { corePackageFile } from '../util/package-file.js';
import { langidText } from './features.js';
import { GramAutomaton } from './gram-automaton.js';
import { GramTable } from './gram-table.js';
import { type LangidModelFile, langidModelRows } from './model.js';

/** The built-in model's grams and rows as `createLangidModel` makes them. */
function builtinRows() {
  const file = JSON.parse(readFileSync(corePackageFile('models/langid.json'), 'utf8')) as LangidModelFile;
  return langidModelRows(file);
}

const codesOf = (prepared: string) => Int32Array.from(Array.from(prepared, (c) => c.codePointAt(0)!));

function both(automaton: GramAutomaton, table: GramTable, unseen: Float64Array, codes: Int32Array) {
  const a = new Float64Array(unseen.length);
  const b = new Float64Array(unseen.length);
  automaton.accumulate(codes, codes.length, a);
  table.accumulate(codes, codes.length, b, unseen);
  return [Array.from(a), Array.from(b)] as const;
}

/** The same sums up to rounding: the automaton adds the same rows in another order. */
function expectSameSums(a: readonly number[], b: readonly number[]) {
  expect(a.length).toBe(b.length);
  const scale = Math.max(1, ...b.map(Math.abs));
  for (let l = 0; l < a.length; l++) expect(Math.abs(a[l]! - b[l]!)).toBeLessThanOrEqual(1e-12 * scale);
}

describe('GramAutomaton', () => {
  const { grams, rows, unseen } = builtinRows();
  const automaton = GramAutomaton.build(grams, rows, unseen)!;
  const table = new GramTable(grams, rows);
  const words = fc.constantFrom('the', 'und', 'où', 'está', 'grüße', 'ção', 'l’', 'qu', 'zzzq', 'e\u0301', '手机', '😀', 'ß', 'x');

  it('gives the hash table’s log-likelihoods on any prepared text, short (one chain) or long (four)', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(words, fc.string({ unit: 'binary', maxLength: 5 })), { maxLength: 40 }), (parts) => {
        const [a, b] = both(automaton, table, unseen, codesOf(langidText(parts.join(' '))));
        expectSameSums(a, b);
      }),
      { numRuns: 300 },
    );
  });

  it('gives the hash table’s sums for any model, 8 languages or not, at every length around the chain split', () => {
    const alphabet = fc.constantFrom(' ', 'a', 'b', 'é', 'ß', 'z');
    const gram = fc.array(alphabet, { minLength: 1, maxLength: 4 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(
        fc.uniqueArray(gram, { minLength: 1, maxLength: 40 }),
        fc.constantFrom(3, 8),
        fc.array(fc.oneof(alphabet, fc.constant('q')), { maxLength: 80 }),
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        (modelGrams, L, text, seed) => {
          let x = seed;
          const next = () => ((x = (Math.imul(x, 48271) % 0x7fffffff) >>> 0) / 0x7fffffff) * -12 - 0.5; // log-probability-like values
          const ownRows = Float64Array.from({ length: modelGrams.length * L }, next);
          const ownUnseen = Float64Array.from({ length: L }, next);
          const own = GramAutomaton.build(modelGrams, ownRows, ownUnseen)!;
          const [a, b] = both(own, new GramTable(modelGrams, ownRows), ownUnseen, codesOf(text.join('')));
          expectSameSums(a, b);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('tells texts apart that differ in one character anywhere, also where a quarter starts', () => {
    const text = langidText('the order was shipped yesterday and should arrive on monday, thanks for waiting');
    const codes = codesOf(text);
    const [base] = both(automaton, table, unseen, codes);
    for (let i = 0; i < codes.length; i++) {
      const changed = Int32Array.from(codes);
      changed[i] = changed[i] === 0x7a ? 0x71 : 0x7a; // z, or q for a z
      const [a, b] = both(automaton, table, unseen, changed);
      expectSameSums(a, b);
      expect(a).not.toEqual(base);
    }
  });

  it('adds the unseen row for grams the model lacks and skips a lone space', () => {
    const [a] = both(automaton, table, unseen, codesOf(' qqqq '));
    expect(a).not.toEqual(Array.from(unseen));
    const [empty] = both(automaton, table, unseen, codesOf(' '));
    expect(empty).toEqual(Array.from(new Float64Array(unseen.length)));
    const [spaces, tableSpaces] = both(automaton, table, unseen, codesOf(' '.repeat(50)));
    expectSameSums(spaces, tableSpaces);
  });

  it('is not built for an alphabet too large for its table (the hash table is used instead)', () => {
    const many = Array.from({ length: 300 }, (_, i) => String.fromCharCode(0x4e00 + i));
    expect(GramAutomaton.build(many, new Float64Array(many.length), new Float64Array(1))).toBeNull();
    expect(GramAutomaton.build(['😀'], new Float64Array(1), new Float64Array(1))).toBeNull();
  });
});
