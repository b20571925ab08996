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
 * The segmentation of `text` (at most 4,096 units: one piece) to ask about single offsets,
 * kept for the last text and each locale (a message with several hits segments once).
 */
function segmentsOf(text: string, locale: string): Intl.Segments {
  if (text !== edgeText) {
    edgeText = text;
    edgeSegments.clear();
  }
  let segments = edgeSegments.get(locale);
  if (!segments) edgeSegments.set(locale, (segments = segmenter(locale).segment(text)));
  return segments;
}

/**
 * Does `text[start, end)` consist of whole words? The locale is `ja` when the span or its
 * neighbours hold kana, else `zh` (ICU's CJK dictionary covers both for ideographs). The same
 * answer as `wordBounds(text, locale)` holding both offsets; a text of at most 4,096 units (one
 * piece) is asked about the two offsets only (`Segments.containing`: the word holding `start`,
 * and the one holding `end` unless that word already ends there or beyond), several times
 * cheaper than listing every word of the message.
 */
export function isWholeWords(text: string, start: number, end: number): boolean {
  const near = text.slice(Math.max(0, start - 8), Math.min(text.length, end + 8));
  const locale = KANA.test(near) ? 'ja' : 'zh';
  const n = text.length;
  if (start < 0 || end < 0 || start > n || end > n) return false;
  if (n > EDGE_QUERY_MAX) {
    const bounds = wordBounds(text, locale);
    return bounds.has(start) && bounds.has(end);
  }
  const isBoundary = (at: number) => at === 0 || at === n || segmentsOf(text, locale).containing(at)!.index === at;
  if (start >= end) return isBoundary(start) && isBoundary(end);
  const first = segmentsOf(text, locale).containing(start)!;
  if (first.index !== start) return false;
  const firstEnd = start + first.segment.length;
  return firstEnd >= end ? firstEnd === end : isBoundary(end);
}
