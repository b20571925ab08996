import { escapeRegExp } from '../../../util/escape-regexp.js';

/**
 * Clauses of a sentence, for attributing a number to what it is about: a sentence is cut at commas
 * and semicolons (not inside a number such as "5,000"), at the Japanese comma 、 (in text with
 * kana), at dashes, and before conjunctions that start a clause of their own ("but", "once",
 * "after", "sobald", "dès que", "cuando", "但是", "之后", "하지만" …). "and"/"or" alone do not cut
 * ("returns and exchanges within 30 days" stays one clause).
 */

/** A clause: offsets into the sentence (end exclusive) and whether it only names a topic ("退货的话，…"). */
export interface Clause {
  start: number;
  end: number;
  text: string;
  /** Names what the next clause is about without saying anything of it: "As for returns," "返品は、" "退货的话，". */
  topic: boolean;
  /** Starts with a conjunction ("but", "sobald", "但是"): it does not take the previous clause's topic. */
  conjunction: boolean;
  /** Starts with a temporal conjunction ("after", "before", "nachdem", "之后"): it may be the reference point of a number just before it. */
  temporal: boolean;
}

/** Conjunctions that make their clause the reference point of a duration just before it ("14 days after you print the label"). */
const TEMPORAL =
  /^(?:after|before|once|until|as soon as|nachdem|bevor|sobald|bis|après que|avant que|dès que|une fois que|después de que|antes de que|una vez que|depois que|antes que|assim que|dopo che|prima che|una volta che|之后|之後|以后|以後|一旦|その後|그 후)(?![\p{L}])/iu;

/** Conjunctions that open a clause, by language (Latin ones match as whole words). */
const CONJUNCTIONS_LATIN = [
  // en
  'but',
  'once',
  'when',
  'whenever',
  'after',
  'before',
  'because',
  'until',
  'unless',
  'while',
  'whereas',
  'although',
  'though',
  'however',
  'otherwise',
  'then',
  'as soon as',
  'so that',
  // de
  'aber',
  'sondern',
  'sobald',
  'wenn',
  'nachdem',
  'bevor',
  'weil',
  'während',
  'obwohl',
  'falls',
  'jedoch',
  'sonst',
  'dann',
  // fr
  'mais',
  'dès que',
  'une fois que',
  'quand',
  'lorsque',
  "lorsqu'",
  'après que',
  'avant que',
  'parce que',
  'puis',
  'sinon',
  'cependant',
  'tandis que',
  'alors que',
  // es
  'pero',
  'sino',
  'una vez que',
  'cuando',
  'después de que',
  'antes de que',
  'porque',
  'aunque',
  'mientras',
  'luego',
  'sin embargo',
  // pt
  'mas',
  'porém',
  'quando',
  'assim que',
  'depois que',
  'antes que',
  'embora',
  'enquanto',
  'senão',
  'contudo',
  // it
  'ma',
  'però',
  'una volta che',
  'dopo che',
  'prima che',
  'perché',
  'sebbene',
  'mentre',
  'poi',
  'altrimenti',
];
/** CJK and Korean conjunctions (matched anywhere). */
const CONJUNCTIONS_CJK = [
  '但是',
  '不过',
  '不過',
  '可是',
  '然后',
  '然後',
  '之后',
  '之後',
  '以后',
  '以後',
  '而且',
  '并且',
  '並且',
  '一旦',
  '如果',
  '否则',
  '否則',
  'ただし',
  'なお',
  'その後',
  'けれども',
  'けれど',
  'けど',
  '하지만',
  '그러나',
  '그리고',
  '그런데',
  '그 후',
];

const LATIN = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${CONJUNCTIONS_LATIN.sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|')})(?![\\p{L}])`,
  'giu',
);
const CJK = new RegExp(CONJUNCTIONS_CJK.map(escapeRegExp).join('|'), 'gu');
/** Separators: , ; ，；and dashes, not a comma between digits; the Japanese comma 、 is added for kana text. */
const SEPARATORS = /(?<!\d),|,(?!\d)|[;；，]|\s[–—-]\s/gu;
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;
/** A clause that ends in a topic marker (ja は/なら/については, zh 的话/呢, ko 은/는 at the end) or opens with "as for". */
const TOPIC_END = /(?:については|に関しては|の場合は|なら|は|的话|的話|呢|方面|은|는)\s*$/u;
const TOPIC_START =
  /^\s*(?:as for|regarding|concerning|as to|bezüglich|hinsichtlich|quant à|concernant|en cuanto a|respecto a|quanto a|em relação a|per quanto riguarda|riguardo a)(?![\p{L}])/iu;

/**
 * The clauses of one sentence, in order, covering it without gaps (separators stay at the end of
 * the clause before them).
 *
 * @example
 * clauses('Once your return reaches our warehouse, the refund takes 5 business days.').map((c) => c.text.trim());
 * // ['Once your return reaches our warehouse,', 'the refund takes 5 business days.']
 */
export function clauses(sentence: string): Clause[] {
  const cuts = new Set<number>();
  const conjunctionAt = new Set<number>();
  for (const m of sentence.matchAll(SEPARATORS)) cuts.add(m.index + m[0].length);
  if (KANA.test(sentence)) for (let i = sentence.indexOf('、'); i >= 0; i = sentence.indexOf('、', i + 1)) cuts.add(i + 1);
  for (const re of [LATIN, CJK]) {
    for (const m of sentence.matchAll(re)) {
      cuts.add(m.index);
      conjunctionAt.add(m.index);
    }
  }
  const points = [...cuts].filter((c) => c > 0 && c < sentence.length).sort((a, b) => a - b);
  const out: Clause[] = [];
  let start = 0;
  for (const end of [...points, sentence.length]) {
    const text = sentence.slice(start, end);
    if (text.trim()) {
      const lead = start + (text.length - text.trimStart().length);
      const conjunction = conjunctionAt.has(lead) || conjunctionAt.has(start);
      out.push({
        start,
        end,
        text,
        topic: TOPIC_END.test(text.replace(/[,;；，、\s]+$/u, '')) || TOPIC_START.test(text),
        conjunction,
        temporal: conjunction && TEMPORAL.test(text.trimStart()),
      });
    } else if (out.length) {
      out.at(-1)!.end = end;
      out.at(-1)!.text = sentence.slice(out.at(-1)!.start, end);
    }
    start = end;
  }
  return out;
}
