/**
 * Typographic apostrophes and quotation marks, folded to their ASCII forms so rules written with
 * `'` and `"` match text typed on phones and word processors ("l’ai", "It’s", “fault”). Every
 * mark is one UTF-16 unit and so is its replacement: offsets do not move.
 */
const APOSTROPHES = /[\u2018\u2019\u201A\u201B\u2032\u02BC\uFF07\u00B4\u0060]/g;
const QUOTES = /[\u201C\u201D\u201E\u201F\u2033\uFF02\u00AB\u00BB]/g;
const ANY = /[\u2018\u2019\u201A\u201B\u2032\u02BC\uFF07\u00B4\u0060\u201C\u201D\u201E\u201F\u2033\uFF02\u00AB\u00BB]/;

/**
 * `text` with typographic apostrophes → `'` and quotation marks → `"`, same length.
 *
 * @example
 * foldQuotes('It’s “fine”'); // `It's "fine"`
 */
export function foldQuotes(text: string): string {
  return ANY.test(text) ? text.replace(APOSTROPHES, "'").replace(QUOTES, '"') : text;
}

/** The ASCII form of one typographic apostrophe or quotation mark code unit, or the unit itself. */
export function foldQuoteCode(code: number): number {
  switch (code) {
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
