import { z } from 'zod';
import { Automaton, AutomatonHits } from '../matcher/aho-corasick.js';
import { compilePattern, inUserParse, re2Problem } from './pattern-engine.js';

/**
 * Why a regex source could backtrack catastrophically, or null when it passes the check:
 * no back-references, and no unbounded quantifier (`*`, `+`, `{n,}`) on a group that itself
 * holds a quantifier or an alternation — so repetition is never nested or ambiguous and V8's
 * backtracking stays polynomial of low degree on any input (`(a+)+$` and `(a|a)*$` are what make
 * a match exponential; `(?:ha)+` is fine).
 *
 * @example
 * linearRegexProblem('\\bas i (?:said|told you)\\b'); // null
 * linearRegexProblem('(a+)+$'); // 'unbounded quantifier on a group with a quantifier or alternation inside at 5'
 */
export function linearRegexProblem(source: string): string | null {
  /** Per open group: does it contain a quantifier or an alternation (at any depth)? */
  const groups: boolean[] = [];
  const mark = () => {
    if (groups.length) groups[groups.length - 1] = true;
  };
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') {
      const next = source[i + 1] ?? '';
      if (/[1-9]/.test(next) || (next === 'k' && source[i + 2] === '<')) return `back-reference at ${i}`;
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === '(') {
      groups.push(false);
      // group prefixes (?: (?= (?! (?<= (?<! (?<name> are not quantifiers
      const prefix = /^\?(?::|=|!|<=|<!|<[A-Za-z_]\w*>)/.exec(source.slice(i + 1));
      if (prefix) i += prefix[0].length;
    } else if (c === '|' || c === '*' || c === '+' || c === '?' || c === '{') mark();
    else if (c === ')') {
      const complex = groups.pop() ?? false;
      if (complex) mark();
      const q = source[i + 1];
      const unbounded = q === '*' || q === '+' || (q === '{' && /^\{\d+,\}/.test(source.slice(i + 1)));
      if (unbounded && complex) return `unbounded quantifier on a group with a quantifier or alternation inside at ${i + 1}`;
    }
  }
  return null;
}

/**
 * A regex source for rules matched on the normalized (lower-cased) view: compiles with the `u`
 * flag and passes `linearRegexProblem`. `\b` may be used: it is rewritten to a Unicode-aware
 * word boundary when compiled (`compileRuleRegex`).
 */
export const LinearRegexSource = z
  .string()
  .min(1)
  .superRefine((source, ctx) => {
    if (inUserParse()) {
      // user data runs on RE2: linear whatever the pattern, so only its syntax is checked
      const re2 = re2Problem(source, 'u');
      if (re2) ctx.addIssue({ code: 'custom', message: `invalid regex: ${re2}` });
      return;
    }
    const problem = linearRegexProblem(source);
    if (problem) {
      ctx.addIssue({ code: 'custom', message: `pattern could backtrack catastrophically (${problem}); rewrite it without nested repetition` });
      return;
    }
    try {
      // the syntax check only: `\b` and the literals compile the same way in `compileRuleRegex`,
      // whose Unicode word classes make each regex costly to build (that waits until a language is used)
      new RegExp(source, 'u');
    } catch (e) {
      ctx.addIssue({ code: 'custom', message: `invalid regex: ${(e as Error).message}` });
    }
  });

const WORD = '[\\p{L}\\p{N}\\p{M}]';
const BOUNDARY = `(?:(?<=${WORD})(?!${WORD})|(?<!${WORD})(?=${WORD}))`;
/** `\b` before a word character is only the start half; V8 scans for the literal after it (7× faster than BOUNDARY). */
const WORD_START = `(?<!${WORD})`;
/** `\b` after a word character is only the end half. */
const WORD_END = `(?!${WORD})`;
const WORD_CHAR = /^[\p{L}\p{N}]$/u;
const QUANTIFIER = new Set(['?', '*', '+', '{']);

/**
 * Does every match of the pattern from `source[pos]` on certainly start with a word character:
 * are its literal prefixes (`literalSequence`: through groups and optional groups) all known and
 * all starting with a letter or digit? `you`, `(?:it|this)`, `(?:das )?ist` yes; classes,
 * escapes, `.`, lookarounds and `(?:the )?[x]` no.
 */
function startsWithWordChar(source: string, pos: number): boolean {
  const found = literalSequence(source, pos, 8);
  return !!found && found.prefixes.every((p) => p.length > 0 && WORD_CHAR.test(p[0]!));
}

/**
 * Index of the `|` or `)` that ends the alternative containing `source[pos]` (groups, classes and
 * escapes inside it skipped), or `source.length` when the pattern ends first.
 */
function alternativeEnd(source: string, pos: number): number {
  return depthZero(source, pos, true);
}

/**
 * Index of the first `)` (and `|` too, when `bar`) at the nesting depth of `source[pos]`, groups,
 * classes and escapes skipped; `source.length` when there is none.
 */
function depthZero(source: string, pos: number, bar: boolean): number {
  let depth = 0;
  for (let k = pos; k < source.length; k++) {
    const c = source[k]!;
    if (c === '\\') k++;
    else if (c === '[') {
      while (k < source.length && source[k] !== ']') k += source[k] === '\\' ? 2 : 1;
    } else if (c === '(') depth++;
    else if (c === ')') {
      if (depth === 0) return k;
      depth--;
    } else if (bar && c === '|' && depth === 0) return k;
  }
  return source.length;
}

/** The boundary `\b` at `source[i]` needs: a half when the neighbouring literal is certainly a word character. */
function boundaryAt(source: string, i: number): string {
  if (startsWithWordChar(source, i + 2)) return WORD_START;
  // the word run before `\b` must end in a literal letter, not inside an escape (\d, \u0020, \x41)
  let j = i - 1;
  while (j >= 0 && WORD_CHAR.test(source[j]!)) j--;
  if (j === i - 1) return BOUNDARY;
  if (source[j] !== '\\') return WORD_END;
  const escapeLength = { u: 5, x: 3, c: 2 }[source[j + 1]!] ?? 1;
  return i - 1 > j + escapeLength ? WORD_END : BOUNDARY;
}

const META = new Set(Array.from('\\^$.|?*+()[]{}/-'));
/**
 * A literal of the pattern as the normalized view writes it (NFKC: full-width ！ → !, Hangul
 * compatibility jamo ㅋ → ᄏ), escaped when it became a regex metacharacter (（ → \().
 */
function normalizeLiteral(c: string): string {
  const n = c.normalize('NFKC');
  return n.length === 1 && META.has(n) ? `\\${n}` : n;
}

/**
 * Compile a rule pattern for the normalized view: flags `gu` (no `i`: the view is lower-case),
 * `\b` as a Unicode word boundary (JavaScript's `\b` knows only ASCII letters), non-ASCII
 * literals in their NFKC form like the view. A `\b` next to a literal letter compiles to the one
 * half of the boundary that can hold there, which lets V8 scan for the literal (about 7× faster on
 * text with no match); `exactBoundaries: true` keeps the two-sided form (the tests compare both).
 */
export function compileRuleRegex(source: string, options: { exactBoundaries?: boolean } = {}): RegExp {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') {
      const next = source[i + 1] ?? '';
      out += !inClass && next === 'b' ? (options.exactBoundaries ? BOUNDARY : boundaryAt(source, i)) : c + next;
      i++;
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === ']') inClass = false;
    out += c.charCodeAt(0) > 0x7f ? normalizeLiteral(c) : c;
  }
  return new RegExp(out, 'gu');
}

/**
 * Literal texts one of which every match of the pattern starts with (word boundaries `\b` take
 * no characters and are skipped), or null when the pattern has no such list. Literal runs are followed through groups that are not
 * optional: `\b(?:it|this|that)(?:'s| is)` → `it's`, `it is`, `this's`, …; `\byou (?:should|must)`
 * → `you should`, `you must`; `(?:the )?x` → null. A text that contains none of them cannot
 * match, so a substring search (or one automaton over every rule's prefixes, `prefixFilter`)
 * skips the regex — far cheaper than a regex scan that finds nothing, the common case.
 *
 * @example
 * matchPrefixes('\\b(?:sort|figure) it out\\b'); // ['sort it out', 'figure it out']
 */
export function matchPrefixes(source: string): string[] | null {
  // the whole pattern as one group, so top-level alternatives (`ㅋㅋ+|ㅎㅎ+`) are all read
  const found = literalSequence(`(?:${source})`, 0, 8);
  if (!found) return null;
  const out = [...new Set(found.prefixes.map((p) => p.normalize('NFKC')))];
  return out.every((p) => p.length > 0) ? out : null;
}

const LITERAL = /^[\p{L}\p{N}\p{M} ',]$/u;

/**
 * Length in code units of the literal character at `source[k]` (0: not a known literal): a
 * letter, digit, mark, space, `'` or `,`, or any other code point beyond ASCII (a symbol, an
 * emoji as a surrogate pair: only ASCII characters are regex syntax).
 */
function literalAt(source: string, k: number): number {
  const c = source.charCodeAt(k);
  if (c < 0x80) return LITERAL.test(source[k]!) ? 1 : 0;
  if (c >= 0xd800 && c <= 0xdbff) return (source.charCodeAt(k + 1) & 0xfc00) === 0xdc00 ? 2 : 0;
  return c >= 0xdc00 && c <= 0xdfff ? 0 : 1;
}

/** Is `source[k]` the start of a lookaround (`(?=`, `(?!`, `(?<=`, `(?<!`)? */
function isLookaround(source: string, k: number): boolean {
  if (source[k] !== '(' || source[k + 1] !== '?') return false;
  const c = source[k + 2];
  return c === '=' || c === '!' || (c === '<' && (source[k + 3] === '=' || source[k + 3] === '!'));
}

/** Index of the `)` closing the group that opens at `source[open]` (classes and escapes skipped), or -1. */
function groupEnd(source: string, open: number): number {
  const k = depthZero(source, open + 1, false);
  return k < source.length ? k : -1;
}
/** Stop widening the prefix list beyond this many. */
const MAX_PREFIXES = 48;

/**
 * The literal prefixes of the sequence from `pos` to the end of its alternative (`|`, `)` or the
 * end of the pattern), and whether each reaches that end (`complete`: the prefixes are the whole
 * alternative) or stopped at something that is not a literal.
 */
function literalSequence(source: string, pos: number, depthLeft: number): { prefixes: string[]; complete: boolean; end: number } | null {
  if (depthLeft === 0) return null;
  let prefixes = [''];
  let k = pos;
  while (k < source.length) {
    const c = source[k]!;
    if (c === '|' || c === ')') return { prefixes, complete: true, end: k };
    if (c === '\\' && source[k + 1] === 'b') {
      k += 2; // a word boundary takes no characters
      continue;
    }
    if (c === '^') {
      k++; // nor does the start anchor
      continue;
    }
    if (isLookaround(source, k)) {
      // nor a lookaround (`(?<![a-z])`, `(?!\])`): what follows it is what a match reads
      const close = groupEnd(source, k);
      if (close < 0 || QUANTIFIER.has(source[close + 1] ?? '')) return { prefixes, complete: false, end: k };
      k = close + 1;
      continue;
    }
    const width = literalAt(source, k);
    if (width) {
      if (QUANTIFIER.has(source[k + width] ?? '')) return { prefixes, complete: false, end: k };
      const literal = source.slice(k, k + width);
      prefixes = prefixes.map((p) => p + literal);
      k += width;
      continue;
    }
    if (c !== '(' || (source[k + 1] === '?' && source[k + 2] !== ':')) return { prefixes, complete: false, end: k };
    // a group: the prefixes of each alternative, crossed with what came before; when one cannot
    // be read, the prefixes so far are all that is known
    const groupStart = k;
    const known = () => (prefixes.every((p) => p) ? { prefixes, complete: false, end: groupStart } : null);
    let inner = source[k + 1] === '?' ? k + 3 : k + 1;
    const alternatives: string[] = [];
    let allComplete = true;
    for (;;) {
      const alt = literalSequence(source, inner, depthLeft - 1);
      if (!alt) return known();
      alternatives.push(...alt.prefixes);
      if (!alt.complete) allComplete = false;
      // skip the rest of this alternative
      const j = alternativeEnd(source, alt.end);
      if (j >= source.length) return null;
      if (source[j] === ')') {
        k = j + 1;
        break;
      }
      inner = j + 1;
    }
    const q = source[k] ?? '';
    if (q === '?' || q === '*') {
      // an optional group: a match starts with one of its alternatives or with what follows it
      const rest = literalSequence(source, k + 1, depthLeft - 1);
      if (!rest) return known();
      const both = [...alternatives, ...rest.prefixes];
      if (prefixes.length * both.length > MAX_PREFIXES) return known();
      return { prefixes: prefixes.flatMap((p) => both.map((a) => p + a)), complete: false, end: rest.end };
    }
    if (QUANTIFIER.has(q) || prefixes.length * alternatives.length > MAX_PREFIXES) return known();
    prefixes = prefixes.flatMap((p) => alternatives.map((a) => p + a));
    if (!allComplete) return { prefixes, complete: false, end: k };
  }
  return { prefixes, complete: true, end: k };
}

/** A compiled rule pattern with the literals one of which every match contains (see `requiredLiterals`). */
export interface RuleRegex {
  readonly re: RegExp;
  /** `requiredLiterals` of the source: the match prefixes, or a rarer set found later in the pattern. */
  readonly prefixes: readonly string[] | null;
}

/**
 * Compile a rule pattern together with its required literals (`requiredLiterals`): a shipped one with
 * `compileRuleRegex` on V8, a user one on RE2 (`compilePattern`; no prefixes, so it is always tried).
 */
export function compileRule(source: string, origin: 'shipped' | 'user' = 'shipped'): RuleRegex {
  if (origin === 'user') return { re: compilePattern(source, 'gu', 'user'), prefixes: null };
  return { re: compileRuleRegex(source), prefixes: requiredLiterals(source) };
}

/**
 * Call `onMatch(start, end)` for each non-empty match of the global regex `re` in `text`, from
 * the start, until it returns true.
 */
export function eachMatch(re: RegExp, text: string, onMatch: (start: number, end: number) => unknown): void {
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    if (onMatch(m.index, m.index + m[0].length) === true) return;
  }
}

/**
 * One automaton over the match prefixes of a list of rules: `(text) → flags`, where `flags[i]`
 * is 1 when rule `i` may match `text` (a prefix of it occurs, or it has none) and 0 when it
 * cannot. One linear scan replaces a substring search per prefix per rule.
 */
export function prefixFilter(rules: readonly Pick<RuleRegex, 'prefixes'>[]): (text: string) => Uint8Array {
  const prefixes: string[] = [];
  const owners: number[][] = [];
  const always = new Uint8Array(rules.length);
  const index = new Map<string, number>();
  rules.forEach((rule, r) => {
    if (!rule.prefixes) {
      always[r] = 1;
      return;
    }
    for (const p of rule.prefixes) {
      let id = index.get(p);
      if (id === undefined) {
        id = prefixes.length;
        index.set(p, id);
        prefixes.push(p);
        owners.push([]);
      }
      owners[id]!.push(r);
    }
  });
  if (!prefixes.length) return () => always.slice();
  const automaton = new Automaton(prefixes);
  return (text) => {
    const flags = always.slice();
    const n = text.length;
    if (filterCodes.length < n) filterCodes = new Uint16Array(Math.max(n, 2 * filterCodes.length));
    for (let i = 0; i < n; i++) filterCodes[i] = text.charCodeAt(i);
    automaton.collect(filterCodes, n, filterHits);
    const { data, count } = filterHits;
    for (let k = 0; k < 3 * count; k += 3) for (const r of owners[data[k]!]!) flags[r] = 1;
    return flags;
  };
}

/**
 * The code units and hits of the filter scan in progress, reused (a scan is read out before the
 * next begins): `Automaton.scan` allocates a hit buffer per call, which cost more than the scan
 * of a chat message.
 */
let filterCodes = new Uint16Array(256);
const filterHits = new AutomatonHits();

/** One element of a pattern as `requiredLiterals` reads it. */
type Piece =
  /** a literal character (one code point, NFKC-stable), with its quantifier's least and most count */
  | { kind: 'literal'; text: string; min: number; max: number }
  /** a group (capturing or not) with its alternatives */
  | { kind: 'group'; alternatives: Piece[][]; min: number; max: number }
  /** zero-width: `\b`, `\B`, `^`, `$`, a lookaround */
  | { kind: 'empty' }
  /** anything else that takes characters: a class, `.`, an escape class (`\d`, `\p{L}`), … */
  | { kind: 'other'; min: number };

/** A pattern the reader cannot follow (the caller falls back to the match prefixes). */
class Unreadable extends Error {}

/** Reads a pattern into `Piece`s (the syntax `LinearRegexSource` and `RegexSource` accept). */
function readPieces(source: string): Piece[][] {
  let k = 0;
  const alternatives = (): Piece[][] => {
    const out: Piece[][] = [sequence()];
    while (source[k] === '|') {
      k++;
      out.push(sequence());
    }
    return out;
  };
  const quantifier = (): { min: number; max: number } => {
    const c = source[k];
    let q = { min: 1, max: 1 };
    if (c === '?') q = { min: 0, max: 1 };
    else if (c === '*') q = { min: 0, max: Infinity };
    else if (c === '+') q = { min: 1, max: Infinity };
    else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(k));
      if (!m) throw new Unreadable();
      k += m[0].length;
      if (source[k] === '?') k++;
      return { min: Number(m[1]), max: m[2] === undefined ? Number(m[1]) : m[3] ? Number(m[3]) : Infinity };
    } else return q;
    k++;
    if (source[k] === '?') k++; // lazy: the same counts
    return q;
  };
  const sequence = (): Piece[] => {
    const out: Piece[] = [];
    while (k < source.length && source[k] !== '|' && source[k] !== ')') {
      const c = source[k]!;
      if (c === '(') {
        if (isLookaround(source, k)) {
          const close = groupEnd(source, k);
          if (close < 0) throw new Unreadable();
          k = close + 1;
          quantifier();
          // a lookaround takes no characters, whatever its quantifier
          out.push({ kind: 'empty' });
          continue;
        }
        k++;
        if (source[k] === '?') {
          if (source[k + 1] === ':') k += 2;
          else if (source[k + 1] === '<' && /^<[A-Za-z_]\w*>/.test(source.slice(k + 1))) k += 1 + source.slice(k + 1).indexOf('>') + 1;
          else throw new Unreadable();
        }
        const inner = alternatives();
        if (source[k] !== ')') throw new Unreadable();
        k++;
        out.push({ kind: 'group', alternatives: inner, ...quantifier() });
      } else if (c === '[') {
        k++;
        if (source[k] === '^') k++;
        while (k < source.length && source[k] !== ']') k += source[k] === '\\' ? 2 : 1;
        if (k >= source.length) throw new Unreadable();
        k++;
        out.push({ kind: 'other', min: quantifier().min });
      } else if (c === '\\') {
        const next = source[k + 1] ?? '';
        if (next === 'b' || next === 'B') {
          k += 2;
          out.push({ kind: 'empty' });
          continue;
        }
        if (/[\^$\\.*+?()[\]{}|/-]/.test(next)) {
          k += 2;
          out.push({ kind: 'literal', text: next, ...quantifier() });
          continue;
        }
        // an escape that stands for a class or a character by its code: taken as unknown
        if (next === 'p' || next === 'P' || (next === 'u' && source[k + 2] === '{')) {
          const close = source.indexOf('}', k);
          if (close < 0) throw new Unreadable();
          k = close + 1;
        } else if (next === 'u') k += 6;
        else if (next === 'x') k += 4;
        else if (next === 'c') k += 3;
        else if (/[dDwWsSnrtfv0]/.test(next)) k += 2;
        else throw new Unreadable();
        out.push({ kind: 'other', min: quantifier().min });
      } else if (c === '^' || c === '$') {
        k++;
        out.push({ kind: 'empty' });
      } else if (c === '.') {
        k++;
        out.push({ kind: 'other', min: quantifier().min });
      } else if (c === '*' || c === '+' || c === '?' || c === '{' || c === ']' || c === '}') {
        throw new Unreadable();
      } else {
        const code = source.codePointAt(k)!;
        const text = String.fromCodePoint(code);
        k += text.length;
        const q = quantifier();
        // a character NFKC changes is searched in another form: unknown here
        if (text.normalize('NFKC') !== text) out.push({ kind: 'other', min: q.min });
        else out.push({ kind: 'literal', text, ...q });
      }
    }
    return out;
  };
  const read = alternatives();
  if (k !== source.length) throw new Unreadable();
  return read;
}

/** Stop widening a literal set beyond this many texts (as `matchPrefixes`). */
const MAX_LITERALS = 48;

/**
 * Every text one piece can match when it is literals only (through groups and optional parts),
 * or null: a group whose every alternative is literal, `x?`, `(?:a|b)?`.
 */
function literalTexts(piece: Piece): string[] | null {
  if (piece.kind === 'empty') return [''];
  if (piece.kind === 'other' || piece.max > 1) return null;
  let texts: string[];
  if (piece.kind === 'literal') texts = [piece.text];
  else {
    texts = [];
    for (const alternative of piece.alternatives) {
      let alt = [''];
      for (const p of alternative) {
        const own = literalTexts(p);
        if (!own || alt.length * own.length > MAX_LITERALS) return null;
        alt = alt.flatMap((a) => own.map((o) => a + o));
      }
      texts.push(...alt);
    }
  }
  if (piece.min === 0) texts = [...texts, ''];
  return texts.length > MAX_LITERALS ? null : [...new Set(texts)];
}

/** How rare a literal set is in text: its weakest literal's length (a letter beyond ASCII counts 2), capped, then fewer literals. */
function literalSetScore(set: readonly string[]): number {
  let weakest = Infinity;
  for (const s of set) {
    let w = 0;
    for (let i = 0; i < s.length; i++) w += s.charCodeAt(i) < 0x80 ? 1 : 2;
    weakest = Math.min(weakest, w);
  }
  return Math.min(weakest, 8) * 1000 - set.length;
}

/** The better of two literal sets (`a` on a tie), either null when unknown. */
function betterSet(a: string[] | null, b: string[] | null): string[] | null {
  if (!a) return b;
  if (!b) return a;
  return literalSetScore(b) > literalSetScore(a) ? b : a;
}

/** The best literal set one of which every match of the alternatives holds (null: none known). */
function requiredOfAlternatives(alternatives: Piece[][]): string[] | null {
  const union: string[] = [];
  for (const alternative of alternatives) {
    const best = requiredOfSequence(alternative);
    if (!best) return null;
    union.push(...best);
  }
  const out = [...new Set(union)];
  return out.length > MAX_LITERALS ? null : out;
}

/**
 * The best literal set one of which every match of a sequence holds: each run of pieces that must
 * match one after another and are literals only (`run`: every text the run so far can match;
 * zero-width pieces keep it going) is one candidate, and so is each group that must match once.
 */
function requiredOfSequence(pieces: readonly Piece[]): string[] | null {
  let best: string[] | null = null;
  let run = [''];
  const close = () => {
    if (run.every((t) => t)) best = betterSet(best, run);
    run = [''];
  };
  for (const piece of pieces) {
    if (piece.kind === 'empty') continue;
    const texts = literalTexts(piece);
    if (texts && run.length * texts.length <= MAX_LITERALS) {
      run = [...new Set(run.flatMap((r) => texts.map((t) => r + t)))];
      continue;
    }
    // the run so far ends here: what follows it is not literal (or too many texts)
    if (piece.kind === 'literal' && piece.min > 0) {
      // `x+`, `x{2,}`: one x ends this run and starts the next
      run = run.map((r) => r + piece.text);
      close();
      run = [piece.text];
      continue;
    }
    close();
    if (piece.kind === 'group' && piece.min > 0) best = betterSet(best, requiredOfAlternatives(piece.alternatives));
  }
  close();
  return best;
}

/**
 * Literal texts one of which every match of the pattern contains somewhere (not only at its
 * start), for a prefilter that searches a text for them anywhere (`prefixFilter`, the shared
 * prefix scans): the match prefixes (`matchPrefixes`) when nothing rarer is known, else the
 * rarest set of a run of literals that every match holds, or of a group every match passes
 * through — `(?:^|[.!?] |just |so )relax` → `relax` (no prefix at all), `(?:re-?read|read|check)
 * (?:my|our) (?:earlier|previous)` → the 12 texts `re-read my earlier`, `reread my earlier`, …
 * instead of `re`, `read`, `check` ("re" is in most English messages). Rarest by the length of a
 * set's shortest text (a character beyond ASCII counts two), then the fewer texts. Null when
 * none is known: the pattern always runs.
 *
 * @example
 * requiredLiterals('(?:^|[.!?] )relax\\b'); // ['relax']
 */
export function requiredLiterals(source: string): string[] | null {
  const prefixes = matchPrefixes(source);
  let read: Piece[][];
  try {
    read = readPieces(source);
  } catch (e) {
    if (e instanceof Unreadable) return prefixes;
    throw e;
  }
  const found = requiredOfAlternatives(read);
  const best = betterSet(prefixes, found);
  return best === prefixes ? prefixes : [...new Set(best!)];
}
