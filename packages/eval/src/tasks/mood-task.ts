import { builtinSentimentModel, normalizeText } from '@cxqa/core';
import { polarityOf, softPolarityOf } from '@cxqa/core/models';
import { builtinMoodCues } from '@cxqa/core/rules';
import { isEvalRow, loadSb10k, loadXedEmotions, loadXedPolarity } from '../corpora/sentiment.js';
import { accuracy, macroF1, prf } from '../metrics/classification.js';
import type { EvalRow } from '../report.js';
import type { EvalTask } from './task.js';

const LABELS = ['negative', 'neutral', 'positive'] as const;

/**
 * `mood`: the customer-mood reading of one message (negative / neutral / positive: the polarity
 * model plus the language's cues, as the sentiment analyzer uses it) on held-out rows that have a
 * neutral class — the SB-10k test split (German tweets) and XED English (the 1-in-5 evaluation
 * split of the annotated subtitles and of the neutral lines). Rows: accuracy, macro-F1 and neutral
 * recall of the mood, next to the same figures for the polarity model's own label (`model_*`: the
 * two-class English model never says neutral).
 */
export const moodTask: EvalTask = {
  name: 'mood',
  async run({ corporaDir }) {
    const rows: EvalRow[] = [];
    const evaluated: string[] = [];
    const skipped: string[] = [];
    const cues = builtinMoodCues();
    const sets: [string, string, { text: string; label: string }[] | null][] = [
      ['sentiment-de-sb10k-xlmt', 'de', loadSb10k(corporaDir, 'test')],
      [
        'emotion-xed',
        'en',
        (() => {
          const polar = loadXedPolarity(corporaDir, 'en');
          const neutral = loadXedEmotions(corporaDir, 'en', true)?.filter((r) => r.label === 'neutral');
          return polar && neutral ? [...polar, ...neutral].filter((r) => isEvalRow(r.text)) : null;
        })(),
      ],
    ];
    for (const [corpus, language, data] of sets) {
      if (!data?.length) {
        skipped.push(corpus);
        continue;
      }
      evaluated.push(corpus);
      const model = builtinSentimentModel(language)!;
      const gold = data.map((r) => r.label);
      const own: string[] = [];
      const mood: string[] = [];
      for (const r of data) {
        const view = normalizeText(r.text);
        const prediction = model.predict(r.text, view.normalized);
        own.push(prediction.label);
        mood.push(
          cues.moodOf(view.normalized, language, {
            polarity: polarityOf(prediction),
            soft: softPolarityOf(prediction),
            label: model.labels.includes('neutral') ? prediction.label : null,
          }).label,
        );
      }
      const row = (metric: string, value: number): EvalRow => ({
        task: 'mood',
        corpus,
        subset: language,
        metric,
        value: Math.round(value * 10_000) / 10_000,
        n: data.length,
      });
      rows.push(
        row('accuracy', accuracy(gold, mood)),
        row('macro_f1', macroF1(gold, mood, LABELS)),
        row('neutral_recall', prf(gold, mood, 'neutral').recall),
        row('model_accuracy', accuracy(gold, own)),
        row('model_macro_f1', macroF1(gold, own, LABELS)),
        row('model_neutral_recall', prf(gold, own, 'neutral').recall),
      );
    }
    return { rows, evaluated, skipped, notes: [] };
  },
};
