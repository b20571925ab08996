import { normalizeText } from '../normalize/text-view.js';

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
  if (/!{2,}/.test(text)) out.push('cue:!!');
  if (/\?{2,}/.test(text)) out.push('cue:??');
  if ((text.match(/\b[A-Z]{3,}\b/g) ?? []).length >= 2) out.push('cue:caps');
  return [...new Set(out)];
}
