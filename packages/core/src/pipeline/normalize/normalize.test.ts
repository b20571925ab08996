import { normalizeText } from '@cxqa/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasLoneSurrogate } from './text-view.js';

const roundTrip = (text: string, needle: string) => {
  const v = normalizeText(text);
  const at = v.normalized.indexOf(needle);
  expect(at).toBeGreaterThanOrEqual(0);
  const span = v.toOriginalSpan(at, at + needle.length);
  return text.slice(span.start, span.end);
};

describe('normalizeText', () => {
  it('folds width and case, removes zero-width characters and collapses whitespace', () => {
    expect(normalizeText('  Ｈｅｌｌｏ\u200B \t\n World！ ').normalized).toBe('hello world!');
  });

  it('maps normalized spans back to the original text', () => {
    expect(roundTrip('Dear Ｃｕｓｔｏｍｅｒ, thanks', 'customer')).toBe('Ｃｕｓｔｏｍｅｒ');
    expect(roundTrip('w\u200Be\u200Bc\u200Bh\u200Ba\u200Bt me', 'wechat')).toBe('w\u200Be\u200Bc\u200Bh\u200Ba\u200Bt');
    expect(roundTrip('a    b   SPACE', 'space')).toBe('SPACE');
  });

  it('keeps combining marks with their base character and composes them', () => {
    const v = normalizeText('Cafe\u0301 crème');
    expect(v.normalized).toBe('café crème');
    expect(roundTrip('Cafe\u0301 crème', 'café')).toBe('Cafe\u0301');
  });

  it('turns half-width katakana with voiced marks into full-width', () => {
    expect(normalizeText('ｶﾞｲﾄﾞ').normalized).toBe('ガイド');
  });

  it('maps characters that expand under case folding to their source', () => {
    const text = 'İstanbul order';
    expect(roundTrip(text, 'order')).toBe('order');
  });

  it('flags lone surrogates and never throws on invalid UTF-16', () => {
    const v = normalizeText('ok \uD800 fine');
    expect(v.invalidUtf16).toBe(true);
    expect(v.normalized).toBe('ok \uFFFD fine');
    expect(normalizeText('fine').invalidUtf16).toBe(false);
  });

  it('handles empty text and out-of-range offsets', () => {
    const v = normalizeText('');
    expect(v.normalized).toBe('');
    expect(v.toOriginal(5)).toBe(0);
    expect(v.toOriginalSpan(0, 0)).toEqual({ start: 0, end: 0 });
  });

  it('is linear on a 1 MB message', () => {
    const big = 'Ｗ\u200Bord '.repeat(150_000);
    const v = normalizeText(big);
    expect(v.normalized.length).toBe('w\u200Bord '.length * 150_000 - 2 - 150_000 + 1);
    expect(v.toOriginalSpan(v.normalized.length - 4, v.normalized.length).end).toBe(big.length - 1);
  });
});

describe('hasLoneSurrogate (the invalid_utf16 issue, read without building the view)', () => {
  it('is true exactly for text that is not well-formed UTF-16', () => {
    const wellFormed = (t: string) => (t as unknown as { isWellFormed(): boolean }).isWellFormed();
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom('\ud83d', '\ude00', '😀', 'a'), fc.string({ unit: 'binary', maxLength: 3 })), { maxLength: 8 }),
        (parts) => {
          const text = parts.join('');
          expect(hasLoneSurrogate(text)).toBe(!wellFormed(text));
          expect(normalizeText(text).invalidUtf16).toBe(!wellFormed(text));
        },
      ),
      { numRuns: 500 },
    );
    expect(hasLoneSurrogate('ok \ud83d')).toBe(true);
    expect(normalizeText('ok \ud83d').normalized).toBe('ok \ufffd');
  });
});
