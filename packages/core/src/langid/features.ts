/** Character n-gram features shared by the language-ID trainer and the runtime model. */

export const MAX_NGRAM = 4;
/** Identification only looks at this many leading characters of a message. */
export const MAX_CHARS = 2000;

/**
 * Words every language's chat uses alike, which carry no evidence of the language: "ok" and
 * "okay" ("ok grazie", "ok merci", "okay perfetto"). In the training data they occur almost only
 * in the German tweets, so before they were dropped a bare "ok" pushed any short turn to German.
 */
const NEUTRAL_WORDS = /(?<=^| )(?:ok|okay)(?= |$)/gu;

/**
 * Lower-case, drop digits/punctuation/symbols and language-neutral chat words (NEUTRAL_WORDS),
 * collapse spaces, pad with one space each side.
 */
export function langidText(text: string): string {
  const t = text
    .slice(0, MAX_CHARS)
    .normalize('NFKC')
    .toLowerCase()
    .replace(/https?:\/\/\S+|www\.\S+|@\w+/gu, ' ')
    .replace(/[\p{P}\p{S}\p{N}\p{C}]+/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(NEUTRAL_WORDS, '')
    .replace(/ {2,}/gu, ' ')
    .trim();
  return t ? ` ${t} ` : '';
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
