import { normalizeText } from '../../../pipeline/normalize/text-view.js';
import { add, addCode, begin, type FeatureHash, prefixState, resume } from './feature-hash.js';

const NEGATORS = new Set([
  'not',
  'no',
  'never',
  "don't",
  "doesn't",
  "didn't",
  "isn't",
  "wasn't",
  "aren't",
  "won't",
  "can't",
  'cannot',
  'nothing',
  'nobody',
  'hardly',
  'nicht',
  'kein',
  'keine',
  'keinen',
  'nie',
  'niemals',
  'nichts',
  'ne',
  'pas',
  'jamais',
  'rien',
  'nunca',
  'nada',
  'não',
  'nem',
]);
const CJK = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/u;
const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}'’]*/gu;

/**
 * Sparse binary features of one text for the polarity models: CJK character 1–3-grams; words,
 * word bigrams, character 4-grams inside words and negation-scoped words (`n:good`) for
 * alphabetic scripts; support-chat cues (!!!, ???, shouting in capitals). Each feature once.
 * Pass `normalized` when the text's normalized view already exists (the pipeline has one).
 */
export function sentimentFeatures(text: string, normalized?: string): string[] {
  return [...new Set(sentimentFeatureList(text, normalized))];
}

/** `sentimentFeatures` before deduplication: a feature may repeat (the models count it once). */
export function sentimentFeatureList(text: string, normalized?: string): string[] {
  const norm = normalized ?? normalizeText(text).normalized;
  const out: string[] = [];
  if (CJK.test(norm)) {
    const chars = Array.from(norm.replace(/\s+/g, ''));
    for (let i = 0; i < chars.length; i++) {
      out.push(`c:${chars[i]}`);
      if (i + 1 < chars.length) out.push(`c:${chars[i]}${chars[i + 1]}`);
      if (i + 2 < chars.length) out.push(`c:${chars[i]}${chars[i + 1]}${chars[i + 2]}`);
    }
  }
  const words = norm.match(WORD) ?? [];
  let negated = 0;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!.replace(/’/g, "'");
    out.push(negated > 0 ? `n:${w}` : `w:${w}`);
    if (!CJK.test(w)) {
      const p = ` ${w} `;
      for (let k = 0; k + 4 <= p.length; k++) out.push(`g:${p.slice(k, k + 4)}`);
    }
    if (i + 1 < words.length) out.push(`b:${w} ${words[i + 1]}`);
    if (NEGATORS.has(w)) negated = 3;
    else if (negated > 0) negated--;
  }
  out.push(...cuesOf(text));
  return out;
}

/** Support-chat cues of the raw text: `cue:!!`, `cue:??`, `cue:caps` (two or more words in capitals). */
function cuesOf(text: string): string[] {
  const out: string[] = [];
  if (text.includes('!!')) out.push('cue:!!');
  if (text.includes('??')) out.push('cue:??');
  if ((text.match(/\b[A-Z]{3,}\b/g) ?? []).length >= 2) out.push('cue:caps');
  return out;
}

/**
 * `sentimentFeatureList` hashed (see feature-hash.ts): the same features in the same order, each
 * reported to `visit` once its hash in `h` is complete, without building a string.
 */
export function eachSentimentFeatureHash(text: string, normalized: string | undefined, h: FeatureHash, visit: () => void): void {
  const norm = normalized ?? normalizeText(text).normalized;
  // no word of a text without CJK characters holds one: the per-word test is skipped
  const cjk = CJK.test(norm);
  if (cjk) {
    // the code points of the text without spaces (as Array.from splits it: a lone surrogate is
    // one), each n-gram hashed as the code units it spans: no string per character
    const chars = norm.replace(/\s+/g, '');
    const at = codePointStarts(chars);
    const n = at.length - 1;
    for (let i = 0; i < n; i++) {
      resume(h, C);
      add(h, chars, at[i]!, at[i + 1]!);
      visit();
      if (i + 1 < n) {
        resume(h, C);
        add(h, chars, at[i]!, at[i + 2]!);
        visit();
      }
      if (i + 2 < n) {
        resume(h, C);
        add(h, chars, at[i]!, at[i + 3]!);
        visit();
      }
    }
  }
  const words = norm.match(WORD) ?? [];
  let negated = 0;
  for (let i = 0; i < words.length; i++) {
    const w = straightApostrophes(words[i]!);
    resume(h, negated > 0 ? N : W);
    add(h, w, 0, w.length);
    visit();
    if (!cjk || !CJK.test(w)) {
      // the 4-grams of ` ${w} `: position k of that string is a space at 0 and at w.length + 1
      const last = w.length + 1;
      for (let k = 0; k + 4 <= last + 1; k++) {
        resume(h, G);
        for (let j = k; j < k + 4; j++) addCode(h, j === 0 || j === last ? 32 : w.charCodeAt(j - 1));
        visit();
      }
    }
    if (i + 1 < words.length) {
      resume(h, B);
      add(h, w, 0, w.length);
      addCode(h, 32);
      add(h, words[i + 1]!, 0, words[i + 1]!.length);
      visit();
    }
    if (NEGATORS.has(w)) negated = 3;
    else if (negated > 0) negated--;
  }
  for (const cue of cuesOf(text)) {
    begin(h, cue);
    visit();
  }
}

/** The hash states after each feature prefix (see `prefixState`). */
const C = prefixState('c:');
const W = prefixState('w:');
const N = prefixState('n:');
const G = prefixState('g:');
const B = prefixState('b:');

/** Where each code point of `s` starts, then `s.length` (a lone surrogate is a code point of its own, as in `Array.from`). */
function codePointStarts(s: string): number[] {
  const at: number[] = [];
  for (let k = 0; k < s.length; ) {
    at.push(k);
    const c = s.charCodeAt(k);
    k += c >= 0xd800 && c <= 0xdbff && k + 1 < s.length && (s.charCodeAt(k + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
  }
  at.push(s.length);
  return at;
}

/** `word` with ’ written ' (the normalized view has folded most already: no regex runs then). */
function straightApostrophes(word: string): string {
  return word.includes('’') ? word.replace(/’/g, "'") : word;
}
