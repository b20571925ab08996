import { segmentInPieces } from './segment.js';

const ascending = (a: number, b: number): number => a - b;

/**
 * Sentence boundaries with `Intl.Segmenter` (ICU's rules): decimals ("$4.99", "20.5%"), domains
 * ("example.com") and ellipses stay inside their sentence, unlike a split on `.`.
 *
 * Segmenting costs a few microseconds per chat message, so callers ask only when they need it
 * (a phrase rule with parts in two places); the last text's boundaries are kept.
 */

const segmenter = new Intl.Segmenter('und', { granularity: 'sentence' });

let lastText: string | null = null;
let lastStarts: number[] = [];

/**
 * A one-letter abbreviation ("z. B.", "e. g.", "d. h.", "p. ex.") or a common short one (bzw., ca.,
 * Nr., Dr., vs.) before a space: ICU ends a sentence there when a capital follows ("z. B. an
 * meinen Anwalt"); chat text means no sentence end.
 */
const ABBREVIATION_END = /(?:^|[\s(])(?:\p{L}|bzw|ca|evtl|ggf|inkl|vgl|usw|nr|dr|mr|mrs|ms|hr|sr|sra|vs|approx)\.\s+$/iu;

/** Is the boundary at `start` (not a line break) right after an abbreviation? */
function afterAbbreviation(text: string, start: number): boolean {
  return start > 0 && text[start - 1] !== '\n' && ABBREVIATION_END.test(text.slice(Math.max(0, start - 12), start));
}

/**
 * Start offsets (UTF-16, ascending, first is 0) of the sentences of `text`. A line break also
 * ends a sentence (chat messages use it as one).
 *
 * @example
 * sentenceStarts('A refund of $4.99 was sent. Thanks!'); // [0, 28]
 */
export function sentenceStarts(text: string): readonly number[] {
  if (text === lastText) return lastStarts;
  const starts: number[] = [0];
  segmentInPieces(segmenter, text, (_s, at) => {
    if (at > 0) starts.push(at);
  });
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  // a loop and a module-level comparator, not arrows per call (decision 204)
  const sorted: number[] = [];
  for (const s of new Set(starts)) if ((s < text.length || s === 0) && !afterAbbreviation(text, s)) sorted.push(s);
  sorted.sort(ascending);
  lastText = text;
  lastStarts = sorted;
  return sorted;
}

/**
 * The sentences of `text` as `{ start, end, text }` (end exclusive; trailing spaces kept).
 *
 * @example
 * sentences('Fee is 20.5%. Ok?').map((s) => s.text); // ['Fee is 20.5%. ', 'Ok?']
 */
export function sentences(text: string): { start: number; end: number; text: string }[] {
  const starts = sentenceStarts(text);
  const out: { start: number; end: number; text: string }[] = [];
  for (let k = 0; k < starts.length; k++) {
    const start = starts[k]!;
    const end = starts[k + 1] ?? text.length;
    out.push({ start, end, text: text.slice(start, end) });
  }
  return out;
}

/** Is there no sentence boundary strictly between offsets `from` and `to` of `text`? */
export function sameSentence(text: string, from: number, to: number): boolean {
  if (from >= to) return true;
  // fast path: no sentence punctuation or line break between them
  if (!/[.!?。！？\n…]/u.test(text.slice(from, to))) return true;
  for (const s of sentenceStarts(text)) if (s > from && s <= to) return false;
  return true;
}
