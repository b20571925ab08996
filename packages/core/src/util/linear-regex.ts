import { z } from 'zod';

/**
 * Why a regex source could backtrack catastrophically, or null when it passes the check:
 * no back-references, and no unbounded quantifier (`*`, `+`, `{n,}`) applied to a group — so the
 * star height is at most 1 and V8's backtracking stays polynomial of low degree on any input
 * (nested unbounded repetition such as `(a+)+$` is what makes a match exponential).
 *
 * @example
 * linearRegexProblem('\\bas i (?:said|told you)\\b'); // null
 * linearRegexProblem('(a+)+$'); // 'unbounded quantifier on a group at 4'
 */
export function linearRegexProblem(source: string): string | null {
  const groupStarts: number[] = [];
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
    else if (c === '(') groupStarts.push(i);
    else if (c === ')') {
      groupStarts.pop();
      const q = source[i + 1];
      if (q === '*' || q === '+') return `unbounded quantifier on a group at ${i + 1}`;
      if (q === '{' && /^\{\d+,\}/.test(source.slice(i + 1))) return `unbounded quantifier on a group at ${i + 1}`;
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

/**
 * Compile a rule pattern for the normalized view: flags `gu` (no `i`: the view is lower-case),
 * `\b` as a Unicode word boundary (JavaScript's `\b` knows only ASCII letters).
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
    out += c;
  }
  return new RegExp(out, 'gu');
}
