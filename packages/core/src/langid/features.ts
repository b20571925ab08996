/** Character n-gram features shared by the language-ID trainer and the runtime model. */

export const MAX_NGRAM = 4;
/** Identification only looks at this many leading characters of a message. */
export const MAX_CHARS = 2000;

/**
 * Words every language's chat uses alike, which carry no evidence of the language: "ok" and
 * "okay" ("ok grazie", "ok merci", "okay perfetto"). In the training data they occur almost only
 * in the German tweets, so before they were dropped a bare "ok" pushed any short turn to German.
 */
export const NEUTRAL_WORDS: ReadonlySet<string> = new Set(['ok', 'okay']);

/**
 * Lower-case, drop digits/punctuation/symbols and language-neutral chat words (NEUTRAL_WORDS),
 * collapse spaces, pad with one space each side. Reads the first `maxChars` UTF-16 units
 * (default MAX_CHARS).
 */
export function langidText(text: string, maxChars = MAX_CHARS): string {
  const head = text.slice(0, maxChars);
  const t =
    asciiLetterRuns(head) ??
    head
      .normalize('NFKC')
      .toLowerCase()
      // links, e-mail addresses and @handles carry no language; an @ inside a Latin word is
      // obfuscation (c@ralho, sh@t) and only separates letters; after Chinese (回复@abc) it is a mention
      .replace(/https?:\/\/\S+|www\.\S+|[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+|(?<![\p{Script=Latin}\p{N}])@\w+/gu, ' ')
      .replace(/[\p{P}\p{S}\p{N}\p{C}]+/gu, ' ')
      .replace(/\s+/gu, ' ')
      .trim();
  const kept = t.includes('ok') ? withoutNeutralWords(t) : t;
  return kept ? ` ${kept} ` : '';
}

/**
 * The same result as the regular-expression path below, in one pass, for plain ASCII text without
 * a URL or handle (most English turns): ASCII letters lower-cased, every run of other characters
 * one space, trimmed. Null when the fast path does not apply.
 */
function asciiLetterRuns(text: string): string | null {
  let out = '';
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 0x20;
    if (c >= 0x80 || c === 0x40 /* @ */) return null;
    const letter = (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
    if (letter) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      out += (out ? ' ' : '') + text.slice(start, i);
      start = -1;
    }
  }
  if (out.includes('http') || out.includes('www')) return null;
  return out.toLowerCase();
}

function withoutNeutralWords(t: string): string {
  const words = t.split(' ');
  const kept = words.filter((w) => !NEUTRAL_WORDS.has(w));
  return kept.length === words.length ? t : kept.join(' ');
}

/** Call `visit` for every character 1..MAX_NGRAM-gram of the prepared text (not lone spaces). */
export function forEachNgram(prepared: string, visit: (gram: string) => void): void {
  const cps = Array.from(prepared);
  for (let i = 0; i < cps.length; i++) {
    let gram = '';
    for (let n = 0; n < MAX_NGRAM && i + n < cps.length; n++) {
      gram += cps[i + n];
      if (gram !== ' ') visit(gram);
    }
  }
}

/** Number of letters (code points other than the padding/word spaces) in a prepared text. */
export function countLetters(prepared: string): number {
  let n = 0;
  for (let i = 0; i < prepared.length; i++) {
    const c = prepared.charCodeAt(i);
    if (c === 0x20 || (c >= 0xdc00 && c <= 0xdfff)) continue;
    n++;
  }
  return n;
}

/** The code points of `text` in `into` (a new, larger array when it is too short), and how many there are. */
export function codePointsInto(text: string, into: Int32Array): { codes: Int32Array; length: number } {
  const codes = into.length < text.length ? new Int32Array(text.length * 2) : into;
  let length = 0;
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i)!;
    if (cp > 0xffff) i++;
    codes[length++] = cp;
  }
  return { codes, length };
}
