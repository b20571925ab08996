/**
 * A cheap necessary test for a shipped policy pattern: the pattern with its leading context
 * dropped. Patterns such as `(?<![\p{L}\p{N}])[a-z0-9][a-z0-9._-]{1,40}\s*(?:\(\s*at\s*\)|…)…`
 * start with a word boundary and a greedy run of letters that V8 tries (and backtracks over) at
 * every word of every message, and find nothing on almost all of them; the part from the first
 * literal or group on (`(?:\(\s*at\s*\)|…)…`) is found in a fraction of the time.
 *
 * Why it is exact: a pattern with no top-level `|` is a sequence of elements, and a match of the
 * whole sequence at [s, e) holds a match of any tail of it at [p, e), where p is where that tail's
 * first element began: the tail's elements take the same path (lookarounds read the same text,
 * and a tail cannot refer back to a group it dropped — a pattern with back-references gets no
 * prefilter). So a text the tail does not match cannot match the pattern, and skipping it changes
 * nothing. On the 20,000 messages of the 1,000 realistic chats (bench/realistic.ts), five of the
 * ten shipped patterns get a tail, tail then pattern take 15–65 % of the time of the pattern alone,
 * and the ten together go from 115 to 57 ms per pass (same-process, medians of 9 passes).
 */

interface Element {
  start: number;
  /** A lookaround or an anchor (consumes nothing), a character class, a literal character, a group. */
  kind: 'look' | 'class' | 'literal' | 'group';
  /** The least number of times it occurs in a match (0 for `?`, `*`, `{0,n}`). */
  min: number;
}

/** Index past the `]` of the class starting at `i` (a `[`), or -1. */
function classEnd(source: string, i: number): number {
  for (let j = i + 1; j < source.length; j++) {
    const c = source[j];
    if (c === '\\') j++;
    else if (c === ']') return j + 1;
  }
  return -1;
}

/** Index past the `)` of the group starting at `i` (a `(`), or -1. */
function groupEnd(source: string, i: number): number {
  let depth = 0;
  for (let j = i; j < source.length; j++) {
    const c = source[j];
    if (c === '\\') j++;
    else if (c === '[') {
      const end = classEnd(source, j);
      if (end < 0) return -1;
      j = end - 1;
    } else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return j + 1;
  }
  return -1;
}

/** The top-level elements of `source`, or null when it has a top-level `|`, a back-reference or syntax this reader does not know. */
function elements(source: string): Element[] | null {
  if (/\\[1-9]|\\k</.test(source)) return null;
  const out: Element[] = [];
  let i = 0;
  while (i < source.length) {
    const start = i;
    const c = source[i]!;
    let kind: Element['kind'];
    if (c === '|' || c === ')' || c === ']' || c === '{' || c === '}' || c === '*' || c === '+' || c === '?') return null;
    if (c === '(') {
      const end = groupEnd(source, i);
      if (end < 0) return null;
      kind = /^\(\?(?:=|!|<=|<!)/.test(source.slice(i, i + 4)) ? 'look' : 'group';
      i = end;
    } else if (c === '[') {
      const end = classEnd(source, i);
      if (end < 0) return null;
      kind = 'class';
      i = end;
    } else if (c === '\\') {
      const e = source[i + 1];
      if (e === undefined) return null;
      if ('dDwWsS'.includes(e)) {
        kind = 'class';
        i += 2;
      } else if (e === 'p' || e === 'P') {
        const close = source.indexOf('}', i);
        if (source[i + 2] !== '{' || close < 0) return null;
        kind = 'class';
        i = close + 1;
      } else if (e === 'b' || e === 'B') {
        kind = 'look';
        i += 2;
      } else if (/[A-Za-z0-9]/.test(e) && !'nrtfv0'.includes(e)) {
        return null; // \u, \x, \c and others: not needed by the shipped patterns
      } else {
        kind = 'literal';
        i += 2;
      }
    } else if (c === '^' || c === '$') {
      kind = 'look';
      i++;
    } else if (c === '.') {
      kind = 'class';
      i++;
    } else {
      kind = 'literal';
      i += (source.codePointAt(i) ?? 0) > 0xffff ? 2 : 1;
    }
    let min = 1;
    const q = source[i];
    if (q === '*' || q === '?') {
      min = 0;
      i++;
    } else if (q === '+') i++;
    else if (q === '{') {
      const m = /^\{(\d+)(?:,\d*)?\}/.exec(source.slice(i));
      if (!m) return null;
      min = Number(m[1]);
      i += m[0].length;
    }
    if (min !== 1 || q === '+') {
      if (kind === 'look') return null;
      if (source[i] === '?') i++; // lazy
    }
    out.push({ start, kind, min });
  }
  return out;
}

/** Is the literal character written at `i` (maybe escaped) one without upper and lower case? */
function caselessAt(source: string, i: number): boolean {
  const ch = String.fromCodePoint(source.codePointAt(source[i] === '\\' ? i + 1 : i)!);
  return ch.toLowerCase() === ch && ch.toUpperCase() === ch;
}

/**
 * The prefilter of a pattern compiled with `flags` (see the module comment): the tail of
 * `source` from its first literal or group that must occur, when what it drops before it
 * consumes text (a tail that drops only a lookbehind costs as much as the pattern); else null.
 */
export function patternPrefilter(source: string, flags: string): RegExp | null {
  if (flags.includes('v') || flags.includes('y')) return null;
  const parts = elements(source);
  if (!parts) return null;
  let from = parts.findIndex((p) => (p.kind === 'literal' || p.kind === 'group') && p.min >= 1);
  if (from <= 0 || parts.slice(0, from).every((p) => p.kind === 'look')) return null;
  // a tail that starts with a character without case ("/", "@", a digit, Han) is found by a plain character search
  const caseless = parts.findIndex((p, k) => k >= from && p.kind === 'literal' && p.min >= 1 && caselessAt(source, p.start));
  if (caseless > 0) from = caseless;
  try {
    return new RegExp(source.slice(parts[from]!.start), flags.replace(/[gd]/g, ''));
  } catch {
    return null;
  }
}
