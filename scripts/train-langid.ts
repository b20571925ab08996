/**
 * Train the language-ID model shipped in @cxqa/core (models/langid.json).
 *
 *   pnpm train:langid [--corpora ../shared/corpora]
 *
 * Data: Tatoeba per-language files (langid-tatoeba-tatodet/*_1000.csv, minus every text
 * that also appears in testset.csv, which is the evaluation set) and German tweets from the
 * SB-10k *train* split (sentiment-de-sb10k-xlmt/train_text.txt). Deduplicated by text.
 * Model: multinomial naive Bayes over character 1–4-grams, grams seen fewer than MIN_COUNT
 * times dropped. Calibration: the length-dependent temperature T(n) = t0·(n/30)^beta that
 * minimises the log-loss of the true language on held-out folds (5-fold cross-validation;
 * the loss is measured on the Tatoeba sentences only, whose labels are human-checked: many
 * SB-10k "German" tweets are English or Dutch and would inflate the temperature).
 * Deterministic: same corpora → byte-identical file.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { LangidCalibration } from '@cxqa/core';
import { countLetters, createLangidModel, langidText } from '@cxqa/core/langid';
import { countNaiveBayes, langidTrainingRows, type TrainingRow } from './langid-nb.js';

const { values } = parseArgs({ options: { corpora: { type: 'string', default: '../shared/corpora' }, out: { type: 'string' } } });
const corpora = resolve(values.corpora!);
const out = resolve(values.out ?? 'packages/core/models/langid.json');
const VERSION = '2026.11.2';
const FOLDS = 5;
const REF_LETTERS = 30;

const kept = langidTrainingRows(corpora);
const model = countNaiveBayes(kept, VERSION);
model.calibration = fitCalibration(kept);
writeFileSync(out, JSON.stringify(model));
const perLang = model.languages.map((l) => `${l}:${kept.filter((r) => r.language === l).length}`).join(' ');
process.stdout.write(`wrote ${out}: ${model.vocabSize} grams, ${kept.length} sentences (${perLang})\n`);
process.stdout.write(`calibration: ${JSON.stringify(model.calibration)}\n`);

/** Held-out log-likelihoods by k-fold CV, then a grid search for (t0, beta). */
function fitCalibration(rows: readonly TrainingRow[]): LangidCalibration {
  const heldOut: { truth: number; letters: number; ll: Float64Array }[] = [];
  for (let k = 0; k < FOLDS; k++) {
    const fold = createLangidModel(
      countNaiveBayes(
        rows.filter((_, i) => i % FOLDS !== k),
        `cv${k}`,
      ),
    );
    rows.forEach((r, i) => {
      if (i % FOLDS !== k || r.source !== 'tatoeba') return;
      const prepared = langidText(r.text);
      heldOut.push({ truth: fold.languages.indexOf(r.language), letters: countLetters(prepared), ll: fold.logLikelihoods(prepared) });
    });
  }
  const logLoss = (t0: number, beta: number) => {
    let sum = 0;
    for (const h of heldOut) {
      const scale = 1 / (t0 * (Math.max(h.letters, 1) / REF_LETTERS) ** beta);
      let max = -Infinity;
      for (const v of h.ll) max = Math.max(max, v);
      let z = 0;
      for (const v of h.ll) z += Math.exp((v - max) * scale);
      sum -= (h.ll[h.truth]! - max) * scale - Math.log(z);
    }
    return sum / heldOut.length;
  };
  let best = { t0: 1, beta: 0, loss: Infinity };
  for (let t0 = 2; t0 <= 30; t0 += 0.25) {
    for (let b = -6; b <= 20; b++) {
      const loss = logLoss(t0, b / 20);
      if (loss < best.loss) best = { t0, beta: b / 20, loss };
    }
  }
  const round = (x: number) => Number(x.toFixed(4));
  return {
    method: 'length-temperature',
    t0: best.t0,
    beta: best.beta,
    refLetters: REF_LETTERS,
    fit: { logLoss: round(best.loss), rows: heldOut.length, uncalibratedLogLoss: round(logLoss(1, 0)) },
  };
}
