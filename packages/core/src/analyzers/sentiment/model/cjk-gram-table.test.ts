import { readFileSync } from 'node:fs';
import type { LinearModelFile } from '@cxqa/core/models';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { verdictMessages } from '../../../../test/verdict-messages.js';
import { CjkGramTable } from './cjk-gram-table.js';
import { featureTable } from './feature-hash.js';
import { eachSentimentFeatureHash, sentimentRowReader } from './features.js';

/** The rows of the 1-, 2- and 3-grams of `chars` among the features (`rows`: name → row), position by position, shortest first. */
function byStrings(rows: ReadonlyMap<string, number>, chars: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < chars.length; i++) {
    for (let k = 1; k <= 3 && i + k <= chars.length; k++) {
      const r = rows.get(`c:${chars.slice(i, i + k)}`);
      if (r !== undefined) out.push(r);
    }
  }
  return out;
}

function rowsOf(table: CjkGramTable, chars: string): number[] | false {
  const out: number[] = [];
  return table.eachRow(chars, (r) => out.push(r)) && out;
}

describe('CJK n-grams keyed by code units (issue 16)', () => {
  // a small alphabet so that texts hit features, prefixes without a feature of their own and near misses
  const unit = fc.constantFrom('质', '量', '差', '好', 'a', '!', '\u0000', '\uffff', '𠀀', '\ud800');
  it('passes the rows of the features among the n-grams, in order, as string lookups; a surrogate is refused', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.array(unit, { minLength: 1, maxLength: 3 }).map((cs) => `c:${cs.join('')}`)),
        fc.array(unit, { maxLength: 12 }),
        (grams, parts) => {
          const names = ['w:good', ...grams, 'c:', 'c:质量差好'];
          const table = CjkGramTable.of(names)!;
          const chars = parts.join('');
          if (/[\ud800-\udfff]/.test(chars)) expect(rowsOf(table, chars)).toBe(false);
          else expect(rowsOf(table, chars), chars).toEqual(byStrings(new Map(names.map((name, r) => [name, r])), chars));
        },
      ),
      { numRuns: 1000 },
    );
  });
  it('reads the shipped Chinese model as its hashes on every verdict-fixture message', () => {
    const file = JSON.parse(readFileSync(new URL('../../../../models/sentiment-zh.json', import.meta.url), 'utf8')) as LinearModelFile;
    const names = Object.keys(file.weights);
    const table = CjkGramTable.of(names)!;
    const rows = new Map(names.map((name, r) => [name, r]));
    let read = 0;
    for (const { text } of verdictMessages()) {
      const chars = text.replace(/\s+/g, '');
      if (/[\ud800-\udfff]/.test(chars)) continue;
      expect(rowsOf(table, chars), text).toEqual(byStrings(rows, chars));
      read += chars.length;
    }
    expect(read).toBeGreaterThan(10_000);
  });
  it('gives no table for more 2-grams than its keys hold, and the reader hashes them then', () => {
    const names: string[] = [];
    for (let k = 0; k < 50_000; k++) names.push(`c:${String.fromCharCode(0x4e00 + (k >> 8), 0x4e00 + (k & 0xff))}`);
    names.push('c:质量差', 'w:good');
    expect(CjkGramTable.of(names)).toBeNull();
    const table = featureTable(names)!;
    const read = sentimentRowReader(table, names);
    for (const text of ['质量差 good', '一丁一丁七 万', '𠀀一丁']) {
      const rows: number[] = [];
      read(text, text, (r) => rows.push(r));
      const expected: number[] = [];
      const h = { a: 0, b: 0 };
      eachSentimentFeatureHash(text, text, h, () => {
        const r = table.rowOf(h.a, h.b);
        if (r >= 0) expected.push(r);
      });
      expect(rows, text).toEqual(expected);
      expect(rows.length).toBeGreaterThan(0);
    }
  });
});
