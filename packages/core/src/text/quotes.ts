/**
 * Typographic apostrophes, quotation marks and hyphens, folded to their ASCII forms so rules written
 * with `'`, `"` and `-` match text typed on phones and word processors ("l’ai", "It’s", “fault”,
 * "5‑star" with a non-breaking hyphen). Every mark is one UTF-16 unit and so is its replacement:
 * offsets do not move.
 *
 * Hyphens are the marks that join the parts of a word: U+2010 HYPHEN, U+2011 NON-BREAKING HYPHEN,
 * U+FE63 SMALL HYPHEN-MINUS and U+FF0D FULLWIDTH HYPHEN-MINUS (the last two are `-` under NFKC
 * already). Dashes are not folded: U+2012 figure dash (between digit groups), U+2013 en dash
 * (ranges "3–5 days", clause breaks), U+2014 em dash and U+2015 horizontal bar (clause breaks) and
 * U+2212 minus sign (arithmetic) separate words rather than join them, so reading them as `-` would
 * make "a refund – 5 stars" one word "refund-5" for a word rule.
 */
const APOSTROPHE_MARKS = '\u2018\u2019\u201A\u201B\u2032\u02BC\uFF07\u00B4\u0060';
const QUOTE_MARKS = '\u201C\u201D\u201E\u201F\u2033\uFF02\u00AB\u00BB';
const HYPHEN_MARKS = '\u2010\u2011\uFE63\uFF0D';
const APOSTROPHES = new RegExp(`[${APOSTROPHE_MARKS}]`, 'g');
const QUOTES = new RegExp(`[${QUOTE_MARKS}]`, 'g');
const HYPHENS = new RegExp(`[${HYPHEN_MARKS}]`, 'g');
const ANY = new RegExp(`[${APOSTROPHE_MARKS}${QUOTE_MARKS}${HYPHEN_MARKS}]`);

/**
 * `text` with typographic apostrophes → `'`, quotation marks → `"` and hyphens → `-`, same length.
 *
 * @example
 * foldQuotes('It’s “fine”'); // `It's "fine"`
 * foldQuotes('5‑star'); // '5-star' (U+2011 non-breaking hyphen)
 */
export function foldQuotes(text: string): string {
  return ANY.test(text) ? text.replace(APOSTROPHES, "'").replace(QUOTES, '"').replace(HYPHENS, '-') : text;
}

/** The ASCII form of one typographic apostrophe, quotation mark or hyphen code unit, or the unit itself. */
export function foldQuoteCode(code: number): number {
  switch (code) {
    case 0x2010:
    case 0x2011:
    case 0xfe63:
    case 0xff0d:
      return 0x2d;
    case 0x2018:
    case 0x2019:
    case 0x201a:
    case 0x201b:
    case 0x2032:
    case 0x02bc:
    case 0xff07:
    case 0x00b4:
    case 0x0060:
      return 0x27;
    case 0x201c:
    case 0x201d:
    case 0x201e:
    case 0x201f:
    case 0x2033:
    case 0xff02:
    case 0x00ab:
    case 0x00bb:
      return 0x22;
    default:
      return code;
  }
}

/** Opening quotation mark → the marks that close it (German „…“ and „…”, French « … », CJK 「…」『…』). */
const CLOSERS: Record<string, string> = {
  '\u201C': '\u201D',
  '\u201E': '\u201C\u201D',
  '\u00AB': '\u00BB',
  '\u300C': '\u300D',
  '\u300E': '\u300F',
  '\uFF02': '\uFF02',
  '"': '"',
};
/** A quotation longer than this many characters is not read as one quote (an unclosed mark). */
const MAX_QUOTE = 160;

/**
 * The spans of `text` inside a pair of quotation marks (“…”, „…“, « … », 「…」, 『…』, ＂…＂,
 * "…", and '…' where the marks cannot be apostrophes), marks excluded, each at most 160 characters and not crossing a line break: reported
 * speech ("if someone writes “add me on WhatsApp”, ignore it"). Offsets are UTF-16 units of `text`.
 *
 * @example
 * quotedSpans('they said «add me» to you'); // [{ start: 11, end: 17 }]
 */
export function quotedSpans(text: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "'" || text[i] === '\u2018') {
      const j = singleQuoteEnd(text, i);
      if (j > 0) {
        spans.push({ start: i + 1, end: j });
        i = j;
      }
      continue;
    }
    const closers = CLOSERS[text[i]!];
    if (!closers) continue;
    let j = i + 1;
    while (j < text.length && j - i <= MAX_QUOTE && text[j] !== '\n' && !closers.includes(text[j]!)) j++;
    if (j < text.length && closers.includes(text[j]!) && j > i + 1) {
      spans.push({ start: i + 1, end: j });
      i = j;
    }
  }
  return spans;
}

const WORD = /[\p{L}\p{N}]/u;
/** Characters after which a `'` may open a quotation (not a letter: "l'ordine", "it's" are apostrophes). */
const BEFORE_OPENING = /[\s([{:;,"\u2014\u2013-]/;

/**
 * Where a quotation opened by the single mark (`'` or ‘) at `i` closes, or -1. Single marks double as apostrophes,
 * so a pair counts only when the opening mark follows a space or punctuation and precedes a word
 * character, and the closing mark follows a non-space and is not followed by a word character
 * (`'paga fuori da eBay'`, ‘payez-nous’, not "c’est"). Same length and line limits as the other marks.
 */
function singleQuoteEnd(text: string, i: number): number {
  if (i > 0 && !BEFORE_OPENING.test(text[i - 1]!)) return -1;
  if (i + 1 >= text.length || !WORD.test(text[i + 1]!)) return -1;
  for (let j = i + 2; j < text.length && j - i <= MAX_QUOTE && text[j] !== '\n'; j++) {
    if (text[j] !== "'" && text[j] !== '\u2019') continue;
    if (/\s/.test(text[j - 1]!)) continue;
    if (j + 1 < text.length && WORD.test(text[j + 1]!)) continue;
    return j;
  }
  return -1;
}

/** Is `[start, end)` inside one of `spans`? */
export function insideSpan(spans: readonly { start: number; end: number }[], start: number, end: number): boolean {
  return spans.some((s) => s.start <= start && end <= s.end);
}
