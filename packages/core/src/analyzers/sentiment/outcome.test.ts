import { type ConversationInput, createInspector, sentimentAnalyzer, type TextClassifier } from '@cxqa/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MessageView } from '../../pipeline/analyze/contract.js';
import { compileMoodCues, type MessageMood } from './model/mood.js';
import { countedMood, customerEffort, outcomeBase, outcomeMood, questionSentence } from './outcome.js';

/** A sequence entry with only what `customerEffort` reads. */
const turn = (role: 'customer' | 'agent', text: string, index: number) => ({ m: { role, text, index } as MessageView, mood: null });
const sequenceOf = (turns: ['customer' | 'agent', string][]) => turns.map(([role, text], i) => turn(role, text, i));
const redirects = (m: MessageView) => /private message/.test(m.text);

describe('questionSentence', () => {
  it('finds what the question-sentence regex matches, in order', () => {
    const regex = /[^.!?。！？\n]*[?？][?？!！]*/gu;
    const all = (text: string) => {
      const out: string[] = [];
      for (let q = questionSentence(text, 0); q; q = questionSentence(text, q[1])) out.push(text.slice(q[0], q[1]));
      return out;
    };
    const reference = (text: string) => [...text.matchAll(regex)].map((m) => m[0]);
    for (const text of ['', 'why?', 'ok. why?? really?! 真的吗？？还没到', 'a?b?c', '.?', 'wow!?', '\n?\n', '𠀀?😀？', 'no question here'])
      expect(all(text), text).toEqual(reference(text));
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', ' ', '?', '？', '!', '！', '.', '。', '\n', '质', '😀', '\ud800', 'why'), { maxLength: 20 }), (parts) => {
        const text = parts.join('');
        expect(all(text), text).toEqual(reference(text));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('customerEffort', () => {
  it('counts requests for information no agent message follows before the next request, not the opening ones', () => {
    const effort = customerEffort({
      sequence: sequenceOf([
        ['customer', 'Where is my order?'],
        ['customer', 'It was due Monday?'],
        ['agent', 'It left the warehouse today.'],
        ['customer', 'When will it arrive?'],
        ['customer', 'I need it for Friday.'],
        ['agent', 'Tomorrow.'],
        ['customer', 'Morning or afternoon?'],
        ['customer', 'Can I pick it up instead?'],
        ['agent', 'Yes, from noon.'],
      ]),
      redirects,
    });
    // "When will it arrive?" is answered after the customer added a message; "Morning or afternoon?" is
    // left behind by the next request
    expect(effort).toEqual({ unansweredQuestions: 1, channelRedirects: 0 });
  });

  it('counts the same question asked again once', () => {
    const effort = customerEffort({
      sequence: sequenceOf([
        ['customer', 'My parcel is late.'],
        ['agent', 'Sorry to hear that.'],
        ['customer', 'When will it arrive?'],
        ['customer', 'When will it arrive?'],
        ['customer', 'When will it arrive?'],
      ]),
      redirects,
    });
    expect(effort.unansweredQuestions).toBe(1);
  });

  it('does not count incredulous or rhetorical questions, but does count a request beside them', () => {
    const cues = compileMoodCues();
    const rhetorical = (sentence: string, language: string) => cues.rhetorical(sentence, language);
    const ignored = (language: string, question: string) =>
      customerEffort({
        sequence: sequenceOf([
          ['customer', 'x'],
          ['agent', 'y'],
          ['customer', question],
        ]).map((s) => ({ ...s, m: { ...s.m, language, view: { normalized: s.m.text.toLowerCase() } } as MessageView })),
        redirects,
        rhetorical,
      }).unansweredQuestions;
    // accusations and incredulity, in several languages
    expect(ignored('zh', '这就是你们第三方服务人员的素质？')).toBe(0);
    expect(ignored('zh', '请问这是服务企业该有的态度吗？')).toBe(0);
    expect(ignored('zh', '一句退款就完了？？？')).toBe(0);
    expect(ignored('en', 'What are the telephone and microblog customer service doing?')).toBe(0);
    expect(ignored('de', 'Soll das ein Witz sein?')).toBe(0);
    expect(ignored('fr', "C'est une blague?")).toBe(0);
    expect(ignored('es', '¿Qué clase de servicio es este?')).toBe(0);
    expect(ignored('ja', 'これが御社の対応ですか？')).toBe(0);
    expect(ignored('ko', '이게 서비스냐?')).toBe(0);
    // innocent look-alikes are requests
    expect(ignored('zh', '这就是你们说的套餐吗？')).toBe(1);
    expect(ignored('zh', '显示已经退款,为何还没到账？')).toBe(1);
    expect(ignored('en', 'What are the opening hours of the store?')).toBe(1);
    expect(ignored('de', 'Ist das Paket schon unterwegs?')).toBe(1);
    expect(ignored('es', '¿Qué clase de cable necesito?')).toBe(1);
    expect(ignored('ja', 'これが最新の請求書ですか？')).toBe(1);
    // a rhetorical sentence beside a real request: the message still asks
    expect(ignored('en', 'Are you kidding? How long will the refund take?')).toBe(1);
  });

  it('counts moves to another channel, not sign-offs, acknowledgements or answers to where to go', () => {
    const cues = compileMoodCues();
    const moves = (language: string, turns: ['customer' | 'agent', string][]) =>
      customerEffort({
        sequence: sequenceOf(turns).map((s) => ({ ...s, m: { ...s.m, language, view: { normalized: s.m.text.toLowerCase() } } as MessageView })),
        redirects: (m) => cues.redirects(m.view.normalized, language),
      }).channelRedirects;
    expect(
      moves('en', [
        ['customer', 'My bill is wrong.'],
        ['agent', 'Please send us a private message with your account number.'],
      ]),
    ).toBe(1);
    expect(
      moves('en', [
        ['customer', 'Sent.'],
        ['agent', 'Thank you for your private message, we are checking.'],
      ]),
    ).toBe(0);
    expect(
      moves('zh', [
        ['customer', '服务很好,谢谢'],
        ['agent', '感谢您的肯定,欢迎您随时私信我们！'],
      ]),
    ).toBe(0);
    expect(
      moves('zh', [
        ['customer', '账单有问题'],
        ['agent', '私信已收到,正在核实.'],
      ]),
    ).toBe(0);
    expect(
      moves('zh', [
        ['customer', '账单有问题'],
        ['agent', '请私信您的号码.'],
      ]),
    ).toBe(1);
    expect(
      moves('zh', [
        ['customer', '销户要去营业厅办理吗？'],
        ['agent', '需要带身份证到营业厅办理.'],
      ]),
    ).toBe(0);
    expect(
      moves('zh', [
        ['customer', '移机太麻烦了'],
        ['agent', '请到营业厅办理.'],
      ]),
    ).toBe(1);
    // the view is lower-cased: an upper-case cue ("DM") never matched; a Latin word holding the letters does not count
    for (const [language, complaint, move, innocent] of [
      ['ja', '商品が届きません。', '詳細はDMにてお送りください。', 'Adminページからご確認いただけます。'],
      ['ko', '상품이 안 왔어요.', 'DM으로 주문번호를 보내주세요.', 'Admin 페이지에서 확인하실 수 있습니다.'],
    ] as const) {
      expect(
        moves(language, [
          ['customer', complaint],
          ['agent', move],
        ]),
      ).toBe(1);
      expect(
        moves(language, [
          ['customer', complaint],
          ['agent', innocent],
        ]),
      ).toBe(0);
    }
  });
});

describe('outcomeMood', () => {
  const mood = (score: number, cued: boolean): MessageMood => ({
    label: score <= -0.4 ? 'negative' : score >= 0.4 ? 'positive' : 'neutral',
    score,
    model: score,
    cues: cued ? [{ kind: score < 0 ? 'negative' : 'positive', start: 0, end: 1 }] : [],
  });
  it('counts a mood no cue supports at half its score', () => {
    expect(countedMood(mood(0.9, true))).toBe(0.9);
    expect(countedMood(mood(0.9, false))).toBe(0.45);
    expect(countedMood(mood(-0.8, false))).toBe(-0.4);
  });

  it('is 0.8 × the end mood + 0.2 × the mean over the customer messages', () => {
    const start = mood(-0.8, true);
    const end = mood(0.9, true);
    expect(outcomeMood(end, [start, end])).toBe(0.73); // 0.8 × 0.9 + 0.2 × 0.05
    expect(outcomeMood(mood(0.9, false), [start, mood(0.9, false)])).toBe(0.325); // 0.8 × 0.45 + 0.2 × −0.175
    expect(outcomeMood(end, [end])).toBe(0.9);
    expect(outcomeMood(undefined, [])).toBeNull();
  });

  it('counts an end mood an agent message answered at half its weight (the mood after the answer is unknown)', () => {
    const start = mood(-0.8, true);
    const end = mood(0.9, true);
    expect(outcomeMood(end, [start, end], true)).toBe(0.37); // 0.8 × 0.5 × 0.9 + 0.2 × 0.05
    expect(outcomeMood(start, [start], true)).toBe(-0.48); // 0.8 × 0.5 × −0.8 + 0.2 × −0.8
    expect(outcomeMood(mood(0.9, false), [mood(0.9, false)], true)).toBe(0.27); // both halvings: 0.8 × 0.5 × 0.45 + 0.2 × 0.45
  });
});

describe('sentiment analyzer: an end the agent answered', () => {
  const at = (minute: number) => new Date(Date.UTC(2026, 2, 2, 10, minute)).toISOString();
  const conversation = (language: string, turns: ['customer' | 'agent', string][]): ConversationInput => ({
    id: 'c1',
    customer: { country: { zh: 'CN', de: 'DE', fr: 'FR' }[language] ?? 'US' },
    messages: turns.map(([role, text], i) => ({ role, text, at: at(i), language })),
  });
  const inspector = createInspector({ analyzers: [sentimentAnalyzer()] });
  const read = async (language: string, turns: ['customer' | 'agent', string][]) => {
    const r = await inspector.inspect(conversation(language, turns));
    return { outcome: r.metrics['sentiment.outcome'], mood: r.metrics['sentiment.outcomeMood'] as number };
  };
  // the same customer messages, once with the customer's word last and once with an agent's answer after it
  const cases: Record<string, { complaint: string; reply: string; angry: string; content: string; answer: string }> = {
    zh: {
      complaint: '宽带又断了，已经报修三次了！',
      reply: '您好，请您重启光猫试试。',
      angry: '还是不能用，太差了！',
      content: '好了，可以上网了，谢谢！',
      answer: '不客气，祝您生活愉快。',
    },
    en: {
      complaint: 'My internet is down again, third time this week!',
      reply: 'Hello, please restart the router.',
      angry: 'Still not working, this is terrible!',
      content: 'It works now, thank you so much!',
      answer: 'You are welcome, have a nice day.',
    },
    de: {
      complaint: 'Mein Internet ist schon wieder ausgefallen, zum dritten Mal diese Woche!',
      reply: 'Hallo, bitte starten Sie den Router neu.',
      angry: 'Funktioniert immer noch nicht, das ist eine Frechheit!',
      content: 'Jetzt funktioniert es, vielen Dank!',
      answer: 'Gern geschehen, einen schönen Tag noch.',
    },
    fr: {
      complaint: 'Je suis très déçu, ma connexion est encore coupée !',
      reply: 'Bonjour, veuillez redémarrer votre box.',
      angry: 'Toujours en panne, c’est inadmissible !',
      content: 'Ça marche maintenant, merci beaucoup !',
      answer: 'Avec plaisir, bonne journée.',
    },
  };
  for (const [language, c] of Object.entries(cases)) {
    it(`${language}: a negative end weighs less, and a content end counts less, once an agent answered it; the outcome label stays`, async () => {
      const angryLast = await read(language, [
        ['customer', c.complaint],
        ['agent', c.reply],
        ['customer', c.angry],
      ]);
      const angryAnswered = await read(language, [
        ['customer', c.complaint],
        ['agent', c.reply],
        ['customer', c.angry],
        ['agent', c.answer],
      ]);
      expect(angryLast.outcome).toBe('dissatisfied');
      expect(angryAnswered.outcome).toBe('dissatisfied');
      expect(angryAnswered.mood).toBeGreaterThan(angryLast.mood);
      const contentLast = await read(language, [
        ['customer', c.complaint],
        ['agent', c.reply],
        ['customer', c.content],
      ]);
      const contentAnswered = await read(language, [
        ['customer', c.complaint],
        ['agent', c.reply],
        ['customer', c.content],
        ['agent', c.answer],
      ]);
      expect(contentLast.outcome).toBe('resolved');
      expect(contentAnswered.outcome).toBe('resolved');
      expect(contentAnswered.mood).toBeLessThan(contentLast.mood);
      expect(contentAnswered.mood).toBeGreaterThan(angryAnswered.mood);
      // only the opening complaint, answered by the agent: milder than the same complaint left as the customer's last word
      const single = await read(language, [['customer', c.complaint]]);
      const singleAnswered = await read(language, [
        ['customer', c.complaint],
        ['agent', c.reply],
      ]);
      expect(singleAnswered.mood).toBeGreaterThan(single.mood);
    });
  }
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

  it('loses 0.1 per unanswered request for information, at most 3, not below 0; moves to another channel cost nothing', () => {
    expect(outcomeBase('resolved', 0.8, { ...none, unansweredQuestions: 1 })).toBe(0.8);
    expect(outcomeBase('resolved', 1, { ...none, unansweredQuestions: 5 })).toBe(0.7);
    expect(outcomeBase('resolved', 1, { ...none, channelRedirects: 5 })).toBe(1);
    expect(outcomeBase('dissatisfied', -0.9, { ...none, unansweredQuestions: 1 })).toBe(0);
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

  it('reports the counts as metrics and lowers the outcome base for a request left unanswered, not for a move to private messages', async () => {
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
        ['customer', 'Which account number do you need?'],
        ['customer', 'Is the order number enough?'],
        ['agent', 'The order number is enough.'],
        ['agent', 'I have changed it for you.'],
        ['customer', 'Great, thanks'],
      ]),
    );
    expect(answered.metrics['sentiment.unansweredQuestions']).toBe(0);
    expect(askedAgain.metrics['sentiment.unansweredQuestions']).toBe(1);
    expect(askedAgain.metrics['sentiment.channelRedirects']).toBe(1);
    expect(askedAgain.metrics['sentiment.outcome']).toBe(answered.metrics['sentiment.outcome']);
    const outcome = (r: typeof answered) => r.dimensions.find((d) => d.name === 'outcome')!.score!;
    // 10 points for the request left unanswered; the rest is the outcome mood, which the extra questions (neutral) lowered
    const mood = (r: typeof answered) => r.metrics['sentiment.outcomeMood'] as number;
    expect(mood(askedAgain)).toBeLessThan(mood(answered));
    expect(outcome(answered) - outcome(askedAgain)).toBeCloseTo(10 + 50 * (mood(answered) - mood(askedAgain)), 5);
  });
});

describe('sentiment analyzer: a customer whose last word accepts the answer', () => {
  const at = (minute: number) => new Date(Date.UTC(2026, 2, 2, 10, minute)).toISOString();
  const inspector = createInspector({ analyzers: [sentimentAnalyzer()] });
  const mood = async (language: string, last: string) => {
    const turns: ['customer' | 'agent', string][] =
      language === 'zh'
        ? [
            ['customer', '宽带又断了，怎么回事？'],
            ['agent', '您好，线路正在维修，今晚六点前恢复。'],
            ['customer', last],
          ]
        : [
            ['customer', 'My internet is down again, what is going on?'],
            ['agent', 'Hello, the line is being repaired and will be back by 6 pm.'],
            ['customer', last],
          ];
    const r = await inspector.inspect({
      id: 'c1',
      customer: { country: language === 'zh' ? 'CN' : 'US' },
      messages: turns.map(([role, text], i) => ({ role, text, at: at(i), language })),
    });
    return { outcome: r.metrics['sentiment.outcome'], mood: r.metrics['sentiment.outcomeMood'] as number };
  };
  for (const [language, ack, statement] of [
    ['zh', '好的', '我家在三楼'],
    ['en', 'OK', 'The router is in the kitchen'],
  ] as const) {
    it(`${language}: "${ack}" ends more content than a plain statement; both resolved`, async () => {
      const accepted = await mood(language, ack);
      const plain = await mood(language, statement);
      expect(accepted.outcome).toBe('resolved');
      expect(plain.outcome).toBe('resolved');
      expect(accepted.mood).toBeGreaterThan(plain.mood);
    });
  }
});
