import { z } from 'zod';

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
export const LinearRegexSource = z.string().min(1).superRefine((source, ctx) => {
  const problem = linearRegexProblem(source);
  if (problem) {
    ctx.addIssue({ code: 'custom', message: `pattern could backtrack catastrophically (${problem}); rewrite it without nested repetition` });
    return;
  }
  try {
    compileRuleRegex(source);
  } catch (e) {
    ctx.addIssue({ code: 'custom', message: `invalid regex: ${(e as Error).message}` });
  }
});

const WORD = '[\\p{L}\\p{N}\\p{M}]';
const BOUNDARY = `(?:(?<=${WORD})(?!${WORD})|(?<!${WORD})(?=${WORD}))`;

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
 * literals in their NFKC form like the view.
 */
export function compileRuleRegex(source: string): RegExp {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') {
      const next = source[i + 1] ?? '';
      out += !inClass && next === 'b' ? BOUNDARY : c + next;
      i++;
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === ']') inClass = false;
    out += c.charCodeAt(0) > 0x7f ? normalizeLiteral(c) : c;
  }
  return new RegExp(out, 'gu');
}
