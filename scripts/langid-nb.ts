/**
 * Naive-Bayes language-ID training shared by `train-langid.ts` (the shipped model) and its
 * cross-validated calibration: the training rows and the counting step.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LangidModelFile } from '@cxqa/core';
import { forEachNgram, langidText, scriptLanguage } from '@cxqa/core/langid';
import { loadTatoebaTraining } from '@cxqa/eval';

export const MIN_COUNT = 2;
export const ALPHA = 0.1;
export const PER_LANGUAGE = 800;

export interface TrainingRow {
  language: string;
  text: string;
  /** Tatoeba sentences are human-labelled; SB-10k tweets are labelled by collection (some are English). */
  source: 'tatoeba' | 'sb10k';
}

/**
 * Tatoeba per-language files (minus every text in the evaluation file testset.csv) and German
 * tweets from the SB-10k *train* split; deduplicated by text, Latin script only (other scripts
 * are decided by script rules).
 */
export function langidTrainingRows(corpora: string): TrainingRow[] {
  const rows: TrainingRow[] = loadTatoebaTraining(corpora).map((r) => ({ language: r.language, text: r.text, source: 'tatoeba' as const }));
  const german = readFileSync(join(corpora, 'sentiment-de-sb10k-xlmt', 'train_text.txt'), 'utf8')
    .split(/\r?\n/)
    .filter((t) => langidText(t).replace(/ /g, '').length >= 12)
    .slice(0, PER_LANGUAGE);
  rows.push(...german.map((text) => ({ language: 'de', text, source: 'sb10k' as const })));
  const seen = new Set<string>();
  return rows.filter((r) => {
    const key = r.text.trim();
    if (seen.has(key) || scriptLanguage(r.text) !== 'latin') return false;
    seen.add(key);
    return true;
  });
}

/** Count character 1–4-grams per language; grams seen fewer than MIN_COUNT times are dropped. */
export function countNaiveBayes(rows: readonly TrainingRow[], version: string): LangidModelFile {
  const languages = [...new Set(rows.map((r) => r.language))].sort();
  const counts = new Map<string, number[]>();
  const totals = languages.map(() => 0);
  for (const r of rows) {
    const l = languages.indexOf(r.language);
    forEachNgram(langidText(r.text), (g) => {
      let row = counts.get(g);
      if (!row) counts.set(g, (row = languages.map(() => 0)));
      row[l]!++;
      totals[l]!++;
    });
  }
  const grams: Record<string, number[]> = {};
  for (const g of [...counts.keys()].sort()) {
    const row = counts.get(g)!;
    if (row.reduce((a, b) => a + b, 0) < MIN_COUNT) continue;
    const pairs: number[] = [];
    row.forEach((c, l) => c > 0 && pairs.push(l, c));
    grams[g] = pairs;
  }
  return { format: 'cxqa-langid-nb/1', version, languages, alpha: ALPHA, totals, vocabSize: Object.keys(grams).length, grams };
}
