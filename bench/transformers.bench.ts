/**
 * The cost of the transformers.js path: framework overhead on the tiny test model (tokenizer,
 * ONNX session, batching — a floor for any model), the shipped linear model for comparison, and,
 * when `CXQA_MODELS_DIR` holds one of the documented real models, that model itself.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtinSentimentModel } from '@cxqa/core';
import { createTransformersClassifier, SENTIMENT_LABEL_PRESETS, type TransformersClassifier } from '@cxqa/transformers';
import { writeTinyClassifier } from '../packages/transformers/test/tiny-model.js';
import type { BenchRow } from './report.js';

const TEXTS = [
  'Still waiting for my refund, this is the third time I ask!!!',
  'Thank you so much, the replacement arrived and works perfectly.',
  'Can you tell me when the parcel will be delivered?',
  'The item was broken on arrival and nobody answers my emails.',
];
const messages = Array.from({ length: 512 }, (_, i) => TEXTS[i % TEXTS.length]!);

async function rate(classifier: TransformersClassifier): Promise<number> {
  await classifier.classify(messages.slice(0, 32)); // warm-up
  const t0 = performance.now();
  await classifier.classify(messages);
  return Math.round(messages.length / ((performance.now() - t0) / 1000));
}

export async function benchTransformers(log: (s: string) => void): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const linear = builtinSentimentModel('en')!;
  const t0 = performance.now();
  for (const m of messages) linear.predict(m);
  rows.push({
    benchmark: 'sentiment.message',
    subject: 'cxqa',
    metric: 'linear model messages per second',
    value: Math.round(messages.length / ((performance.now() - t0) / 1000)),
    unit: 'msg/s',
  });

  const dir = mkdtempSync(join(tmpdir(), 'cxqa-bench-tiny-'));
  try {
    writeTinyClassifier(dir, 'tiny/sentiment', { labels: ['NEG', 'POS'], words: { broken: 'NEG', waiting: 'NEG', thank: 'POS', perfectly: 'POS' } });
    for (const batchSize of [1, 16]) {
      const classifier = createTransformersClassifier({
        model: 'tiny/sentiment',
        localModelPath: dir,
        labels: { NEG: 'negative', POS: 'positive' },
        dtype: 'fp32',
        batchSize,
      });
      const t1 = performance.now();
      await classifier.ready();
      if (batchSize === 1)
        rows.push({
          benchmark: 'sentiment.transformers',
          subject: 'tiny',
          metric: 'cold load ms (library + session)',
          value: Math.round(performance.now() - t1),
          unit: 'ms',
        });
      rows.push({
        benchmark: 'sentiment.transformers',
        subject: 'tiny',
        metric: `messages per second, batch ${batchSize}`,
        value: await rate(classifier),
        unit: 'msg/s',
      });
      await classifier.dispose();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const local = process.env.CXQA_MODELS_DIR;
  for (const model of Object.keys(SENTIMENT_LABEL_PRESETS)) {
    if (!local || !existsSync(join(local, model))) continue;
    const classifier = createTransformersClassifier({ model, localModelPath: local, batchSize: 16 });
    rows.push({
      benchmark: 'sentiment.transformers',
      subject: model.split('/')[1]!.slice(0, 12),
      metric: 'messages per second, batch 16',
      value: await rate(classifier),
      unit: 'msg/s',
    });
    await classifier.dispose();
  }
  if (!local) log('transformers: set CXQA_MODELS_DIR to a directory with a documented model to measure it');
  return rows;
}
