import { normalizeText } from '@cxqa/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasLoneSurrogate, normalizeByClusters } from './text-view.js';

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

/** The view's text and per-unit offsets, as `normalizeByClusters` gives them. */
function viewOf(text: string, caseFold: boolean) {
  const v = normalizeText(text, { caseFold });
  const n = v.normalized.length;
  const starts = Int32Array.from({ length: n }, (_, k) => v.toOriginalSpan(k, k + 1).start);
  const ends = Int32Array.from({ length: n }, (_, k) => v.toOriginalSpan(k, k + 1).end);
  return { normalized: v.normalized, starts, ends };
}

describe('the fast paths agree with the general per-cluster path', () => {
  /** Units the older fast paths take (printable ASCII, ideographs, kana, full-width ASCII, CJK punctuation). */
  const olderFastPath = (c: number) =>
    (c > 0x20 && c < 0x7f) ||
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0x3041 && c <= 0x3096) ||
    (c >= 0x30a1 && c <= 0x30fa) ||
    (c >= 0xff01 && c <= 0xff5e) ||
    c === 0x3001 ||
    c === 0x3002 ||
    (c >= 0x300c && c <= 0x300f);

  it('for every BMP code unit, in four contexts, text and offsets', () => {
    const differing: string[] = [];
    for (const caseFold of [true, false]) {
      for (let code = 0; code < 0x10000; code++) {
        const c = String.fromCharCode(code);
        // after a space, before itself and an ideograph; before a combining mark; before an
        // ideographic tone mark (U+302E); after a letter the per-unit table reads (é)
        for (const text of [` ${c}${c}語`, `${c}\u0301`, `${c}\u302e`, `é${c}`]) {
          const fast = viewOf(text, caseFold);
          const general = normalizeByClusters(text, caseFold);
          if (fast.normalized !== general.normalized || fast.starts.join() !== general.starts.join() || fast.ends.join() !== general.ends.join()) {
            // the known disagreements, older than the per-unit table and kept so that Results do not
            // move (decision 240): the ASCII and full-width fast paths leave a backtick (` and ｀)
            // unfolded, and the older fast paths split an ideographic tone mark from the unit before it
            const known = code === 0x60 || code === 0xff40 || (text === `${c}\u302e` && olderFastPath(code));
            if (!known) differing.push(`U+${code.toString(16)} in ${JSON.stringify(text)}`);
          }
        }
      }
    }
    expect(differing.slice(0, 10)).toEqual([]);
  });

  it('keeps the older fast paths where they differ from the general path (inputs a differential fuzzer found)', () => {
    expect(normalizeText('it｀s your fault').normalized).toBe('it`s your fault');
    expect(normalizeText('I don`t').normalized).toBe('i don`t');
    // a tone mark after a Hangul syllable stays in its cluster: both units map to the syllable and the mark
    const hangul = normalizeText('씨발\u302e');
    expect(hangul.normalized).toBe('씨발\u302e');
    expect(hangul.toOriginalSpan(1, 2)).toEqual({ start: 1, end: 3 });
    // after a CJK comma (an older fast path) it is split off
    const comma = normalizeText('、\u302a');
    expect(comma.toOriginalSpan(0, 1)).toEqual({ start: 0, end: 1 });
  });

  it('on random text mixing ASCII, accented Latin, CJK, full-width forms, marks, spaces and surrogates (text and offsets)', () => {
    const unit = fc.oneof(
      fc.constantFrom(...'aZ9 ,.!?\n\t'), // no backtick: see above
      fc.constantFrom(...'éüñßÇ«»…“”’¿¡—–'),
      fc.constantFrom(...'语言がカ、。「」ＡＢｃ！１ｶﾞ'),
      fc.constantFrom('\u0301', '\u0308', '\uFF9E', '\u200B', '\u00AD', '\u3000', '\uFB01', '\u2126', '\uD83D', '\uDE00', '\uD800'),
      // no backtick, full-width grave or ideographic tone mark: the known disagreements above
      fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c === 0x60 || c === 0xff40 || (c >= 0x302a && c <= 0x302f) ? 0x27 : c)),
    );
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 40 }), fc.boolean(), (units, caseFold) => {
        const text = units.join('');
        const general = normalizeByClusters(text, caseFold);
        expect(viewOf(text, caseFold)).toEqual(general);
      }),
      { numRuns: 3000 },
    );
  });
});
