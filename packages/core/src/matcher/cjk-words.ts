import { isWholeWords } from '../text/words.js';

/**
 * The word-boundary check of a Chinese hit (issue 10: 妈的 inside 妈妈的, 病历 inside 有病历
 * are not the term) at the cost of its run of ideographs: ICU's dictionary segmentation of a
 * run of Han characters does not depend on what lies beyond the run when the run is bounded by
 * the text's edges or by a "hard" character, one that ICU always separates from an ideograph
 * (ASCII but `_`, CJK and full-width punctuation, general punctuation but the bidi and format
 * controls, `·`: checked against ICU for every such character in `cjk-words.test.ts`). So a hit
 * that is a whole run needs no segmentation at all, and the others only that of their run alone
 * (shared by every hit in the run). Anything else — an edge that is not a Han ideograph, a run
 * ending at a kana, a letter with a mark, an emoji, a long text — goes to `isWholeWords`, which
 * segments the message.
 */

/** A Han ideograph of the BMP's unified blocks (Extension A and the main block). */
const isHan = (c: number): boolean => (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf);

/**
 * A code unit ICU's word segmentation always separates from a neighbouring ideograph, and that
 * never joins a dictionary run: ASCII but the connector `_`, `·`, general punctuation
 * (U+2010–2027, U+2030–203E: not the line separators and bidi controls between), CJK symbols
 * and punctuation but the iteration marks, Han numerals and kana marks (U+3000–3004,
 * U+3008–3020), and the full- and half-width forms U+FF01–FF64 but the full-width low line.
 */
export function isHardBreak(c: number): boolean {
  if (c < 0x80) return c !== 0x5f;
  if (c < 0x2010) return c === 0xb7;
  if (c < 0x3000) return c <= 0x2027 || (c >= 0x2030 && c <= 0x203e);
  if (c < 0xff01) return c <= 0x3004 || (c >= 0x3008 && c <= 0x3020);
  return c <= 0xff64 && c !== 0xff3f;
}

/** Texts longer than this go to `isWholeWords` (which segments them in pieces), and so do longer runs. */
const MAX_TEXT = 4096;
const MAX_RUN = 256;

const segmenters: Record<'zh' | 'ja', Intl.Segmenter | undefined> = { zh: undefined, ja: undefined };
const segmenter = (locale: 'zh' | 'ja'): Intl.Segmenter => (segmenters[locale] ??= new Intl.Segmenter(locale, { granularity: 'word' }));

/**
 * The last text's segmented runs: each hit of a message, and of every lexicon that scans it,
 * that lies in the same run asks the same `Intl.Segments` (each costs a clone of ICU's iterator,
 * freed by the garbage collector at a cost that grows with the heap).
 */
let runsOf: string | null = null;
const runs: { from: number; to: number; locale: 'zh' | 'ja'; segments: Intl.Segments }[] = [];

/**
 * ICU's segmentation of the run `text[from, to)` alone. Not of the message: ICU answers the first
 * question about an offset by walking its text from the start, dictionary segmentation included,
 * so a run later in the message would cost every run before it too.
 */
function segmentsOfRun(text: string, from: number, to: number, locale: 'zh' | 'ja'): Intl.Segments {
  if (text !== runsOf) {
    runsOf = text;
    runs.length = 0;
  }
  for (const r of runs) if (r.from === from && r.to === to && r.locale === locale) return r.segments;
  const segments = segmenter(locale).segment(text.slice(from, to));
  if (runs.length < 16) runs.push({ from, to, locale, segments });
  return segments;
}

/**
 * `isWholeWords(text, start, end)` — does `text[start, end)` begin and end at word boundaries of
 * ICU's segmentation (`ja` when kana lies within 8 units of the span, else `zh`)? — asking ICU
 * about the span's run of ideographs alone, and nothing when the span is the whole run. The same answer for every input (`cjk-words.test.ts`
 * compares the two on random mixed text).
 *
 * @example
 * isWholeWordsInRun('这是送给我妈妈的生日礼物', 6, 8); // false: 妈妈 is one word
 * isWholeWordsInRun('你妈的，什么玩意', 1, 3); // true
 */
export function isWholeWordsInRun(text: string, start: number, end: number): boolean {
  const n = text.length;
  if (start < 0 || end > n || start >= end || n > MAX_TEXT || !isHan(text.charCodeAt(start)) || !isHan(text.charCodeAt(end - 1)))
    return isWholeWords(text, start, end);
  let from = start;
  while (from > 0 && isHan(text.charCodeAt(from - 1))) from--;
  let to = end;
  while (to < n && isHan(text.charCodeAt(to))) to++;
  if ((from > 0 && !isHardBreak(text.charCodeAt(from - 1))) || (to < n && !isHardBreak(text.charCodeAt(to))) || to - from > MAX_RUN)
    return isWholeWords(text, start, end);
  // the edges of the run are boundaries whatever the dictionary says
  if (from === start && to === end) return true;
  const segments = segmentsOfRun(text, from, to, nearKana(text, start, end) ? 'ja' : 'zh');
  const e = end - from;
  if (start !== from) {
    const s = start - from;
    const first = segments.containing(s)!;
    if (first.index !== s) return false;
    const firstEnd = s + first.segment.length;
    if (firstEnd >= e) return firstEnd === e;
  }
  return end === to || segments.containing(e)!.index === e;
}

/** Is there kana (U+3040–30FF) within 8 code units of `text[start, end)`? (`isWholeWords`' choice of locale.) */
function nearKana(text: string, start: number, end: number): boolean {
  const stop = Math.min(text.length, end + 8);
  for (let i = Math.max(0, start - 8); i < stop; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x3040 && c <= 0x30ff) return true;
  }
  return false;
}
