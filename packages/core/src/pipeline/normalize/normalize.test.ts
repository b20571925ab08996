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

describe('offset maps taken from the scratch fill of `normalized`', () => {
  it('maps every span as a view that reads no text first, whatever other views were read in between', () => {
    const pieces = fc.constantFrom('Ｈｅｌｌｏ', ' \t ', '\u200b', 'e\u0301', 'ﬁ', '手机', '😀', '\ud83d', 'İ', 'x');
    const text = fc.array(fc.oneof(pieces, fc.string({ maxLength: 4 })), { maxLength: 8 }).map((p) => p.join(''));
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 4 }), fc.array(fc.nat(), { maxLength: 6 }), (texts, order) => {
        // what each text maps to, from views that fill for their maps alone
        const expected = texts.map((t) => {
          const f = normalizeText(t);
          const n = f.normalized.length;
          return Array.from({ length: n + 1 }, (_, a) => [f.toOriginal(a), f.toOriginalSpan(a, Math.min(n, a + 2))]);
        });
        const views = texts.map((t) => normalizeText(t));
        // first reads of some texts, in some order (each fills the shared scratch), then spans mapped last to first
        for (const k of order) void views[k % views.length]!.normalized;
        for (let i = views.length - 1; i >= 0; i--) {
          const v = views[i]!;
          const got = expected[i]!.map((_, a) => [v.toOriginal(a), v.toOriginalSpan(a, Math.min(expected[i]!.length - 1, a + 2))]);
          expect(got).toEqual(expected[i]);
        }
      }),
      { numRuns: 300 },
    );
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
