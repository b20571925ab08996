import { type ConversationInput, createInspector, sentimentAnalyzer, type TextClassifier } from '@cxqa/core';
import { describe, expect, it } from 'vitest';
import type { MessageView } from '../../pipeline/analyze/contract.js';
import { customerEffort, outcomeBase } from './outcome.js';

/** A sequence entry with only what `customerEffort` reads. */
const turn = (role: 'customer' | 'agent', text: string, index: number) => ({ m: { role, text, index } as MessageView, mood: null });
const sequenceOf = (turns: ['customer' | 'agent', string][]) => turns.map(([role, text], i) => turn(role, text, i));
const redirects = (m: MessageView) => /private message/.test(m.text);

describe('customerEffort', () => {
  it('counts follow-up questions no agent message answers, not the opening ones before the first reply', () => {
    const effort = customerEffort({
      sequence: sequenceOf([
        ['customer', 'Where is my order?'],
        ['customer', 'It was due Monday?'],
        ['agent', 'It left the warehouse today.'],
        ['customer', 'When will it arrive?'],
        ['customer', 'Hello？'],
        ['agent', 'Tomorrow.'],
        ['customer', 'Morning or afternoon?'],
      ]),
      redirects,
    });
    // "When will it arrive?" is followed by the customer again; "Hello？" is answered; the last question has no reply
    expect(effort).toEqual({ unansweredQuestions: 2, channelRedirects: 0 });
  });

  it('counts every agent message that moves the conversation to another channel', () => {
    const effort = customerEffort({
      sequence: sequenceOf([
        ['customer', 'My bill is wrong.'],
        ['agent', 'Please send us a private message.'],
        ['customer', 'Done.'],
        ['agent', 'We did not receive it, please send a private message again.'],
      ]),
      redirects,
    });
    expect(effort).toEqual({ unansweredQuestions: 0, channelRedirects: 2 });
  });
});

describe('outcomeBase', () => {
  const none = { unansweredQuestions: 0, channelRedirects: 0 };
  it('is 0.5 + 0.5 × the end mood, capped by the outcome', () => {
    expect(outcomeBase('resolved', 0.8, none)).toBe(0.9);
    expect(outcomeBase('unresolved', 0.8, none)).toBe(0.6);
    expect(outcomeBase('dissatisfied', -0.2, none)).toBe(0.35);
    expect(outcomeBase('dissatisfied', -0.9, none)).toBe(0.05);
    expect(outcomeBase('unknown', 0.8, none)).toBeNull();
    expect(outcomeBase('resolved', null, none)).toBeNull();
  });

  it('loses 0.1 per unanswered follow-up question and per move to another channel, at most 3 of each, not below 0', () => {
    expect(outcomeBase('resolved', 0.8, { unansweredQuestions: 1, channelRedirects: 1 })).toBe(0.7);
    expect(outcomeBase('resolved', 1, { unansweredQuestions: 5, channelRedirects: 0 })).toBe(0.7);
    expect(outcomeBase('resolved', 1, { unansweredQuestions: 5, channelRedirects: 5 })).toBe(0.4);
    expect(outcomeBase('dissatisfied', -0.9, { unansweredQuestions: 1, channelRedirects: 0 })).toBe(0);
  });
});

describe('sentiment analyzer: customer effort in the outcome', () => {
  const positive: TextClassifier = {
    id: 'test/positive',
    async classify(texts) {
      return texts.map(() => ({ label: 'positive', scores: { negative: 0.1, positive: 0.9 } }));
    },
  };
  const at = (minute: number) => new Date(Date.UTC(2026, 2, 2, 10, minute)).toISOString();
  const conversation = (turns: ['customer' | 'agent', string][]): ConversationInput => ({
    id: 'c1',
    customer: { country: 'US' },
    messages: turns.map(([role, text], i) => ({ role, text, at: at(i), language: 'en' })),
  });

  it('reports the counts as metrics and lowers the outcome base for a customer who had to ask again', async () => {
    const inspector = createInspector({ analyzers: [sentimentAnalyzer({ classifier: positive })] });
    const answered = await inspector.inspect(
      conversation([
        ['customer', 'Can I change the delivery address'],
        ['agent', 'Yes, I have changed it for you.'],
        ['customer', 'Great, thanks'],
      ]),
    );
    const askedAgain = await inspector.inspect(
      conversation([
        ['customer', 'Can I change the delivery address'],
        ['agent', 'Please send us a private message.'],
        ['customer', 'Can you not do it here?'],
        ['customer', 'I have sent it.'],
        ['agent', 'I have changed it for you.'],
        ['customer', 'Great, thanks'],
      ]),
    );
    expect(answered.metrics['sentiment.unansweredQuestions']).toBe(0);
    expect(askedAgain.metrics['sentiment.unansweredQuestions']).toBe(1);
    expect(askedAgain.metrics['sentiment.channelRedirects']).toBe(1);
    expect(askedAgain.metrics['sentiment.outcome']).toBe(answered.metrics['sentiment.outcome']);
    const outcome = (r: typeof answered) => r.dimensions.find((d) => d.name === 'outcome')!.score!;
    expect(outcome(answered) - outcome(askedAgain)).toBeCloseTo(20, 5);
  });
});
