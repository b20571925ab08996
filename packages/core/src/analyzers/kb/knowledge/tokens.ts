import { segmentInPieces } from '../../../text/segment.js';
import { boundedCache } from '../../../util/bounded-cache.js';

/** Languages may come from input: at most this many segmenters are kept. */
const segmenters = boundedCache<string, Intl.Segmenter>(64);
const CJK = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/u;

function segmenter(language: string): Intl.Segmenter {
  let s = segmenters.get(language);
  if (!s) {
    s = new Intl.Segmenter(language === 'und' ? undefined : language, { granularity: 'word' });
    segmenters.set(language, s);
  }
  return s;
}

/**
 * Lower-cased NFKC words of `text` (Intl.Segmenter, so Chinese and Japanese get words too). Long
 * texts are segmented in pieces cut after whitespace or sentence punctuation: iterating one
 * segmenter over a very long string grows quadratically in V8.
 */
export function kbWords(text: string, language = 'und'): string[] {
  const out: string[] = [];
  const seg = segmenter(language);
  const norm = text.normalize('NFKC').toLowerCase();
  segmentInPieces(
    seg,
    norm,
    (s) => {
      if (s.isWordLike) out.push(s.segment);
    },
    512,
  );
  return out;
}

/**
 * Retrieval terms of a text: words, word bigrams (`a_b`), and character 3-grams (`#abc`) of
 * CJK runs and of longer words, which make the index tolerant of typos and unsegmented CJK.
 */
export function kbTerms(text: string, language = 'und'): string[] {
  const words = kbWords(text, language);
  const out: string[] = [...words];
  for (let i = 0; i + 1 < words.length; i++) out.push(`${words[i]}_${words[i + 1]}`);
  for (const w of words) {
    if (!CJK.test(w) && w.length < 5) continue;
    const p = CJK.test(w) ? w : ` ${w} `;
    const chars = Array.from(p);
    for (let k = 0; k + 3 <= chars.length; k++) out.push(`#${chars.slice(k, k + 3).join('')}`);
    if (CJK.test(w)) for (const c of chars) out.push(`#${c}`);
  }
  return out;
}
