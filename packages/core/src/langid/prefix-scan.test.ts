import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countLetters, langidText } from './features.js';
import { scanPrefix } from './prefix-scan.js';
import { countScripts } from './script.js';

/** What the scan must equal: the script counts and the prepared text of the same prefix. */
function reference(text: string, max: number) {
  const prepared = langidText(text, max);
  return { counts: countScripts(text.slice(0, max)), codes: Array.from(prepared, (c) => c.codePointAt(0)!), letters: countLetters(prepared) };
}

function scanned(text: string, max: number) {
  const s = scanPrefix(text, max, () => true);
  return { counts: s.counts, codes: Array.from(s.codes.subarray(0, s.length)), letters: s.letters };
}

describe('scanPrefix', () => {
  const pieces = fc.constantFrom(
    'ok',
    'OK',
    'okay',
    'oka',
    'kay',
    'htt',
    'ttp',
    'ww',
    'w',
    'Book',
    'www.x.de',
    'WWW',
    'http://a.b/c',
    'HTTPS',
    '@user',
    'a@b.de',
    '＠x',
    'Grüße',
    'ÇA',
    'İstanbul',
    'ſ',
    'ǅ',
    'ª',
    '²',
    '½',
    '\u00a0',
    '\u202f',
    '\u3000',
    'Dov’è',
    '“quoted”',
    '…',
    '–',
    '😀',
    '❤️',
    '👍🏽',
    '\ud83d',
    '\ude00',
    'e\u0301',
    '\u0301',
    'ﬁ',
    'Ｈｅｌｌｏ',
    '手机',
    'Привет',
    ';',
    '·',
    '2026',
    ' ',
    '\t',
    '\n',
    '!?',
  );
  it('gives the script counts, code points and letters of countScripts and langidText on any text', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(pieces, fc.string({ maxLength: 6 }), fc.string({ unit: 'binary', maxLength: 4 })), { maxLength: 14 }),
        fc.integer({ min: 1, max: 40 }),
        (parts, max) => {
          const text = parts.join('');
          expect(scanned(text, max)).toEqual(reference(text, max));
          expect(scanned(text, 2000)).toEqual(reference(text, 2000));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('cuts at the prefix, drops chat words and keeps the padding spaces', () => {
    expect(String.fromCodePoint(...scanned('OK, Grüße aus Köln!', 2000).codes)).toBe(' grüße aus köln ');
    expect(String.fromCodePoint(...scanned('Hello there', 7).codes)).toBe(' hello t ');
    expect(scanned('okay ok!', 2000).codes).toEqual([]);
  });

  it('makes no codes for a text whose script the caller does not want', () => {
    const s = scanPrefix('我的订单在哪里？', 200, (counts) => counts.latin > counts.han);
    expect(s.counts.han).toBe(7);
    expect(s.length).toBe(0);
  });
});
