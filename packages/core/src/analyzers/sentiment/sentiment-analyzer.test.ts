import { type ConversationInput, createInspector, sentimentAnalyzer, type TextClassifier } from '@cxqa/core';
import { describe, expect, it } from 'vitest';

const at = (minute: number) => new Date(Date.UTC(2026, 2, 2, 10, minute)).toISOString();
const conversation = (turns: ['customer' | 'agent', string][], metadata?: Record<string, unknown>): ConversationInput => ({
  id: 'c1',
  customer: { country: 'US' },
  metadata,
  messages: turns.map(([role, text], i) => ({ role, text, at: at(i * 5), language: 'en' })),
});

/** A classifier that scores by keyword and records what it was asked. */
function keywordClassifier(): TextClassifier & { calls: string[][] } {
  const calls: string[][] = [];
  return {
    id: 'test/keyword',
    calls,
    async classify(texts) {
      calls.push([...texts]);
      return texts.map((t) =>
        /bad/.test(t) ? { label: 'negative', scores: { negative: 0.9, positive: 0.1 } } : { label: 'positive', scores: { negative: 0.1, positive: 0.9 } },
      );
    },
  };
}

describe('sentiment analyzer', () => {
  it('uses an async classifier in one batch per conversation and names it in findings', async () => {
    const classifier = keywordClassifier();
    const inspector = createInspector({ analyzers: [sentimentAnalyzer({ classifier })] });
    const result = await inspector.inspect(
      conversation([
        ['customer', 'fine thanks'],
        ['agent', 'ok'],
        ['customer', 'bad bad'],
      ]),
    );
    expect(classifier.calls).toEqual([['fine thanks', 'ok', 'bad bad']]);
    expect(result.metrics['sentiment.customerMoodStart']).toBe('positive');
    expect(result.metrics['sentiment.customerMoodEnd']).toBe('negative');
    expect(result.metrics['sentiment.customerStart']).toBeGreaterThanOrEqual(0.4);
    expect(result.metrics['sentiment.customerEnd']).toBeLessThanOrEqual(-0.4);
    const worsened = result.findings.find((f) => f.code === 'sentiment.customer_worsened');
    expect(worsened?.rule?.id).toBe('test/keyword');
  });

  it('uses the classifier only for the languages it covers', async () => {
    const classifier = { ...keywordClassifier(), languages: ['de'] };
    const inspector = createInspector({ analyzers: [sentimentAnalyzer({ classifier })] });
    const result = await inspector.inspect(conversation([['customer', 'Terrible, I am very disappointed.']]));
    expect(classifier.calls).toEqual([]);
    expect(result.metrics['sentiment.customerStart']).toBeLessThan(0);
  });

  it('flags repeated complaints and large-order complaints, not one complaint on a small order', async () => {
    const inspector = createInspector({ analyzers: [sentimentAnalyzer({ classifier: keywordClassifier() })] });
    const three = await inspector.inspect(
      conversation([
        ['customer', 'bad'],
        ['agent', 'hm'],
        ['customer', 'bad again'],
        ['agent', 'hm'],
        ['customer', 'still bad'],
      ]),
    );
    const repeated = three.findings.filter((f) => f.rule?.id === 'sentiment.repeated_complaints');
    expect(repeated).toHaveLength(1);
    expect(repeated[0]!.messageIndex).toBe(4);
    const large = await inspector.inspect(
      conversation(
        [
          ['customer', 'hello'],
          ['customer', 'bad'],
        ],
        { orderValue: 900 },
      ),
    );
    expect(large.findings.map((f) => f.rule?.id)).toContain('sentiment.large_order_complaint');
    const small = await inspector.inspect(
      conversation(
        [
          ['customer', 'hello'],
          ['customer', 'bad'],
        ],
        { orderValue: 90 },
      ),
    );
    expect(small.findings.map((f) => f.rule?.id)).not.toContain('sentiment.large_order_complaint');
  });

  it('measures soothing: agent turns after a negative message followed by improvement', async () => {
    const inspector = createInspector({ analyzers: [sentimentAnalyzer({ classifier: keywordClassifier() })] });
    const soothed = await inspector.inspect(
      conversation([
        ['customer', 'bad'],
        ['agent', 'sorry'],
        ['customer', 'good now'],
      ]),
    );
    expect(soothed.metrics['sentiment.soothingRate']).toBe(1);
    const half = await inspector.inspect(
      conversation([
        ['customer', 'bad'],
        ['agent', 'a'],
        ['customer', 'bad'],
        ['agent', 'b'],
        ['customer', 'ok'],
      ]),
    );
    expect(half.metrics['sentiment.soothingRate']).toBe(0.5);
    const calm = await inspector.inspect(
      conversation([
        ['customer', 'hi'],
        ['agent', 'hello'],
        ['customer', 'thanks'],
      ]),
    );
    expect(calm.metrics['sentiment.soothingRate']).toBeNull();
  });

  it('reports the customer emotion from the shipped model, or none when turned off', async () => {
    const turns: ['customer' | 'agent', string][] = [
      ['customer', 'I am so scared my parcel got lost'],
      ['agent', 'Let me check.'],
    ];
    const on = await createInspector({ analyzers: [sentimentAnalyzer()] }).inspect(conversation(turns));
    expect(on.metrics['sentiment.customerEmotionStart']).toBe('fear');
    const off = await createInspector({ analyzers: [sentimentAnalyzer({ emotionModels: false })] }).inspect(conversation(turns));
    expect(off.metrics['sentiment.customerEmotionStart']).toBeNull();
  });
});

describe('a lawyer is a threat only in a legal frame', () => {
  const threats = async (text: string, country: string) => {
    const r = await createInspector({ analyzers: [sentimentAnalyzer()] }).inspect({
      id: 'l',
      customer: { country },
      messages: [{ role: 'customer', text, at: at(0) }],
    });
    return r.findings.filter((f) => f.code === 'sentiment.escalation_risk').length;
  };
  it('fires on "my lawyer will contact you", not on "my lawyer friend recommended it"', async () => {
    expect(await threats('My lawyer will contact you tomorrow about this charge.', 'US')).toBe(1);
    expect(await threats('You will be hearing from my lawyer.', 'US')).toBe(1);
    expect(await threats('Mein Anwalt wird sich bei Ihnen melden.', 'DE')).toBe(1);
    expect(await threats('Ich wende mich z. B. an meinen Anwalt, wenn das so weitergeht.', 'DE')).toBe(1);
    expect(await threats('My lawyer friend recommended your blender.', 'US')).toBe(0);
    expect(await threats('Mein Anwalt hat mir die Kaffeemaschine empfohlen.', 'DE')).toBe(0);
    expect(await threats('Mi abogado me recomendó esta cafetera.', 'ES')).toBe(0);
  });
  it('reads a negation in a condition before a comma as the condition’s, not the threat’s', async () => {
    expect(await threats('Si je ne suis pas remboursée, je laisse un avis 1 étoile partout.', 'FR')).toBe(1);
    expect(await threats('Non lascerò una recensione negativa, tranquilli!', 'IT')).toBe(0);
    expect(await threats('I’ll leave a 1⭐ review 😡😡', 'US')).toBe(1);
  });
});
