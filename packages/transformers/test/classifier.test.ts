import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInspector, isCxqaError, sentimentAnalyzer } from '@cxqa/core';
import { createTransformersClassifier, defaultLibrary } from '@cxqa/transformers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countingLibrary } from './counting-library.js';
import { writeTinyClassifier } from './tiny-model.js';

const LABELS = { NEG: 'negative', NEU: 'neutral', POS: 'positive' };
const WORDS = { bad: 'NEG', terrible: 'NEG', broken: 'NEG', ok: 'NEU', fine: 'NEU', good: 'POS', great: 'POS', thanks: 'POS' };
let dir: string;

/** Softmax of the tiny model's logits: each known word adds 2 to its label, an unknown word 0.5 to NEG. */
function expected(text: string): Record<string, number> {
  const z = { negative: 0, neutral: 0, positive: 0 };
  for (const w of text.toLowerCase().split(/\s+/).filter(Boolean)) {
    const label = (WORDS as Record<string, string>)[w];
    if (label) z[LABELS[label as keyof typeof LABELS] as keyof typeof z] += 2;
    else z.negative += 0.5;
  }
  const e = Object.values(z).map(Math.exp);
  const sum = e.reduce((a, b) => a + b, 0);
  return { negative: e[0]! / sum, neutral: e[1]! / sum, positive: e[2]! / sum };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cxqa-tiny-'));
  writeTinyClassifier(dir, 'cxqa-test/tiny-sentiment', { labels: ['NEG', 'NEU', 'POS'], words: WORDS });
  writeTinyClassifier(dir, 'cxqa-test/tiny-stars', { labels: ['1 star', '2 stars', '3 stars'], words: { awful: '1 star', meh: '2 stars', nice: '3 stars' } });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('transformers.js text classifier on a tiny local ONNX model', () => {
  it('loads from the local directory with remote models off and maps labels', async () => {
    const classifier = createTransformersClassifier({ model: 'cxqa-test/tiny-sentiment', localModelPath: dir, labels: LABELS, dtype: 'fp32' });
    const texts = ['great thanks', 'terrible broken', 'fine', 'bad but great and more words'];
    const predictions = await classifier.classify(texts);
    expect(predictions.map((p) => p.label)).toEqual(['positive', 'negative', 'neutral', 'negative']);
    predictions.forEach((p, i) => {
      const want = expected(texts[i]!);
      for (const label of ['negative', 'neutral', 'positive']) expect(p.scores[label]).toBeCloseTo(want[label]!, 5);
    });
    expect((await defaultLibrary()).env.allowRemoteModels).toBe(false);
    await classifier.dispose();
  });

  it('batches by batchSize with bounded concurrency and keeps input order', async () => {
    const calls: number[] = [];
    const classifier = createTransformersClassifier({
      model: 'cxqa-test/tiny-sentiment',
      localModelPath: dir,
      labels: LABELS,
      dtype: 'fp32',
      batchSize: 8,
      concurrency: 2,
      library: countingLibrary(calls),
    });
    const words = Object.keys(WORDS);
    const texts = Array.from({ length: 37 }, (_, i) => `${words[i % words.length]} ${words[(i * 3) % words.length]}${i % 5 ? '' : ' filler'}`);
    const batched = await classifier.classify(texts);
    expect(calls).toEqual([8, 8, 8, 8, 5]);
    const single = await Promise.all(texts.map(async (t) => (await classifier.classify([t]))[0]!));
    batched.forEach((p, i) => {
      expect(p.label).toBe(single[i]!.label);
      expect(p.scores.positive).toBeCloseTo(expected(texts[i]!).positive!, 5);
    });
    await classifier.dispose();
  });

  it('sums several model labels into one cxqa label', async () => {
    const classifier = createTransformersClassifier({
      model: join(dir, 'cxqa-test', 'tiny-stars'),
      labels: { '1 star': 'negative', '2 stars': 'negative', '3 stars': 'positive' },
      dtype: 'fp32',
    });
    const [p] = await classifier.classify(['meh']);
    // logits 1 star 0, 2 stars 2, 3 stars 0 → negative = (1 + e²) / (2 + e²)
    expect(p!.label).toBe('negative');
    expect(p!.scores.negative).toBeCloseTo((1 + Math.exp(2)) / (2 + Math.exp(2)), 5);
    await classifier.dispose();
  });

  it('names a label the map forgot, and a model that is not there, with typed errors', async () => {
    const partial = createTransformersClassifier({
      model: 'cxqa-test/tiny-sentiment',
      localModelPath: dir,
      labels: { NEG: 'negative', POS: 'positive' },
      dtype: 'fp32',
    });
    await expect(partial.ready()).rejects.toSatisfy((e) => isCxqaError(e, 'invalid_option') && /"NEU"/.test((e as Error).message));
    const missing = createTransformersClassifier({ model: 'cxqa-test/not-downloaded', localModelPath: dir, labels: LABELS, dtype: 'fp32' });
    const error = await missing.classify(['hi']).catch((e: unknown) => e);
    expect(isCxqaError(error, 'model_missing')).toBe(true);
    expect((error as Error).message).toMatch(/huggingface-cli download cxqa-test\/not-downloaded/);
    expect((error as Error).message).toMatch(/allowRemote/);
    expect(() => createTransformersClassifier({ model: 'someone/unknown-model' })).toThrow(/no label map/);
  });

  it('reloads after dispose and stops between batches when aborted', async () => {
    const calls: number[] = [];
    const classifier = createTransformersClassifier({
      model: 'cxqa-test/tiny-sentiment',
      localModelPath: dir,
      labels: LABELS,
      dtype: 'fp32',
      batchSize: 1,
      library: countingLibrary(calls),
    });
    await classifier.ready();
    await classifier.dispose();
    expect((await classifier.classify(['good']))[0]!.label).toBe('positive');
    const controller = new AbortController();
    controller.abort();
    await expect(classifier.classify(['good', 'bad'], { signal: controller.signal })).rejects.toThrow();
    expect(calls).toEqual([1]);
    await classifier.dispose();
  });

  it('drives the sentiment analyzer in place of the shipped models', async () => {
    const classifier = createTransformersClassifier({ model: 'cxqa-test/tiny-sentiment', localModelPath: dir, labels: LABELS, dtype: 'fp32' });
    const inspector = createInspector({ analyzers: [sentimentAnalyzer({ classifier })] });
    const result = await inspector.inspect({
      id: 't1',
      messages: [
        { role: 'customer', text: 'good thanks', at: '2026-03-02T10:00:00Z' },
        { role: 'agent', text: 'ok', at: '2026-03-02T10:01:00Z' },
        { role: 'customer', text: 'terrible broken bad', at: '2026-03-02T10:02:00Z' },
      ],
    });
    const worsened = result.findings.find((f) => f.code === 'sentiment.customer_worsened');
    expect(worsened?.rule?.id).toBe('cxqa-test/tiny-sentiment');
    // the model's polarity is the raw score behind the mood
    expect(worsened?.rule?.rawScore).toBeCloseTo(expected('terrible broken bad').positive! - expected('terrible broken bad').negative!, 3);
    expect(result.metrics['sentiment.customerMoodEnd']).toBe('negative');
    await classifier.dispose();
  });
});
