/**
 * Features of the conduct model (`models/conduct.json`): over a message's normalized view
 * (lower-cased, full-width folded — `TextView.normalized`), the words and word bigrams of its
 * spaced-script parts, the character 2- and 3-grams of each run of Chinese, Japanese or Korean
 * script, and each emoji. No character n-grams across spaced words (on real helpdesk replies
 * written in another register they fired on letter pairs, "er", "e ", and flagged one English reply
 * in nine) and no single CJK characters (您, 吗 weighed alone; without them the model flagged 7
 * instead of 18 real Weibo replies at P ≥ 0.8, none of which was misconduct), decision 210.
 *
 * @example
 * conductFeatures('did you even read it? 你自己看 😂'); // ['w:did', 'b:did you', …, 'k2:自己', …, 'e:😂']
 */
export function conductFeatures(normalized: string): string[] {
  const text = normalized.replace(/[’‘`´]/g, "'");
  const out: string[] = [];
  const words = text.replace(CJK_RUN, ' ').match(WORD) ?? [];
  for (let i = 0; i < words.length; i++) {
    out.push(`w:${words[i]}`);
    if (i + 1 < words.length) out.push(`b:${words[i]} ${words[i + 1]}`);
  }
  for (const run of text.match(CJK_RUN) ?? []) {
    for (let n = 2; n <= 3; n++) for (let i = 0; i + n <= run.length; i++) out.push(`k${n}:${run.slice(i, i + n)}`);
  }
  for (const e of text.match(EMOJI) ?? []) out.push(`e:${e}`);
  return out;
}

/** Hiragana, katakana, CJK ideographs, Hangul, and the CJK sentence marks written inside them. */
const CJK_RUN = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\u3000-\u303f\uff01-\uff5e]+/gu;
/** A word of a spaced script (letters, digits, apostrophes) or a ? or ! on its own. */
const WORD = /[\p{L}\p{N}']+|[?!]/gu;
const EMOJI = /\p{Extended_Pictographic}/gu;
