/**
 * The run-bounded word-boundary check against ICU's segmentation of the whole text: the hard
 * characters that bound a run, for every one of them, and random text mixing ideographs,
 * hard characters and the characters that are not hard (kana, marks, format characters, emoji).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isWholeWords, wordBounds } from '../text/words.js';
import { isHardBreak, isWholeWordsInRun } from './cjk-words.js';

const boundsOf = (text: string, locale: string): Set<number> => {
  const out = new Set([0, text.length]);
  for (const s of new Intl.Segmenter(locale, { granularity: 'word' }).segment(text)) out.add(s.index);
  return out;
};

describe('isHardBreak', () => {
  it('holds only for characters ICU separates from ideographs on both sides, leaving each run segmented as alone', () => {
    const runs = ['他妈的', '死胡同', '有病历', '我妈妈的礼物', '的', '中华人民共和国'];
    const wrong: string[] = [];
    let hard = 0;
    for (let c = 0; c < 0x10000; c++) {
      if (!isHardBreak(c)) continue;
      hard++;
      const x = String.fromCharCode(c);
      for (const locale of ['zh', 'ja'])
        for (const a of runs)
          for (const b of runs) {
            const bounds = boundsOf(a + x + b, locale);
            const alone = [...boundsOf(a, locale)].concat(
              [...boundsOf(b, locale)].map((i) => i + a.length + 1),
              [a.length],
            );
            const want = new Set(alone);
            if (bounds.size !== want.size || [...want].some((i) => !bounds.has(i))) wrong.push(`U+${c.toString(16)} ${locale} ${a}|${b}`);
          }
    }
    expect(hard).toBe(296); // 127 ASCII, ·, 39 general punctuation, 30 CJK, 99 full- and half-width forms
    expect(wrong).toEqual([]);
  });

  it('is false for what may join a run or a neighbour: ideographs, kana, marks, format characters, the connector', () => {
    for (const c of ['妈', '々', '〇', 'か', 'カ', 'ー', 'ｶ', '\u0301', '\u200b', '\u200d', '\u202a', '_', '＿', '\u00ad', '\u3030', '\ud83d'])
      expect(isHardBreak(c.charCodeAt(0)), c).toBe(false);
  });
});

describe('isWholeWordsInRun', () => {
  it('keeps the answers of issue 10 (a term inside a longer word is not the term)', () => {
    const mom = '这是送给我妈妈的生日礼物';
    expect(isWholeWordsInRun(mom, mom.indexOf('妈的'), mom.indexOf('妈的') + 2)).toBe(false);
    expect(isWholeWordsInRun('你妈的，什么玩意', 1, 3)).toBe(true);
    const alley = '这条路是死胡同，走不通';
    expect(isWholeWordsInRun(alley, alley.indexOf('胡同'), alley.indexOf('胡同') + 2)).toBe(
      isWholeWords(alley, alley.indexOf('胡同'), alley.indexOf('胡同') + 2),
    );
    const ill = '他去医院拿了有病历的单子';
    expect(isWholeWordsInRun(ill, ill.indexOf('有病'), ill.indexOf('有病') + 2)).toBe(false);
  });

  it('gives the answer of the whole text’s segmentation on random mixed text (property)', () => {
    const unit = fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(...'我妈的礼物他傻逼你是不有病历死胡同医院去吧这个中国人'.split('')) },
      // hard characters, alone and in ASCII words and numbers that join across them
      { weight: 3, arbitrary: fc.constantFrom(..."，|。| |！|？|a|B|1|.|,|:|“|”|（|·|\n|…|、|'|ab|1.5|a.b|3:4|—|＂|Ａ|１".split('|')) },
      { weight: 1, arbitrary: fc.constantFrom('ば', 'か', 'り', 'カ', 'ー', '々', '_', '＿', '\u0301', '\u200b', '\u200d', '\u202a', '😀', '妈\u0301', '豈') },
    );
    fc.assert(
      fc.property(fc.array(unit, { minLength: 1, maxLength: 40 }), fc.nat(), fc.nat(), (units, a, b) => {
        const t = units.join('');
        const start = a % t.length;
        const end = start + 1 + (b % Math.min(6, t.length - start));
        const near = t.slice(Math.max(0, start - 8), Math.min(t.length, end + 8));
        const bounds = wordBounds(t, /[\u3040-\u30ff]/u.test(near) ? 'ja' : 'zh');
        expect(isWholeWordsInRun(t, start, end)).toBe(bounds.has(start) && bounds.has(end));
      }),
      { numRuns: 3000 },
    );
  });

  it('asks each run alone and keeps runs apart: every span of every run of a message, in order, as the whole text (property)', () => {
    const word = fc.constantFrom('我', '妈妈', '的', '生日', '礼物', '他妈的', '有病', '病历', '医院', '去', '死胡同', '中国人', '这个', '傻逼', '不');
    const run = fc.array(word, { minLength: 1, maxLength: 6 }).map((w) => w.join(''));
    const hard = fc.constantFrom('，', '。', '！', ' ', '、', '…', '“', '”', '1', 'a');
    fc.assert(
      fc.property(fc.array(fc.tuple(run, hard), { minLength: 2, maxLength: 5 }), (parts) => {
        const t = parts.map(([r, h]) => r + h).join('');
        const bounds = wordBounds(t, 'zh');
        // one message, many hits, runs late in the text after earlier ones were asked
        for (let start = 0; start < t.length; start++)
          for (let end = start + 1; end <= Math.min(t.length, start + 4); end++)
            expect(isWholeWordsInRun(t, start, end), `${t} [${start}, ${end})`).toBe(bounds.has(start) && bounds.has(end));
      }),
      { numRuns: 300 },
    );
  });
});
