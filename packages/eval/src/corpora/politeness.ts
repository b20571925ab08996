import { join } from 'node:path';
import { parseCsv } from '@cxqa/core';
import { readCorpusFile } from './read.js';

export interface ScoredRequest {
  text: string;
  /** Normalized politeness score (higher = more polite). */
  score: number;
}

export interface BinaryRequest {
  text: string;
  label: 'polite' | 'impolite';
}

export const STANFORD_FILES = { wikipedia: 'wikipedia.annotated.csv', stackexchange: 'stack-exchange.annotated.csv' } as const;
export type StanfordDomain = keyof typeof STANFORD_FILES;

/** TyDiP test files present in `politeness-tydip`, by language. */
export const TYDIP_LANGUAGES = ['en', 'es', 'fr', 'ko', 'ru', 'hi', 'vi', 'ta', 'af', 'hu'] as const;

function scored(content: string | null, textColumn: string, scoreColumn: string): ScoredRequest[] | null {
  if (content === null) return null;
  const [header, ...rows] = parseCsv(content).map((r) => r.cells);
  const t = header?.indexOf(textColumn) ?? -1;
  const s = header?.indexOf(scoreColumn) ?? -1;
  if (t < 0 || s < 0) throw new Error(`politeness corpus: columns "${textColumn}" and "${scoreColumn}" expected, got ${header?.join(',')}`);
  return rows.filter((r) => r.length > Math.max(t, s) && Number.isFinite(Number(r[s]))).map((r) => ({ text: r[t]!, score: Number(r[s]) }));
}

/** The Stanford Politeness Corpus file of one domain, or null when absent. */
export function loadStanfordPoliteness(corporaDir: string, domain: StanfordDomain): ScoredRequest[] | null {
  return scored(readCorpusFile(join(corporaDir, 'politeness-stanford'), STANFORD_FILES[domain]), 'Request', 'Normalized Score');
}

/** One TyDiP test file, or null when absent. */
export function loadTydip(corporaDir: string, language: string): ScoredRequest[] | null {
  return scored(readCorpusFile(join(corporaDir, 'politeness-tydip'), `${language}_test.csv`), 'sentence', 'score');
}

/**
 * The paper's binary task: requests in the top quartile of the score are polite, the bottom
 * quartile impolite, quartiles computed within `rows` (the file being evaluated); the middle half
 * is dropped.
 */
export function quartileBinary(rows: readonly ScoredRequest[]): BinaryRequest[] {
  const sorted = rows.map((r) => r.score).sort((a, b) => a - b);
  const q1 = sorted[Math.floor(sorted.length * 0.25)]!;
  const q3 = sorted[Math.floor(sorted.length * 0.75)]!;
  return rows.filter((r) => r.score <= q1 || r.score >= q3).map((r) => ({ text: r.text, label: r.score >= q3 ? 'polite' : 'impolite' }));
}
