import { type ConversationInput, createInspector, scriptAnalyzer, sentimentAnalyzer } from '@cxqa/core';
import { describe, expect, it } from 'vitest';

describe('script analyzer', () => {
  it('reads the sentiment analyzer output for empathy and honours the holding limit', async () => {
    const conversation: ConversationInput = {
      id: 'c',
      customer: { country: 'US' },
      messages: [
        { role: 'customer', text: 'This is terrible, I am furious and very disappointed!', at: '2026-03-02T10:00:00.000Z' },
        { role: 'agent', text: 'Let me check.', at: '2026-03-02T10:01:00.000Z' },
        { role: 'agent', text: 'A new one ships today.', at: '2026-03-02T10:04:00.000Z' },
      ],
    };
    const withSentiment = createInspector({
      analyzers: [sentimentAnalyzer(), scriptAnalyzer({ require: { greeting: false, closing: false, apology: false } })],
    });
    const codes = (await withSentiment.inspect(conversation)).findings
      .filter((f) => f.analyzer === 'script')
      .map((f) => f.code)
      .sort();
    expect(codes).toEqual(['script.missing_empathy', 'script.no_holding_message']);
    const patient = createInspector({
      analyzers: [scriptAnalyzer({ require: { greeting: false, closing: false, apology: false, empathy: false }, holdingLimitSeconds: 600 })],
    });
    expect((await patient.inspect(conversation)).findings).toEqual([]);
  });
});
