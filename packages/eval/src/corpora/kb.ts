import { join } from 'node:path';
import { type KnowledgeBase, parseCsv } from '@cxqa/core';
import { lines, readCorpusFile } from './read.js';
import { isEvalRow } from './sentiment.js';

export interface IntentRow {
  text: string;
  intent: string;
  response?: string;
}

function csvRows(content: string | null, textColumn: string, intentColumn: string, responseColumn?: string): IntentRow[] | null {
  if (content === null) return null;
  const [header, ...rows] = parseCsv(content).map((r) => r.cells);
  const t = header!.indexOf(textColumn);
  const i = header!.indexOf(intentColumn);
  const r = responseColumn ? header!.indexOf(responseColumn) : -1;
  return rows.filter((row) => row[t] && row[i]).map((row) => ({ text: row[t]!, intent: row[i]!, ...(r >= 0 ? { response: row[r]! } : {}) }));
}

/** BANKING77 `train.csv` or `test.csv` (text, category), or null when absent. */
export function loadBanking77(corporaDir: string, split: 'train' | 'test'): IntentRow[] | null {
  return csvRows(readCorpusFile(join(corporaDir, 'intent-banking77'), `${split}.csv`), 'text', 'category');
}

/**
 * Bitext customer-support rows split deterministically inside the file: a row whose instruction
 * hashes into the 1-in-5 evaluation split (`isEvalRow`) is a query, every other row belongs to the KB.
 */
export function loadBitext(corporaDir: string): { kbRows: IntentRow[]; queries: IntentRow[] } | null {
  const rows = csvRows(
    readCorpusFile(join(corporaDir, 'kb-bitext-customer-support'), 'Bitext_Sample_Customer_Support_Training_Dataset.csv'),
    'instruction',
    'intent',
    'response',
  );
  return rows && { kbRows: rows.filter((r) => !isEvalRow(r.text)), queries: rows.filter((r) => isEvalRow(r.text)) };
}

/** One KB entry per intent: its rows as example questions, its first row's response as the answer. */
export function intentKnowledgeBase(rows: readonly IntentRow[], version: string): KnowledgeBase {
  const byIntent = new Map<string, IntentRow[]>();
  for (const r of rows) (byIntent.get(r.intent) ?? byIntent.set(r.intent, []).get(r.intent)!).push(r);
  return {
    version,
    entries: [...byIntent].map(([intent, rs]) => ({ id: intent, intent, questions: rs.map((r) => r.text), answer: rs[0]!.response ?? '', language: 'en' })),
  };
}

/** JSTS sentence pairs with their 0–5 human similarity, from `valid-v1.3.json` or `test-v1.3.json`. */
export function loadJsts(corporaDir: string, split: 'valid' | 'test'): { a: string; b: string; score: number }[] | null {
  const content = readCorpusFile(join(corporaDir, 'similarity-ja-jsts'), `${split}-v1.3.json`);
  if (content === null) return null;
  return lines(content)
    .map((l) => JSON.parse(l) as { sentence1: string; sentence2: string; label: number })
    .map((p) => ({ a: p.sentence1, b: p.sentence2, score: Number(p.label) }));
}
