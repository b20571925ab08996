import { join } from 'node:path';
import { parseCsv } from '@cxqa/core';
import { readCorpusFile } from './read.js';

export const COLD_CORPUS = 'offensive-zh-cold';
export const HATECHECK_CORPUS = 'hate-multilingual-hatecheck';
export const HATECHECK_LANGUAGES: Record<string, string> = { french: 'fr', german: 'de', mandarin: 'zh', portuguese: 'pt', spanish: 'es' };

export interface OffensiveExample {
  text: string;
  offensive: boolean;
  /** HateCheck functionality (e.g. `profanity_nh`), or the COLD file name. */
  group: string;
  language: string;
}

function table(content: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(content);
  if (!header) return [];
  return rows.map((r) => Object.fromEntries(header.cells.map((h, i) => [h.trim(), r.cells[i] ?? ''])));
}

/** COLD `test.csv` and `dev.csv` (label 1 = offensive), or null when absent. */
export function loadCold(corporaDir: string): OffensiveExample[] | null {
  const out: OffensiveExample[] = [];
  for (const file of ['test.csv', 'dev.csv']) {
    const content = readCorpusFile(join(corporaDir, COLD_CORPUS), file);
    if (content === null) continue;
    for (const r of table(content)) out.push({ text: r.TEXT ?? '', offensive: r.label === '1', group: file, language: 'zh' });
  }
  return out.length ? out : null;
}

/** Multilingual HateCheck per language (`label_gold` hateful / non-hateful), or null when absent. */
export function loadHatecheck(corporaDir: string): OffensiveExample[] | null {
  const out: OffensiveExample[] = [];
  for (const [name, language] of Object.entries(HATECHECK_LANGUAGES)) {
    const content = readCorpusFile(join(corporaDir, HATECHECK_CORPUS), `hatecheck_cases_final_${name}.csv`);
    if (content === null) continue;
    for (const r of table(content)) out.push({ text: r.test_case ?? '', offensive: r.label_gold === 'hateful', group: r.functionality ?? '', language });
  }
  return out.length ? out : null;
}
