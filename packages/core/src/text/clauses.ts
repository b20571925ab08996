/**
 * Clause breaks: punctuation that ends a clause, and the words for "but" in the product's
 * languages. A negation does not reach across one ("no worries, add me on WeChat"), and a
 * `clause` phrase does not chain across one ("WeChat crashed, contact us").
 */
const CLAUSE_BREAK =
  /[,;:，；：、]|(?<!\p{L})(?:but|however|aber|jedoch|sondern|mais|cependant|pero|sino|sin embargo|mas|porém|contudo|però|tuttavia|invece)(?!\p{L})|但是|但|不过|可是|而是|でも|しかし|けど|が、|하지만|그러나|그런데|지만/iu;

/** Is there a clause break in `text[from, to)`? */
export function hasClauseBreak(text: string, from: number, to: number): boolean {
  return to > from && CLAUSE_BREAK.test(text.slice(from, to));
}
