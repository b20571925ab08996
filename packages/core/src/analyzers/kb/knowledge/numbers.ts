/**
 * Numbers as agents write them, in every locale the product serves: digit grouping ("5,000",
 * "5.000", "5 000", "5'000", "1,00,000"), decimal commas ("20,5", "1.234,56"), full-width digits,
 * CJK numerals ("三十", "五千", "两万"), digits with a CJK multiplier ("5千", "1万") and number words
 * ("thirty", "einen", "quinze", "한"). Used by the KB quantity reader.
 */

/**
 * A number written with digits: grouped (one separator kind repeated, or followed by exactly three
 * digits) or plain with an optional decimal part. Source for a RegExp; no capture groups.
 *
 * At most 8 groups after the first (up to 10^27): the group loop backtracks over every shorter
 * chain, and a match may start at each group of a space-separated chain ("1 000 000 …"), so an
 * unbounded loop made a long chain with no unit or currency after it quadratic (2.5 s for 40,000
 * characters of "0 000 000 …" in the KB analyzer); bounded, each start reads at most 8 groups.
 */
export const DIGITS = String.raw`\d{1,3}(?:,\d{2})+,\d{3}(?!\d)|\d{1,3}(?:(?:[,.'’]|[ \u00a0\u202f](?=\d{3}(?!\d)))\d{3}){1,8}(?:[.,]\d+)?(?!\d)|\d+(?:[.,]\d+)?`;

/**
 * The value of a digit string as written in any locale. Both separators: the last one is the
 * decimal mark ("1.234,56" → 1234.56, "1,234.56" → 1234.56). One separator kind repeated, or one
 * followed by exactly three digits after a non-zero integer part, is digit grouping ("5,000" →
 * 5000, "5.000" → 5000, "1,00,000" → 100000); otherwise it is the decimal mark ("20.5", "20,5",
 * "0,125"). Spaces and apostrophes always group. NaN for anything else.
 *
 * @example
 * parseDigits('5,000'); // 5000
 * parseDigits('1.234,56'); // 1234.56
 * parseDigits('20,5'); // 20.5
 */
export function parseDigits(raw: string): number {
  const s = raw.replace(/[ \u00a0\u202f'’]/gu, '');
  if (!/^\d[\d.,]*$/u.test(s)) return Number.NaN;
  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  if (lastDot >= 0 && lastComma >= 0) {
    const decimal = lastDot > lastComma ? '.' : ',';
    const group = decimal === '.' ? ',' : '.';
    return Number(s.split(group).join('').replace(decimal, '.'));
  }
  const sep = lastDot >= 0 ? '.' : lastComma >= 0 ? ',' : '';
  if (!sep) return Number(s);
  const parts = s.split(sep);
  const grouping = parts.length > 2 || (parts[1]!.length === 3 && !/^0+$/u.test(parts[0]!));
  return grouping ? Number(parts.join('')) : Number(`${parts[0]}.${parts[1]}`);
}

/** Full-width digits and the full-width percent sign folded to ASCII, same length, so offsets stay valid. */
export function foldWidth(text: string): string {
  return text.replace(/[０-９％]/gu, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

const CJK_DIGIT: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 兩: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CJK_SMALL: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** A run of CJK numeral characters (source for a RegExp). */
export const CJK_NUMERAL = '[零〇一二两兩三四五六七八九十百千万萬]+';

/**
 * "三十" → 30, "十五" → 15, "一百二十" → 120, "五千" → 5000, "两万" → 20000, "七" → 7. Null when
 * the run is not a well-formed numeral.
 */
export function cjkNumber(s: string): number | null {
  if (!new RegExp(`^${CJK_NUMERAL}$`, 'u').test(s)) return null;
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  for (const ch of s) {
    if (ch in CJK_DIGIT) {
      if (digit !== null && s.length > 1 && !/[十百千万萬]/u.test(s))
        digit = digit * 10 + CJK_DIGIT[ch]!; // "二〇" style digit strings
      else digit = CJK_DIGIT[ch]!;
    } else if (ch in CJK_SMALL) {
      section += (digit ?? 1) * CJK_SMALL[ch]!;
      digit = null;
    } else {
      total += (section + (digit ?? 0) || 1) * 10000;
      section = 0;
      digit = null;
    }
  }
  return total + section + (digit ?? 0);
}

/** Number words, by language, that can stand before a unit ("thirty days", "einen Monat", "한 달"). */
export const WORD_NUMBERS: Record<string, number> = {
  // en
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fourteen: 14,
  fifteen: 15,
  eighteen: 18,
  twenty: 20,
  thirty: 30,
  forty: 40,
  'forty-five': 45,
  sixty: 60,
  ninety: 90,
  // de
  ein: 1,
  eine: 1,
  einen: 1,
  einem: 1,
  einer: 1,
  zwei: 2,
  drei: 3,
  vier: 4,
  fünf: 5,
  sechs: 6,
  sieben: 7,
  acht: 8,
  neun: 9,
  zehn: 10,
  zwölf: 12,
  vierzehn: 14,
  dreißig: 30,
  sechzig: 60,
  neunzig: 90,
  // fr
  un: 1,
  une: 1,
  deux: 2,
  trois: 3,
  quatre: 4,
  cinq: 5,
  sept: 7,
  huit: 8,
  neuf: 9,
  dix: 10,
  douze: 12,
  quatorze: 14,
  quinze: 15,
  trente: 30,
  soixante: 60,
  'quatre-vingt-dix': 90,
  // es
  uno: 1,
  una: 1,
  dos: 2,
  tres: 3,
  cuatro: 4,
  cinco: 5,
  seis: 6,
  siete: 7,
  ocho: 8,
  nueve: 9,
  diez: 10,
  doce: 12,
  catorce: 14,
  quince: 15,
  veinte: 20,
  treinta: 30,
  sesenta: 60,
  noventa: 90,
  // pt
  um: 1,
  uma: 1,
  dois: 2,
  duas: 2,
  três: 3,
  sete: 7,
  oito: 8,
  dez: 10,
  doze: 12,
  trinta: 30, // quatro, quinze, noventa, quatorze as in es/fr
  // it
  due: 2,
  tre: 3,
  sette: 7,
  otto: 8,
  dieci: 10,
  dodici: 12,
  quattordici: 14,
  quindici: 15,
  venti: 20,
  trenta: 30,
  sessanta: 60,
  novanta: 90,
  // ko (native numbers before counters: 한 달, 두 달, 세 시간)
  한: 1,
  두: 2,
  세: 3,
  석: 3,
  네: 4,
  다섯: 5,
  여섯: 6,
  일곱: 7,
  여덟: 8,
  아홉: 9,
  열: 10,
};

/**
 * The value of a number as written: digits in any locale ("5.000"), a digit string with a CJK
 * multiplier ("5千", "1.5万"), a CJK numeral ("三十") or a number word ("fifteen"). NaN otherwise.
 */
export function parseNumber(raw: string): number {
  const s = foldWidth(raw.trim());
  const word = WORD_NUMBERS[s.toLowerCase()];
  if (word !== undefined) return word;
  const multiplied = /^(\d+(?:[.,]\d+)?)([千万萬])$/u.exec(s);
  if (multiplied) return parseDigits(multiplied[1]!) * (multiplied[2] === '千' ? 1000 : 10000);
  const cjk = cjkNumber(s);
  if (cjk !== null) return cjk;
  return parseDigits(s);
}
