import { codePointsInto, countLetters, langidText, NEUTRAL_WORDS } from './features.js';
import { countScripts, type ScriptCounts } from './script.js';

/**
 * One pass over the first `maxChars` UTF-16 units of a message that gives what language ID reads:
 * the script counts (`countScripts` of that prefix) and the n-gram text (`langidText(text,
 * maxChars)`) as code points, with no intermediate string. The fast path covers text made of
 * units below U+0250 (ASCII, Latin-1, Latin Extended-A/B: English, Spanish, French, German …);
 * any other text, or one that might hold a link, e-mail or @handle, goes through `langidText`
 * itself, so the codes are always exactly those of `langidText`.
 */

/** Letters below this (Basic Latin to Latin Extended-B) are the only letters the fast path keeps. */
const LETTER_LIMIT = 0x250;
const UNKNOWN = -2;
/**
 * Class of each UTF-16 unit, computed on first sight: −1 needs the full path; 0 a separator (its
 * NFKC form is only punctuation, symbols, digits, controls or spaces, none of them `@`, and it
 * counts for no script); else the lower-cased letter (a letter below LETTER_LIMIT that NFKC leaves
 * alone and whose lower case is one unit).
 */
const UNIT_CLASS = new Int32Array(0x10000).fill(UNKNOWN);
/** The same for astral code points (emoji), by code point. */
const ASTRAL_CLASS = new Map<number, number>();
/** Latin letters below LETTER_LIMIT, as `countScripts` counts them. */
const LATIN = new Uint8Array(LETTER_LIMIT);
for (let c = 0; c < LETTER_LIMIT; c++) LATIN[c] = countScripts(String.fromCharCode(c)).latin;

const SEPARATORS = /^[\p{P}\p{S}\p{N}\p{C}\s]+$/u;

function classOf(s: string, code: number): number {
  const nfkc = s.normalize('NFKC');
  const lower = nfkc.toLowerCase();
  if (code < LETTER_LIMIT && nfkc === s && lower.length === 1 && /^\p{L}$/u.test(s)) return lower.charCodeAt(0);
  if (lower.includes('@') || !SEPARATORS.test(lower)) return -1;
  const counts = countScripts(s);
  for (const k in counts) if (counts[k as keyof ScriptCounts]) return -1;
  return 0;
}

function unitClass(c: number): number {
  let cls = UNIT_CLASS[c]!;
  if (cls === UNKNOWN) UNIT_CLASS[c] = cls = c >= 0xd800 && c <= 0xdfff ? -1 : classOf(String.fromCharCode(c), c);
  return cls;
}

function astralClass(cp: number): number {
  let cls = ASTRAL_CLASS.get(cp);
  if (cls === undefined) ASTRAL_CLASS.set(cp, (cls = classOf(String.fromCodePoint(cp), cp)));
  return cls;
}

/** A scan's result: the fast path's is one shared object (see `fastScan`), so read it before the next scan. */
export interface PrefixScan {
  counts: ScriptCounts;
  /** Code points of `langidText(text, maxChars)`, padding spaces included (a shared buffer: read before the next scan). */
  codes: Int32Array;
  length: number;
  /** `countLetters` of that text: its code points other than spaces. */
  letters: number;
}

let buffer: Int32Array = new Int32Array(512);
/** NEUTRAL_WORDS as code points, the words `langidText` drops. */
const NEUTRAL_CODES: readonly (readonly number[])[] = [...NEUTRAL_WORDS].map((w) => Array.from(w, (c) => c.codePointAt(0)!));

/**
 * Scan the first `maxChars` units of `text`. Only Latin text needs the codes (the n-gram model
 * reads nothing else), so `wantCodes(counts)` is asked after counting and the codes are made
 * only when it says yes (`length` 0 otherwise).
 */
export function scanPrefix(text: string, maxChars: number, wantCodes: (counts: ScriptCounts) => boolean): PrefixScan {
  const end = Math.min(text.length, maxChars);
  if (buffer.length < end + 2) buffer = new Int32Array(end * 2 + 2);
  const out = buffer;
  out[0] = 0x20; // the leading space
  let length = 1;
  let wordStart = -1; // index in out of the current word's first letter
  let latin = 0;
  let kept = 0; // words kept, each followed by one space in `out`
  let fast = true;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    let cls = UNIT_CLASS[c]!;
    if (cls === UNKNOWN) cls = unitClass(c);
    if (cls < 0 && c >= 0xd800 && c <= 0xdbff && i + 1 < end) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff && astralClass(((c - 0xd800) << 10) + (low - 0xdc00) + 0x10000) === 0) {
        cls = 0;
        i++;
      }
    }
    if (cls < 0) {
      fast = false;
      break;
    }
    if (cls > 0) {
      latin += LATIN[c]!;
      if (wordStart < 0) wordStart = length;
      out[length++] = cls;
    } else if (wordStart >= 0) {
      length = endWord(out, wordStart, length);
      if (length !== wordStart) kept++;
      wordStart = -1;
    }
  }
  if (!fast) return slowScan(text, maxChars, wantCodes);
  if (wordStart >= 0) {
    length = endWord(out, wordStart, length);
    if (length !== wordStart) kept++;
  }
  // a link's letters ("http", "www") need the regular-expression path, which removes the link
  if (length > 1 && holdsLink(out, length)) return slowScan(text, maxChars, wantCodes);
  const scan = fastScan;
  scan.counts.latin = latin;
  scan.codes = out;
  // every code after the leading space is a letter but the space after each kept word
  scan.length = length === 1 ? 0 : length;
  scan.letters = length === 1 ? 0 : length - 1 - kept;
  return scan;
}

/**
 * What the fast path returns, one object for every scan (its counts but `latin` stay 0): no
 * allocation per message. Like `codes`, read it before the next scan. The fast path never asks
 * `wantCodes`, so a caller that was not asked knows the text's only letters are Latin ones.
 */
const fastScan: PrefixScan = {
  counts: { latin: 0, han: 0, kana: 0, hangul: 0, cyrillic: 0, arabic: 0, hebrew: 0, greek: 0, thai: 0, devanagari: 0 },
  codes: buffer,
  length: 0,
  letters: 0,
};

/** `NEUTRAL_LENGTH[n]` is 1 when some neutral word has n letters: most words are compared with none. */
const NEUTRAL_LENGTH = new Uint8Array(Math.max(0, ...NEUTRAL_CODES.map((w) => w.length)) + 1);
for (const word of NEUTRAL_CODES) NEUTRAL_LENGTH[word.length] = 1;

/** Close a word that ends at `length`: drop it when it is a neutral chat word, else add the space after it. */
function endWord(out: Int32Array, start: number, length: number): number {
  const n = length - start;
  if (n < NEUTRAL_LENGTH.length && NEUTRAL_LENGTH[n] === 1) for (const word of NEUTRAL_CODES) if (n === word.length && same(out, start, word)) return start;
  out[length] = 0x20;
  return length + 1;
}

function same(out: Int32Array, start: number, word: readonly number[]): boolean {
  for (let k = 0; k < word.length; k++) if (out[start + k] !== word[k]) return false;
  return true;
}

/** Does `out[0, length)` hold "http" or "www" (a link's letters)? One pass. */
function holdsLink(out: Int32Array, length: number): boolean {
  for (let k = 0; k + 2 < length; k++) {
    const c = out[k]!;
    if (c === 0x68) {
      if (k + 3 < length && out[k + 1] === 0x74 && out[k + 2] === 0x74 && out[k + 3] === 0x70) return true;
    } else if (c === 0x77 && out[k + 1] === 0x77 && out[k + 2] === 0x77) return true;
  }
  return false;
}

function slowScan(text: string, maxChars: number, wantCodes: (counts: ScriptCounts) => boolean): PrefixScan {
  const counts = countScripts(text.slice(0, maxChars));
  if (!wantCodes(counts)) return { counts, codes: buffer, length: 0, letters: 0 };
  const prepared = langidText(text, maxChars);
  const { codes, length } = codePointsInto(prepared, buffer);
  buffer = codes;
  return { counts, codes, length, letters: countLetters(prepared) };
}
