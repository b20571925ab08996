import { readFileSync } from 'node:fs';
import { builtinEmotionModel, builtinSentimentModel } from '@cxqa/core';
import { createLinearClassifier, createSentimentModel, type LinearModelFile, sentimentFeatures } from '@cxqa/core/models';
import { describe, expect, it } from 'vitest';
import { begin, featureTable } from './feature-hash.js';

describe('sentiment features', () => {
  it('builds CJK n-grams, words with negation scope, subwords and chat cues, each once', () => {
    const zh = sentimentFeatures('质量差');
    expect(zh).toEqual(expect.arrayContaining(['c:质', 'c:质量', 'c:质量差']));
    const en = sentimentFeatures('NOT GOOD at all!!! WHY???');
    expect(en).toEqual(expect.arrayContaining(['w:not', 'n:good', 'cue:!!', 'cue:??', 'cue:caps', 'g: goo']));
    expect(new Set(en).size).toBe(en.length);
  });
});

describe('linear sentiment model', () => {
  it('predicts with softmax scores from a model file', () => {
    const m = createSentimentModel({
      format: 'cxqa-linear/1',
      version: '1',
      language: 'en',
      labels: ['negative', 'positive'],
      bias: [0, 0],
      weights: { 'w:great': [-1, 1], 'n:great': [1, -1] },
    });
    expect(m.predict('great').label).toBe('positive');
    expect(m.predict('not great').label).toBe('negative');
    expect(m.predict('great').scores.positive).toBeCloseTo(1 / (1 + Math.exp(-2)));
    expect(() => createSentimentModel({ format: 'other' } as never)).toThrow(/unsupported/);
  });

  it('ships models for zh, en and de that read obvious cases right', () => {
    expect(builtinSentimentModel('zh')!.predict('质量太差了，很失望，不会再买').label).toBe('negative');
    expect(builtinSentimentModel('zh')!.predict('非常好，物流很快，很满意').label).toBe('positive');
    expect(builtinSentimentModel('en')!.predict('Terrible product, it broke after one day.').label).toBe('negative');
    expect(builtinSentimentModel('en')!.predict('Great quality, works perfectly, love it!').label).toBe('positive');
    expect(builtinSentimentModel('de')!.predict('Super, vielen Dank, alles bestens!').label).toBe('positive');
    expect(builtinSentimentModel('fr')!.predict('Merci beaucoup, c’est parfait, je suis ravie !').label).toBe('positive');
    expect(builtinSentimentModel('ja')).toBeNull();
    const emotion = builtinEmotionModel('en')!;
    expect(emotion.labels).toEqual(['anger', 'anticipation', 'disgust', 'fear', 'joy', 'sadness', 'surprise', 'trust', 'neutral']);
    expect(Object.values(emotion.predict('I am so happy, thank you!').scores).reduce((a, b) => a + b, 0)).toBeCloseTo(1);
    expect(builtinEmotionModel('es')!.labels).toHaveLength(8);
    expect(builtinEmotionModel('fr')!.predict("J'ai peur, je suis terrifiée").label).toBe('fear');
    expect(builtinEmotionModel('de')!.predict('Ich habe Angst').label).toBe('fear');
    expect(builtinEmotionModel('ja')).toBeNull();
  });
});

describe('hashed sentiment features (issue 16)', () => {
  const file = (name: string) => JSON.parse(readFileSync(new URL(`../../../../models/${name}.json`, import.meta.url), 'utf8')) as LinearModelFile;
  const TEXTS: [string, string][] = [
    ['sentiment-en', 'I don’t like it, NOT GOOD at all!!! WHY??? not good not good'],
    ['sentiment-en', "Thanks a lot, that's great — the refund arrived 😀"],
    ['emotion-en', 'I am so scared it got lost, never again, nothing works'],
    ['sentiment-zh', '质量太差了，再也不买 𠀀𠀁 质量太差了'],
    ['sentiment-de', 'Das ist nicht gut, keine Antwort seit Tagen'],
    ['emotion-fr', "Je ne suis pas content, c'est inadmissible !!"],
    ['sentiment-es', 'No funciona nada, nunca más'],
    ['sentiment-en', ''],
  ];
  it.each(TEXTS)('%s gives the same probabilities, bit for bit, as string lookups over the deduplicated features: %s', (name, text) => {
    const model = file(name);
    const byString = createLinearClassifier(model, sentimentFeatures);
    expect(createSentimentModel(model).predict(text)).toEqual(byString.predict(text));
  });
  it('counts a repeated feature once and finds every feature of a table by its hash', () => {
    const m = createSentimentModel({ format: 'cxqa-linear/1', version: '1', language: 'en', labels: ['a', 'b'], bias: [0, 0], weights: { 'w:ok': [0, 1] } });
    expect(m.predict('ok ok ok').scores.b).toBe(m.predict('ok').scores.b);
    const names = ['w:a', 'g: ab ', 'c:质量', 'b:x y', 'cue:!!'];
    const table = featureTable(names)!;
    const h = { a: 0, b: 0 };
    names.forEach((n, r) => {
      begin(h, n);
      expect(table.rowOf(h.a, h.b)).toBe(r);
    });
    begin(h, 'w:absent');
    expect(table.rowOf(h.a, h.b)).toBe(-1);
  });
});
