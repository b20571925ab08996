import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { corePackageFile } from '../util/package-file.js';
import { langidText } from './features.js';
import { GramTable } from './gram-table.js';
import { GramTrie } from './gram-trie.js';
import type { LangidModelFile } from './model.js';

/** The built-in model's grams and rows as `createLangidModel` makes them. */
function builtinRows() {
  const file = JSON.parse(readFileSync(corePackageFile('models/langid.json'), 'utf8')) as LangidModelFile;
  const L = file.languages.length;
  const denominators = file.totals.map((t) => Math.log(t + file.alpha * file.vocabSize));
  const unseen = new Float64Array(L).map((_, l) => Math.log(file.alpha) - denominators[l]!);
  const grams = Object.keys(file.grams);
  const rows = new Float64Array(grams.length * L);
  grams.forEach((gram, r) => {
    rows.set(unseen, r * L);
    const pairs = file.grams[gram]!;
    for (let k = 0; k < pairs.length; k += 2) rows[r * L + pairs[k]!] = Math.log(pairs[k + 1]! + file.alpha) - denominators[pairs[k]!]!;
  });
  return { grams, rows, unseen, L };
}

const codesOf = (prepared: string) => Int32Array.from(Array.from(prepared, (c) => c.codePointAt(0)!));

function both(trie: GramTrie, table: GramTable, unseen: Float64Array, codes: Int32Array) {
  const a = new Float64Array(unseen.length);
  const b = new Float64Array(unseen.length);
  trie.accumulate(codes, codes.length, a);
  table.accumulate(codes, codes.length, b, unseen);
  return [Array.from(a), Array.from(b)];
}

describe('GramTrie', () => {
  const { grams, rows, unseen } = builtinRows();
  const trie = GramTrie.build(grams, rows, unseen)!;
  const table = new GramTable(grams, rows);

  it('gives the hash table’s log-likelihoods bit for bit on any prepared text', () => {
    const words = fc.constantFrom('the', 'und', 'où', 'está', 'grüße', 'ção', 'l’', 'qu', 'zzzq', 'e\u0301', '手机', '😀', 'ß', 'x');
    fc.assert(
      fc.property(fc.array(fc.oneof(words, fc.string({ unit: 'binary', maxLength: 5 })), { maxLength: 12 }), (parts) => {
        const [a, b] = both(trie, table, unseen, codesOf(langidText(parts.join(' '))));
        expect(a).toEqual(b);
      }),
      { numRuns: 300 },
    );
  });

  it('gives the hash table’s sums bit for bit for any model, 8 languages (one loop) or not', () => {
    const alphabet = fc.constantFrom(' ', 'a', 'b', 'é', 'ß', 'z');
    const gram = fc.array(alphabet, { minLength: 1, maxLength: 4 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(
        fc.uniqueArray(gram, { minLength: 1, maxLength: 40 }),
        fc.constantFrom(3, 8),
        fc.array(alphabet, { maxLength: 30 }),
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        (modelGrams, L, text, seed) => {
          let x = seed;
          const next = () => ((x = (Math.imul(x, 48271) % 0x7fffffff) >>> 0) / 0x7fffffff) * -12 - 0.5; // log-probability-like values
          const ownRows = Float64Array.from({ length: modelGrams.length * L }, next);
          const ownUnseen = Float64Array.from({ length: L }, next);
          const ownTrie = GramTrie.build(modelGrams, ownRows, ownUnseen)!;
          const [a, b] = both(ownTrie, new GramTable(modelGrams, ownRows), ownUnseen, codesOf(text.join('')));
          expect(a).toEqual(b);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('adds the unseen row for grams the model lacks and skips a lone space', () => {
    const [a] = both(trie, table, unseen, codesOf(' qqqq '));
    expect(a).not.toEqual(Array.from(unseen));
    const [empty] = both(trie, table, unseen, codesOf(' '));
    expect(empty).toEqual(Array.from(new Float64Array(unseen.length)));
  });

  it('is not built for an alphabet too large for its table (the hash table is used instead)', () => {
    const many = Array.from({ length: 300 }, (_, i) => String.fromCharCode(0x4e00 + i));
    expect(GramTrie.build(many, new Float64Array(many.length), new Float64Array(1))).toBeNull();
    expect(GramTrie.build(['😀'], new Float64Array(1), new Float64Array(1))).toBeNull();
  });
});
