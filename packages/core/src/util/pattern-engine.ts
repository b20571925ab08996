import { RE2JS } from 're2js';
import { CxqaError } from '../errors.js';

/**
 * Two regex engines, chosen by where a pattern comes from:
 *
 * - **shipped** patterns (the data files in this package: conduct, courtesy, script, mood cues,
 *   policies) run on V8's RegExp; each passes `linearRegexProblem` where its schema asks for it,
 *   and the linear-time test feeds every one adversarial inputs of doubling size;
 * - **user** patterns (a brand's rule files, policy packs, a knowledge base's `mustMention`)
 *   run on RE2 (`re2js`): matching is linear in the text whatever the pattern, so `(a+)+$` in a
 *   config cannot stall a run. RE2 has no lookahead and no back-references (a user pattern with
 *   them is an error naming its field); lookbehind works; `\b` is ASCII (use `(?<!\p{L})` for a
 *   Unicode word start); `\p{Script=Han}` is read as `\p{Han}`.
 *
 * Data is shipped when it was marked by the loader that read it from this package
 * (`markShipped`); anything else — a parsed file, an object built in code — is user data.
 */

const shipped = new WeakSet<object>();

/** Mark data read from this package's own files (its patterns run on V8). Returns `data`. */
export function markShipped<T extends object>(data: T): T {
  shipped.add(data);
  return data;
}

/** Was `data` read from this package's files (see `markShipped`)? */
export function isShipped(data: object | null | undefined): boolean {
  return !!data && shipped.has(data);
}

let userParses = 0;

/**
 * Run a synchronous parse of user data: inside it, pattern fields (`RegexSource`,
 * `LinearRegexSource`) are checked against RE2's syntax, so a pattern RE2 cannot run is a
 * validation issue at its path.
 */
export function parsingUserData<T>(parse: () => T): T {
  userParses++;
  try {
    return parse();
  } finally {
    userParses--;
  }
}

/** Is a user-data parse running (see `parsingUserData`)? */
export function inUserParse(): boolean {
  return userParses > 0;
}

/** A trailing lookahead RE2 can emulate: `(?=…)` anything, `(?!…)` one class (`\p{L}`, `[…]`, `\w`). */
const TRAILING_LOOKAHEAD = /\(\?(=|!)((?:\\[pP]\{[^}]+\}|\\[wdsWDS]|\[(?:\\.|[^\]\\])+\])|[^()]*)\)$/u;

/** The class matching one character that `cls` does not (`\p{L}` → `\P{L}`, `[abc]` → `[^abc]`). */
function negateClass(cls: string): string | null {
  if (/^\\[pP]\{/.test(cls)) return (cls[1] === 'p' ? '\\P' : '\\p') + cls.slice(2);
  if (/^\\[wdsWDS]$/.test(cls)) return `\\${cls[1] === cls[1]!.toLowerCase() ? cls[1]!.toUpperCase() : cls[1]!.toLowerCase()}`;
  if (cls.startsWith('[^')) return `[${cls.slice(2)}`;
  if (cls.startsWith('[')) return `[^${cls.slice(1)}`;
  return null;
}

/**
 * The RE2 source for a JavaScript pattern: `\p{Script=Han}` (also `sc=`, `Script_Extensions=`)
 * read as `\p{Han}`; a trailing lookahead — how word ends are written (`(?!\p{L})`) — becomes a
 * last capture group `(…|$)` whose text is trimmed off each match (`tail`).
 */
function toRe2(source: string): { source: string; tail: boolean } {
  let out = source.replace(/\\([pP])\{(?:Script|sc|Script_Extensions|scx)=([A-Za-z_]+)\}/g, '\\$1{$2}');
  let tail = false;
  const look = TRAILING_LOOKAHEAD.exec(out);
  if (look && !out.endsWith('\\)')) {
    const body = look[1] === '=' ? look[2]! : negateClass(look[2]!);
    if (body !== null) {
      out = `(?:${out.slice(0, look.index)})(${look[1] === '=' ? body : `${body}|$`})`;
      tail = true;
    }
  }
  return { source: RE2JS.translateRegExp(out), tail };
}

function re2Flags(flags: string): number {
  let f = RE2JS.LOOKBEHINDS;
  if (flags.includes('i')) f |= RE2JS.CASE_INSENSITIVE;
  if (flags.includes('m')) f |= RE2JS.MULTILINE;
  if (flags.includes('s')) f |= RE2JS.DOTALL;
  return f;
}

/** Why RE2 cannot run `source` (a one-line reason), or null when it can. */
export function re2Problem(source: string, flags = 'iu'): string | null {
  try {
    RE2JS.compile(toRe2(source).source, re2Flags(flags));
    return null;
  } catch (e) {
    const message = (e instanceof Error ? e.message : String(e)).replace(/^error parsing regexp: /, '').replace(/`\(\?[imsU]+\)/g, '`');
    const hint = /\(\?[=!]/.test(source)
      ? ' (lookahead is not available in user patterns — they run on RE2, a linear-time engine — except at the very end, as (?=…) or (?!one class))'
      : /\\[1-9]|\\k</.test(source)
        ? ' (back-references are not available in user patterns: they run on RE2, a linear-time engine)'
        : '';
    return `${message}${hint}`;
  }
}

/**
 * A RegExp-compatible object over RE2 for the methods the engine uses — `exec` (honouring
 * `lastIndex` with `g`), `test`, `String.prototype.matchAll` — with UTF-16 offsets as RegExp's.
 */
class Re2RegExp {
  readonly source: string;
  readonly flags: string;
  readonly global: boolean;
  lastIndex = 0;
  readonly #re: RE2JS;
  /** The last capture group is an emulated trailing lookahead: trimmed off each match. */
  readonly #tail: boolean;

  constructor(source: string, flags: string) {
    if (flags.includes('y')) throw new Error('the sticky flag is not supported on user patterns');
    this.source = source;
    this.flags = flags;
    this.global = flags.includes('g');
    const re2 = toRe2(source);
    this.#re = RE2JS.compile(re2.source, re2Flags(flags));
    this.#tail = re2.tail;
  }

  exec(text: string): RegExpExecArray | null {
    const from = this.global ? this.lastIndex : 0;
    if (from > text.length) {
      this.lastIndex = 0;
      return null;
    }
    const m = this.#re.matcher(text);
    if (!m.find(from)) {
      if (this.global) this.lastIndex = 0;
      return null;
    }
    const count = m.groupCount() - (this.#tail ? 1 : 0);
    const start = m.start();
    const end = this.#tail ? m.end() - (m.group(count + 1)?.length ?? 0) : m.end();
    const groups: (string | undefined)[] = [text.slice(start, end)];
    for (let g = 1; g <= count; g++) groups.push(m.group(g) ?? undefined);
    const out = groups as unknown as RegExpExecArray;
    out.index = start;
    out.input = text;
    if (this.global) this.lastIndex = end;
    return out;
  }

  test(text: string): boolean {
    if (!this.global) return this.#re.test(text);
    return this.exec(text) !== null;
  }

  *[Symbol.matchAll](text: string): IterableIterator<RegExpExecArray> {
    const copy = new Re2RegExp(this.source, this.flags.includes('g') ? this.flags : `${this.flags}g`);
    for (let m = copy.exec(text); m; m = copy.exec(text)) {
      // past an empty match by one code point, as RegExp does with the u flag
      if (m[0].length === 0) copy.lastIndex += (text.codePointAt(copy.lastIndex) ?? 0) > 0xffff ? 2 : 1;
      yield m;
    }
  }

  toString(): string {
    return `/${this.source}/${this.flags}`;
  }
}

/**
 * Compile a pattern on the engine its origin calls for (see the module comment). The result is
 * used as a RegExp (`exec`, `test`, `lastIndex`, `matchAll`). Throws CxqaError `invalid_config`
 * naming `where` (e.g. `policy pack acme, rule no_competitors`) when the engine cannot compile it.
 */
export function compilePattern(source: string, flags: string, origin: 'shipped' | 'user', where = 'pattern'): RegExp {
  try {
    return origin === 'shipped' ? new RegExp(source, flags) : (new Re2RegExp(source, flags) as unknown as RegExp);
  } catch (e) {
    const why = origin === 'user' ? re2Problem(source, flags) : (e as Error).message;
    throw new CxqaError('invalid_config', `${where}: invalid regex /${source}/: ${why}`, { path: [where] });
  }
}
