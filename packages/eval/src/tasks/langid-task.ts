import { identifyLanguage } from '@cxqa/core';
import { loadTatoebaTestset, TATOEBA_CORPUS, TATOEBA_LANGUAGES } from '../corpora/tatoeba.js';
import { accuracy, macroF1 } from '../metrics/classification.js';
import type { EvalRow } from '../report.js';
import { langidPriorRows } from './langid-prior.js';
import type { EvalTask } from './task.js';

/**
 * `langid` on langid-tatoeba-tatodet/testset.csv: each sentence identified on its own,
 * candidates restricted to the corpus's ten languages (the paper-style "configured languages"
 * setting). Rows: overall accuracy and macro-F1, then accuracy per language (subset), then
 * (langid-prior.ts) short-sentence accuracy, calibration (ECE) and accuracy with a right or a
 * wrong customer country/locale prior.
 */
export const langidTask: EvalTask = {
  name: 'langid',
  async run({ corporaDir }) {
    const rows = loadTatoebaTestset(corporaDir);
    if (!rows) return { rows: [], evaluated: [], skipped: [TATOEBA_CORPUS], notes: [] };
    const languages = Object.values(TATOEBA_LANGUAGES);
    const gold = rows.map((r) => r.language);
    const predicted = rows.map((r) => identifyLanguage(r.text, { languages }).language);
    const out: EvalRow[] = [
      { task: 'langid', corpus: TATOEBA_CORPUS, metric: 'accuracy', value: accuracy(gold, predicted), n: rows.length },
      { task: 'langid', corpus: TATOEBA_CORPUS, metric: 'macro_f1', value: macroF1(gold, predicted, languages), n: rows.length },
    ];
    for (const lang of languages) {
      const idx = gold.map((g, i) => (g === lang ? i : -1)).filter((i) => i >= 0);
      if (!idx.length) continue;
      out.push({
        task: 'langid',
        corpus: TATOEBA_CORPUS,
        subset: lang,
        metric: 'accuracy',
        value: accuracy(
          idx.map((i) => gold[i]),
          idx.map((i) => predicted[i]),
        ),
        n: idx.length,
      });
    }
    const confusions = new Map<string, number>();
    gold.forEach((g, i) => g !== predicted[i] && confusions.set(`${g}→${predicted[i]}`, (confusions.get(`${g}→${predicted[i]}`) ?? 0) + 1));
    const top = [...confusions]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 6)
      .map(([k, v]) => `${k} ${v}`);
    const prior = langidPriorRows(rows, languages);
    out.push(...prior.rows);
    return { rows: out, evaluated: [TATOEBA_CORPUS], skipped: [], notes: [...(top.length ? [`langid confusions: ${top.join(', ')}`] : []), ...prior.notes] };
  },
};
