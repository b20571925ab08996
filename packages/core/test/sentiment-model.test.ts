import { builtinEmotionModel, builtinSentimentModel } from '@cxqa/core';
import { createSentimentModel, sentimentFeatures } from '@cxqa/core/models';
import { describe, expect, it } from 'vitest';

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
