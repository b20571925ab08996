import type { PiiCandidate } from './types.js';

/**
 * Whether a digit run is a whole token or part of a longer one: "SR-20260812-09", "v1.2.3",
 * "0.5309136012499991", "weibo.com/1434438281", "cuy160108579232880", "photo@2x". A number
 * inside a longer token is an identifier, a decimal or a path, never a phone or a card.
 * Han, kana and Hangul next to a number do not join it (those scripts have no spaces).
 */

const JOINING = /[A-Za-z0-9_@\\=&%$€£¥\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}]/u;
const ALNUM = /[A-Za-z0-9\p{Script=Latin}]/u;
/** Abbreviations that may stand right before a number with a dot: "Tel.0123 456789". */
const LABEL_BEFORE_DOT = /(?:^|[^\p{L}])(?:tel|t[ée]l|ph|mob|fax|no|nr|n[°º])$/iu;

/** True when the character(s) before `start` glue the number at `start` to a longer token. */
export function joinedBefore(text: string, start: number): boolean {
  if (start === 0) return false;
  const prev = text[start - 1]!;
  if (JOINING.test(prev)) return true;
  if (prev === '/') return start >= 2 && /[\p{L}]/u.test(text[start - 2]!); // a path ("weibo.com/1434438281"), not a list ("1624044/1823…")
  if ((prev === '-' || prev === '_' || prev === '.' || prev === ',') && start >= 2) {
    const prev2 = text[start - 2]!;
    if (prev === '.' && /\p{L}/u.test(prev2)) return !LABEL_BEFORE_DOT.test(text.slice(Math.max(0, start - 8), start - 1));
    // a decimal comma ("0,5309…") joins; a list comma after a long number ("13805484458,1864…") does not
    if (prev === ',') return /(?:^|[^\d])\d{1,3}$/.test(text.slice(Math.max(0, start - 5), start - 1));
    return ALNUM.test(prev2);
  }
  return false;
}

/** True when the character(s) after `end` glue the number ending there to a longer token. */
export function joinedAfter(text: string, end: number): boolean {
  if (end >= text.length) return false;
  const next = text[end]!;
  if (/[A-Za-z0-9_@%\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}]/u.test(next)) return true;
  if (next === '/' && end + 1 < text.length) return /[A-Za-z]/.test(text[end + 1]!);
  if ((next === '.' || next === '-') && end + 1 < text.length) return /\d/.test(text[end + 1]!);
  return false;
}

/**
 * A run with dots that reads as a decimal or a version rather than a dotted phone number
 * ("2010.2007", "1.2.12087", "10.8.0.645", "75.45-7.586"): dotted phones have at least three
 * groups of 2–4 digits separated by dots only.
 */
export function decimalOrVersion(run: string): boolean {
  if (!run.includes('.')) return false;
  const body = run.replace(/^\+/, '').replace(/\s*(?:x|ext\.?)\s*\d+$/i, '');
  if (/[\s-]/.test(body.replace(/^\(\d+\)\s*/, ''))) {
    // mixed separators with a dot: a phone only if every dotted group is 2–4 digits
    return (
      body
        .split(/[\s.()-]+/)
        .filter(Boolean)
        .some((g) => g.length < 2 || g.length > 4) || /\d\.\d+-/.test(body)
    );
  }
  const groups = body.split('.');
  return groups.length < 3 || groups.some((g) => !/^\d{2,4}$/.test(g));
}

/** ASCII digits (what `\d` matches) in `text`: the cheap count recognizers test before any regex or context check. */
export function asciiDigitCount(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) n++;
  }
  return n;
}

const ASCII_DIGIT = /[0-9]/g;

/**
 * `asciiDigitCount(text)` by a regex scan (one `test` per digit): the same count, for a whole
 * message, where digits are few and far between and the scan skips the rest in native code. On
 * the 12,000 messages of the 600 realistic chats it took 0.30× the time of the character loop
 * (same-process, medians of 15 passes); on the short digit runs `recognizePhones` counts it took
 * 3.1×, so those keep `asciiDigitCount`.
 */
export function asciiDigitCountOfMessage(text: string): number {
  ASCII_DIGIT.lastIndex = 0;
  let n = 0;
  while (ASCII_DIGIT.test(text)) n++;
  return n;
}

const NO_MATCHES: readonly RegExpExecArray[] = Object.freeze([]);

/**
 * The matches of `re` (global, `lastIndex` 0: a regex used only this way or through `matchAll`) in
 * `text`, those `text.matchAll(re)` yields, in order, collected before the caller reads any, so the
 * caller may use `re` again. `matchAll` copies the regex on every call (a species constructor):
 * ≈ 1 µs each, 2.6× the time of the exec loop over the eight street-address regexes on the 4,688
 * realistic messages with a digit (same-process, medians of 11 passes), and the recognizers run
 * such a loop per regex per message.
 */
export function execAll(re: RegExp, text: string): readonly RegExpExecArray[] {
  re.lastIndex = 0;
  let out: RegExpExecArray[] | undefined;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    (out ??= []).push(m);
    // as matchAll does: step past an empty match (a whole code point under the u flag)
    if (m[0].length === 0) re.lastIndex = advance(text, re.lastIndex, re.unicode);
  }
  return out ?? NO_MATCHES;
}

/** The index after `i` in `text`: past a surrogate pair when `unicode` (ECMAScript AdvanceStringIndex). */
function advance(text: string, i: number, unicode: boolean): number {
  if (!unicode || i + 1 >= text.length) return i + 1;
  const c = text.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? i + 2 : i + 1;
}

/** The candidates `f` makes of the matches of `re` (global) in `text`; null drops a match. */
export const each = (re: RegExp, text: string, f: (m: RegExpExecArray) => PiiCandidate | null): PiiCandidate[] => {
  const out: PiiCandidate[] = [];
  for (const m of execAll(re, text)) {
    const c = f(m);
    if (c) out.push(c);
  }
  return out;
};
