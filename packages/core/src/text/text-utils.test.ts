import { describe, expect, it } from 'vitest';
import { normalizeText } from '../index.js';
import { foldQuotes, isWholeWords, sameSentence, sentenceStarts, sentences } from '../subpath/matcher.js';

describe('sentences', () => {
  it('keeps decimals, percentages and domains inside their sentence', () => {
    const t = 'I will refund $4.99 for a 5 star review. The fee is 20.5%. See shop.example.com for more.';
    expect(sentences(t).map((s) => s.text.trim())).toEqual(['I will refund $4.99 for a 5 star review.', 'The fee is 20.5%.', 'See shop.example.com for more.']);
    expect(sameSentence(t, t.indexOf('refund'), t.indexOf('5 star'))).toBe(true);
    expect(sameSentence(t, t.indexOf('review'), t.indexOf('fee'))).toBe(false);
  });
  it('splits Chinese and Japanese punctuation and line breaks', () => {
    expect(sentences('您好。请查收！谢谢').map((s) => s.text)).toEqual(['您好。', '请查收！', '谢谢']);
    expect(sentenceStarts('first line\nsecond line')).toEqual([0, 11]);
  });
});

describe('isWholeWords', () => {
  it('rejects a term inside a longer CJK word and accepts a whole word', () => {
    const mom = '这是送给我妈妈的生日礼物';
    expect(isWholeWords(mom, mom.indexOf('妈的'), mom.indexOf('妈的') + 2)).toBe(false);
    const rude = '你妈的，什么玩意';
    expect(isWholeWords(rude, 1, 3)).toBe(true);
    const ja = 'ソーセージが届いたばかりです';
    expect(isWholeWords(ja, ja.indexOf('ばか'), ja.indexOf('ばか') + 2)).toBe(false);
    const ja2 = '本当にばかだな';
    expect(isWholeWords(ja2, 3, 5)).toBe(true);
  });
});

describe('quote folding', () => {
  it('folds typographic apostrophes and quotes without moving offsets', () => {
    const t = 'Comme je vous l’ai déjà dit, c’est “votre” faute';
    expect(foldQuotes(t)).toBe(`Comme je vous l'ai déjà dit, c'est "votre" faute`);
    expect(foldQuotes(t).length).toBe(t.length);
    expect(normalizeText('It’s YOUR fault').normalized).toBe("it's your fault");
    expect(normalizeText('It’s').folded).toBe("It's");
  });

  it('folds hyphens (U+2010, U+2011, U+FE63, U+FF0D) to "-" and leaves dashes and the minus sign alone', () => {
    const t = '5\u2011star, five\u2010star, 5\uFE63star, 5\uFF0Dstar';
    expect(foldQuotes(t)).toBe('5-star, five-star, 5-star, 5-star');
    expect(foldQuotes(t).length).toBe(t.length);
    const dashes = '3\u20135 days \u2014 \u22125 \u2012 \u2015';
    expect(foldQuotes(dashes)).toBe(dashes);
    const v = normalizeText('A 5\u2011Star review, 3\u20135 days');
    expect(v.normalized).toBe('a 5-star review, 3\u20135 days');
    expect(v.folded).toBe('A 5-Star review, 3\u20135 days');
    const at = v.normalized.indexOf('5-star');
    const span = v.toOriginalSpan(at, at + 6);
    expect(v.original.slice(span.start, span.end)).toBe('5\u2011Star');
  });
});
