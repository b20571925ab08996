/**
 * The matcher's fast paths against the general ones they shortcut, on random text mixing ASCII,
 * leetspeak, separators, look-alikes, full-width letters, zero-width characters and CJK:
 * the one-pass skeleton of ASCII and plain CJK text, the `match` of such text that builds no view
 * and the word-boundary queries at a hit's two edges (the automaton's dense ASCII rows are
 * tested in matcher.test.ts, the run-bounded boundaries in cjk-words.test.ts).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeText } from '../pipeline/normalize/text-view.js';
import { isWholeWords, wordBounds } from '../text/words.js';
import { Automaton } from './aho-corasick.js';
import { createMatcher, DEFAULT_FOLD, type MatchTerm, matcherInternals } from './matcher.js';
import { normalizeOneToOne, type Skeleton, skeletonize, skeletonizeGeneral, skeletonizePlainCjk } from './skeleton.js';

const copy = (sk: Skeleton) => ({ text: sk.text, starts: [...sk.starts.subarray(0, sk.length)], ends: [...sk.ends.subarray(0, sk.length)] });

const asciiUnit = fc.constantFrom(...'aAbBsSfFuUcCkKhHeEoO lL0134578@$!|.-_*,/+\'":;=^?#()xX'.split(''));
/** ASCII and beyond: look-alikes, full width, zero-width and format characters, CJK (Traditional too), Hangul, kana. */
const anyUnit = fc.oneof(
  asciiUnit,
  fc.constantFrom('е', 'о', 'а', 'ο', 'α', 'ɡ', 'Ｗ', 'ｅ', 'Ｆ', 'Ｕ', '\u200b', '\u200d', '\u00ad', '\t', '\n', '  ', '’', '“', 'İ', 'é', 'e\u0301'),
  fc.constantFrom('微', '信', '傻', '逼', '妈', '的', '他', '媽', '廢', '物', '你', '。', '，', '　', '씨', '발', '병', '신', 'ば', 'か', 'り', '😀'),
);
/**
 * Chinese chat: ideographs (Traditional too), kana, CJK and full-width punctuation, curly quotes,
 * full-width letters and digits, ASCII — and what is outside the plain-CJK set: the backquotes,
 * the ellipsis, a double space, a tab, marks, zero-width characters.
 */
const cjkUnit = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...'微信傻逼妈的他媽廢物你我是不有病历死胡同去吧'.split('')) },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      '，',
      '。',
      '、',
      '！',
      '？',
      '：',
      '；',
      '（',
      '）',
      '“',
      '”',
      '‘',
      '’',
      '《',
      '》',
      '【',
      '】',
      '「',
      '」',
      '〈',
      '·',
      '—',
      ' ',
    ),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      'ば',
      'か',
      'カ',
      'ー',
      'Ｗ',
      'ｅ',
      'Ｃ',
      'ｈ',
      '１',
      '３',
      '＠',
      '＄',
      'a',
      'S',
      '5',
      '$',
      '@',
      '!',
      '.',
      '-',
      '*',
      '_',
      '/',
      '"',
      "'",
    ),
  },
  { weight: 1, arbitrary: fc.constantFrom('`', '｀', '…', '  ', '\t', '\n', '\u0301', '\u200b', '｡', '～', '😀', '¥', 'е') },
);
const words = ['fuck', 'ass', 'asshole', 'wechat', 'hello', 'class', 'scunthorpe', 'F.U.C.K', 'a$$hole', 'fuuuck', '傻逼', '他妈的', '微信', '병신'];
const text = (unit: fc.Arbitrary<string>) =>
  fc.array(fc.oneof({ weight: 3, arbitrary: unit }, { weight: 1, arbitrary: fc.constantFrom(...words) }), { maxLength: 40 }).map((p) => p.join(''));

describe('one-pass skeleton on ASCII text', () => {
  it('gives the general algorithm’s skeleton and offsets on ASCII text (property)', () => {
    fc.assert(
      fc.property(text(asciiUnit), (t) => {
        skeletonize('\u0000'); // never the last input: the fast path really runs
        const fast = copy(skeletonize(t));
        expect(fast).toEqual(copy(skeletonizeGeneral(t)));
        // as original text: lower-cased on the way, unless a space would move offsets
        const original = skeletonizePlainCjk(t);
        if (/^[ -~]*$/.test(t)) expect(original === undefined).toBe(/^ | $| {2}/.test(t));
        if (original) expect(copy(original)).toEqual(copy(skeletonizeGeneral(t.toLowerCase())));
      }),
      { numRuns: 2000 },
    );
  });

  it('is not used for other text, and the last skeleton is not served stale after a lower-cased one', () => {
    expect(skeletonize('wеchat').text).toBe('wechat'); // Cyrillic е: the general path folds it
    const first = skeletonize('f.u.c.k');
    expect(first.text).toBe('fuck');
    skeletonizePlainCjk('HELLO THERE');
    expect(copy(skeletonize('f.u.c.k'))).toEqual(copy(skeletonizeGeneral('f.u.c.k')));
  });
});

describe('plain CJK skeleton fast path', () => {
  it('gives the general algorithm’s skeleton of normalized text (property)', () => {
    fc.assert(
      fc.property(text(cjkUnit), fc.boolean(), (t, folded) => {
        const normalized = normalizeText(t).normalized;
        const fold = folded ? DEFAULT_FOLD : undefined;
        skeletonize('\u0000'); // never the last input: the fast path really runs
        expect(copy(skeletonize(normalized, fold))).toEqual(copy(skeletonizeGeneral(normalized, fold)));
      }),
      { numRuns: 2000 },
    );
  });

  it('reads original text as normalized, offset for offset, when it takes it (property)', () => {
    let taken = 0;
    fc.assert(
      fc.property(text(cjkUnit), (t) => {
        const fast = skeletonizePlainCjk(t, DEFAULT_FOLD);
        if (!fast) return;
        taken++;
        const kept = copy(fast);
        const view = normalizeText(t);
        expect(normalizeOneToOne(t)).toBe(view.normalized);
        for (let i = 0; i < view.normalized.length; i++) expect(view.toOriginalSpan(i, i + 1)).toEqual({ start: i, end: i + 1 });
        expect(kept).toEqual(copy(skeletonizeGeneral(view.normalized, DEFAULT_FOLD)));
      }),
      { numRuns: 2000 },
    );
    expect(taken).toBeGreaterThan(200);
  });

  it('leaves text whose normalization moves offsets to the general path', () => {
    for (const t of ['他妈的…', ' 他妈的', '他妈的 ', '他  妈的', '他\t妈的', '`他妈的“', '｀他妈的', '他妈\u200b的', 'е他妈的'])
      expect(skeletonizePlainCjk(t), t).toBeUndefined();
    expect(skeletonizePlainCjk('“他媽的”，ＷｅＣｈａｔ ok', DEFAULT_FOLD)?.text).toBe('"他妈的",wechat ok');
  });
});

describe('match: fast paths against the general path', () => {
  const term = (id: string, t: string, extra: Partial<MatchTerm> = {}): MatchTerm => ({ id, text: t, category: 'test', severity: 'major', ...extra });
  const m = createMatcher(
    [
      term('fuck', 'fuck'),
      term('ass', 'ass', { severity: 'minor' }),
      term('asshole', 'asshole'),
      term('ass~variant', 'a$$'),
      term('cunt', 'cunt', { boundary: 'none' }),
      term('wechat', 'wechat'),
      term('hello', 'hello', { languages: ['fr'] }),
      term('weixin', '微信'),
      term('shabi', '傻逼'),
      term('tamade', '他妈的'),
      term('made', '妈的'),
      term('feiwu', '废物'),
      term('byeongsin', '병신', { boundary: 'start' }),
      term('baka', 'ばか'),
    ],
    ['scunthorpe', 'class'],
  );
  const inner = matcherInternals(m);
  const automaton = new Automaton(inner.patterns);
  /** `match` as it ran before the fast paths: full normalization, the general skeleton, a callback scan. */
  const general = (t: string, options?: { language?: string }) => {
    const view = normalizeText(t);
    const sk = skeletonizeGeneral(view.normalized, DEFAULT_FOLD);
    const scanned: number[] = [];
    automaton.scanCodes(sk.codes, sk.length, (p, s, e) => scanned.push(p, sk.starts[s]!, sk.ends[e - 1]!));
    return inner.matchScanned(view, scanned, options);
  };

  it.each([
    ['mixed', anyUnit, ['en', 'fr', 'zh']],
    ['Chinese', cjkUnit, ['zh', 'ja', 'en']],
  ] as const)('finds the same matches on random %s text, as a bare string and as a view (property)', (_, unit, languages) => {
    fc.assert(
      fc.property(text(unit), fc.constantFrom(undefined, ...languages), (t, language) => {
        const want = general(t, { language });
        expect(m.match(t, { language })).toEqual(want);
        expect(m.match(normalizeText(t), { language })).toEqual(want);
      }),
      { numRuns: 1500 },
    );
  });

  it('finds the same matches on random ASCII text (the view-free path)', () => {
    fc.assert(
      fc.property(text(asciiUnit), (t) => {
        expect(m.match(t)).toEqual(general(t));
      }),
      { numRuns: 1500 },
    );
  });
});

describe('isWholeWords: ICU asked at the two edges only', () => {
  it('agrees with the full word segmentation (property)', () => {
    const cjk = fc.constantFrom(
      '我',
      '妈',
      '的',
      '礼',
      '物',
      '他',
      '傻',
      '逼',
      '你',
      '是',
      '不',
      '有',
      '病',
      '历',
      'ば',
      'か',
      'り',
      'だ',
      '。',
      '，',
      ' ',
      'a',
      '1',
      '😀',
    );
    fc.assert(
      fc.property(fc.string({ unit: cjk, minLength: 1, maxLength: 40 }), fc.nat(), fc.nat(), (t, a, b) => {
        const start = a % (t.length + 1);
        const end = start + (b % (t.length - start + 1));
        const near = t.slice(Math.max(0, start - 8), Math.min(t.length, end + 8));
        const bounds = wordBounds(t, /[\u3040-\u30ff]/u.test(near) ? 'ja' : 'zh');
        expect(isWholeWords(t, start, end)).toBe(bounds.has(start) && bounds.has(end));
      }),
      { numRuns: 1500 },
    );
  });
});
