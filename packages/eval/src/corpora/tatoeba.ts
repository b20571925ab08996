import { join } from 'node:path';
import { lines, readCorpusFile } from './read.js';

/** Folder name of the Tatoeba short-sentence language-ID corpus. */
export const TATOEBA_CORPUS = 'langid-tatoeba-tatodet';
/** ISO 639-3 codes used by the corpus → ISO 639-1 codes used by cxqa. */
export const TATOEBA_LANGUAGES: Record<string, string> = {
  eng: 'en',
  fra: 'fr',
  por: 'pt',
  spa: 'es',
  ita: 'it',
  glg: 'gl',
  cat: 'ca',
  jpn: 'ja',
  cmn: 'zh',
  kor: 'ko',
};

export interface LangidRow {
  id: string;
  /** ISO 639-1 */
  language: string;
  text: string;
}

/** Parse `id<TAB>lang<TAB>text` lines (unknown language codes are kept as given). */
export function parseTatoebaTsv(content: string): LangidRow[] {
  return lines(content).map((line) => {
    const [id = '', lang = '', ...rest] = line.split('\t');
    return { id, language: TATOEBA_LANGUAGES[lang] ?? lang, text: rest.join('\t') };
  });
}

/** The evaluation file `testset.csv`, or null when the corpus is not in `corporaDir`. */
export function loadTatoebaTestset(corporaDir: string): LangidRow[] | null {
  const content = readCorpusFile(join(corporaDir, TATOEBA_CORPUS), 'testset.csv');
  return content === null ? null : parseTatoebaTsv(content);
}

/**
 * The per-language `*_1000.csv` files as training material, with every text that also
 * occurs in `testset.csv` removed (the corpus documents such overlaps).
 */
export function loadTatoebaTraining(corporaDir: string): LangidRow[] {
  const dir = join(corporaDir, TATOEBA_CORPUS);
  const test = new Set((loadTatoebaTestset(corporaDir) ?? []).map((r) => r.text.trim()));
  const rows: LangidRow[] = [];
  for (const code of Object.keys(TATOEBA_LANGUAGES)) {
    const content = readCorpusFile(dir, `${code}_1000.csv`);
    if (content) rows.push(...parseTatoebaTsv(content).filter((r) => !test.has(r.text.trim())));
  }
  return rows;
}
