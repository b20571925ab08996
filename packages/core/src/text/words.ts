import { boundedCache } from '../util/bounded-cache.js';
import { segmentInPieces } from './segment.js';

/**
 * Word boundaries for scripts written without spaces (Chinese, Japanese, Thai): a lexicon term
 * found inside a longer word (妈的 in 妈妈的, ばか in ばかり, 有病 in 有病历) is not the term.
 * ICU's dictionary-based segmentation (`Intl.Segmenter`) decides; it is asked only for messages
 * where such a term was found.
 */

/** Locales may come from input: at most this many segmenters are kept. */
const segmenters = boundedCache<string, Intl.Segmenter>(64);
const segmenter = (locale: string) => {
  let s = segmenters.get(locale);
  if (!s) segmenters.set(locale, (s = new Intl.Segmenter(locale, { granularity: 'word' })));
  return s;
};

/** The last text's boundaries per locale (a message with many hits asks once per locale). */
let lastText: string | null = null;
const lastBounds = new Map<string, Set<number>>();

/**
 * Offsets of `text` where a word starts or ends, by `locale`'s segmentation rules (`zh`, `ja`, …).
 * The last text is remembered by identity (comparing a concatenated key cost the text's length
 * per hit: quadratic in a long message full of hits).
 *
 * @example
 * wordBounds('我妈妈的礼物', 'zh').has(2); // false: 妈妈 is one word
 */
export function wordBounds(text: string, locale: string): ReadonlySet<number> {
  if (text !== lastText) {
    lastText = text;
    lastBounds.clear();
  }
  const known = lastBounds.get(locale);
  if (known) return known;
  const bounds = new Set<number>([0, text.length]);
  segmentInPieces(segmenter(locale), text, (s, at) => {
    bounds.add(at);
    bounds.add(at + s.segment.length);
  });
  lastBounds.set(locale, bounds);
  return bounds;
}

const KANA = /[\u3040-\u30ff]/u;

/** Longest text whose edges are asked of ICU one by one; a longer one is segmented in pieces (`segmentInPieces`), whole. */
const EDGE_QUERY_MAX = 4096;
/** The last text's segmentation per locale, for edge queries (a message with several hits segments once). */
let edgeText: string | null = null;
const edgeSegments = new Map<string, Intl.Segments>();

/**
 * Is `at` a word boundary of `text` by `locale`'s rules: the same answer as
 * `wordBounds(text, locale).has(at)`. A text of at most 4,096 units (one piece) is asked at
 * that offset only (`Segments.containing`), several times cheaper than listing every word of
 * the message; a longer one goes through `wordBounds`.
 */
function isWordBoundary(text: string, at: number, locale: string): boolean {
  if (at === 0 || at === text.length) return true;
  if (at < 0 || at > text.length) return false;
  if (text.length > EDGE_QUERY_MAX) return wordBounds(text, locale).has(at);
  if (text !== edgeText) {
    edgeText = text;
    edgeSegments.clear();
  }
  let segments = edgeSegments.get(locale);
  if (!segments) edgeSegments.set(locale, (segments = segmenter(locale).segment(text)));
  return segments.containing(at)!.index === at;
}

/**
 * Does `text[start, end)` consist of whole words? The locale is `ja` when the span or its
 * neighbours hold kana, else `zh` (ICU's CJK dictionary covers both for ideographs).
 */
export function isWholeWords(text: string, start: number, end: number): boolean {
  const near = text.slice(Math.max(0, start - 8), Math.min(text.length, end + 8));
  const locale = KANA.test(near) ? 'ja' : 'zh';
  return isWordBoundary(text, start, locale) && isWordBoundary(text, end, locale);
}
