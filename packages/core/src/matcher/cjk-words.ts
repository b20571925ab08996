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

/** Joins the runs one segmentation is asked about: a hard character (a line feed), so each run is segmented as alone. */
const JOIN = '\n';

/**
 * The last segmentation asked of ICU: of which text, in which locale, which runs (`[from, to)`
 * pairs in text order) joined by `JOIN`, and where each run starts in the joined string. Every
 * `Intl.Segments` costs a clone of ICU's iterator and two weakly held native handles that make
 * each young-generation collection slower (in a long scan, collections ten times as slow), so a
 * message gets one for all the runs its hits need, and a matcher scanning the same message after
 * another reuses it when it needs no other run.
 */
let joinedText: string | null = null;
let joinedLocale: 'zh' | 'ja' = 'zh';
let joinedRuns: number[] = [];
let joinedAt: number[] = [];
let joinedSegments: Intl.Segments | undefined;

/** The segmentation of `runs` (`[from, to)` pairs of `text`, in text order) joined by `JOIN`, with where each run starts in it. */
function segmentsOfRuns(text: string, runs: number[], locale: 'zh' | 'ja'): { segments: Intl.Segments; runs: number[]; at: number[] } {
  const kept =
    text === joinedText &&
    locale === joinedLocale &&
    joinedSegments !== undefined &&
    runs.every((r, k) => k % 2 === 1 || joinedRuns.some((q, j) => j % 2 === 0 && q === r && joinedRuns[j + 1] === runs[k + 1]));
  if (!kept) {
    let joined = '';
    const at: number[] = [];
    for (let k = 0; k < runs.length; k += 2) {
      if (k > 0) joined += JOIN;
      at.push(joined.length);
      joined += text.slice(runs[k]!, runs[k + 1]!);
    }
    joinedText = text;
    joinedLocale = locale;
    joinedRuns = runs;
    joinedAt = at;
    joinedSegments = segmenter(locale).segment(joined);
  }
  return { segments: joinedSegments!, runs: joinedRuns, at: joinedAt };
}

/**
 * The run of ideographs around `text[start, end)` when the span's word boundaries can be read off
 * that run alone: `[from, to)`, or `undefined` when the span must go to `isWholeWords` (an edge
 * that is not an ideograph, a run not bounded by hard characters or the text's edges, a long text
 * or run).
 */
function runAround(text: string, start: number, end: number): [number, number] | undefined {
  const n = text.length;
  if (start < 0 || end > n || start >= end || n > MAX_TEXT || !isHan(text.charCodeAt(start)) || !isHan(text.charCodeAt(end - 1))) return undefined;
  let from = start;
  while (from > 0 && isHan(text.charCodeAt(from - 1))) from--;
  let to = end;
  while (to < n && isHan(text.charCodeAt(to))) to++;
  if ((from > 0 && !isHardBreak(text.charCodeAt(from - 1))) || (to < n && !isHardBreak(text.charCodeAt(to))) || to - from > MAX_RUN) return undefined;
  return [from, to];
}

/**
 * `isWholeWords(text, start, end)` — does `text[start, end)` begin and end at word boundaries of
 * ICU's segmentation (`ja` when kana lies within 8 units of the span, else `zh`)? — asking ICU
 * about the span's run of ideographs alone, and nothing when the span is the whole run. The same
 * answer for every input (`cjk-words.test.ts` compares the two on random mixed text).
 *
 * @example
 * isWholeWordsInRun('这是送给我妈妈的生日礼物', 6, 8); // false: 妈妈 is one word
 * isWholeWordsInRun('你妈的，什么玩意', 1, 3); // true
 */
export function isWholeWordsInRun(text: string, start: number, end: number): boolean {
  const out = new Uint8Array(1);
  areWholeWordsInRuns(text, [start, end], out);
  return out[0] === 1;
}

/**
 * `isWholeWordsInRun` for many spans of one text at once (a message's hits): `spans` holds
 * `[start, end)` pairs, `out[k]` is set to 1 when span k is whole words, else 0. The spans that
 * need ICU share one segmentation per locale: of their runs alone, joined by a line feed (a
 * hard character: each run is segmented as it is in the text), so ICU segments each needed run
 * once and no run that no span needs.
 *
 * @example
 * const out = new Uint8Array(2);
 * areWholeWordsInRuns('这是送给我妈妈的生日礼物，你妈的', [6, 8, 13, 15], out); // out: [0, 1]
 */
export function areWholeWordsInRuns(text: string, spans: ArrayLike<number>, out: Uint8Array): void {
  const asked: { zh: number[]; ja: number[] } = { zh: [], ja: [] };
  for (let k = 0; 2 * k < spans.length; k++) {
    const start = spans[2 * k]!;
    const end = spans[2 * k + 1]!;
    const run = runAround(text, start, end);
    // the edges of a run are boundaries whatever the dictionary says
    if (!run) out[k] = isWholeWords(text, start, end) ? 1 : 0;
    else if (run[0] === start && run[1] === end) out[k] = 1;
    else asked[nearKana(text, start, end) ? 'ja' : 'zh'].push(k, run[0], run[1]);
  }
  for (const locale of ['zh', 'ja'] as const) {
    const list = asked[locale];
    if (list.length === 0) continue;
    // the distinct runs in text order, overlapping ones (a span across a hard character) merged:
    // each is bounded by hard characters or the text's edges, and so is their union
    const runs: number[] = [];
    const order = [...Array(list.length / 3).keys()].sort((a, b) => list[3 * a + 1]! - list[3 * b + 1]!);
    for (const i of order) {
      const from = list[3 * i + 1]!;
      const to = list[3 * i + 2]!;
      if (runs.length > 0 && from < runs[runs.length - 1]!) runs[runs.length - 1] = Math.max(runs[runs.length - 1]!, to);
      else runs.push(from, to);
    }
    const joined = segmentsOfRuns(text, runs, locale);
    for (let i = 0; i < list.length; i += 3) {
      const k = list[i]!;
      const start = spans[2 * k]!;
      let r = 0;
      while (joined.runs[r + 1]! <= start) r += 2;
      const base = joined.at[r / 2]! - joined.runs[r]!;
      out[k] = wholeWordsAt(joined.segments, start + base, spans[2 * k + 1]! + base, list[i + 1]! + base, list[i + 2]! + base) ? 1 : 0;
    }
  }
}

/** Are `[s, e)` (inside the run `[from, to)` of the segmented string, not the whole run) whole words of `segments`? */
function wholeWordsAt(segments: Intl.Segments, s: number, e: number, from: number, to: number): boolean {
  if (s !== from) {
    const first = segments.containing(s)!;
    if (first.index !== s) return false;
    const firstEnd = s + first.segment.length;
    if (firstEnd >= e) return firstEnd === e;
  }
  return e === to || segments.containing(e)!.index === e;
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
