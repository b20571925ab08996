import { type ConversationInput, courtesyAnalyzer, createInspector, isCxqaError, normalizeText } from '@cxqa/core';
import { builtinConductModel, conductFeatures, createConductModel, POSSIBLE_MISCONDUCT_AT, trainLogistic } from '@cxqa/core/models';
import { describe, expect, it } from 'vitest';

const at = (minute: number) => new Date(Date.UTC(2026, 2, 2, 10, minute)).toISOString();
const conv = (turns: ['customer' | 'agent', string][], country = 'US'): ConversationInput => ({
  id: 'c',
  customer: { country },
  messages: turns.map(([role, text], i) => ({ role, text, at: at(i) })),
});

/** A tiny model: replies about the customer's own reading are misconduct, thanks and apologies are not. */
const tiny = () =>
  createConductModel({
    ...trainLogistic(
      [
        ...['you should read it', 'you should have read it', 'read it yourself', 'you never read'].map((t) => ({
          features: conductFeatures(t),
          label: 1 as const,
        })),
        ...['thanks for waiting', 'sorry for the delay', 'thanks, we will send it', 'sorry, we checked'].map((t) => ({
          features: conductFeatures(t),
          label: 0 as const,
        })),
      ],
      ['ok', 'misconduct'],
      { epochs: 30, minRows: 1, step: 0.5 },
    ),
    version: 'tiny',
  });

describe('conduct model features', () => {
  it('reads words and word pairs of spaced scripts, 2–3-grams of CJK runs, emoji — no letter pairs, no single CJK characters', () => {
    const f = conductFeatures('did you read it? 你自己看 😂');
    expect(f).toEqual(expect.arrayContaining(['w:did', 'b:did you', 'w:?', 'k2:自己', 'k3:你自己', 'e:😂']));
    expect(f.some((x) => x.startsWith('c') || x.startsWith('k1:'))).toBe(false);
    expect(f).not.toContain('w:你自己看');
    expect(conductFeatures('you’re right')).toContain("w:you're");
  });
});

describe('conduct model', () => {
  it('gives P(misconduct) from a two-label file and rejects other labels', () => {
    const model = tiny();
    expect(model.probability('you should read it yourself')).toBeGreaterThan(0.5);
    expect(model.probability('thanks, sorry for the delay')).toBeLessThan(0.5);
    expect(() => createConductModel({ format: 'cxqa-linear/1', version: 'x', language: 'en', labels: ['neg', 'pos'], bias: [0, 0], weights: {} })).toThrow(
      /labels \['ok', 'misconduct'\]/,
    );
  });

  it('the shipped model ranks a blaming or dismissive reply above a helpful one in several languages', () => {
    const model = builtinConductModel();
    expect(model.version).toMatch(/^\d{4}\.\d+\.\d+$/);
    const p = (t: string) => model.probability(normalizeText(t).normalized);
    const pairs: [string, string][] = [
      ['Well, you should have measured the space before ordering, honestly.', 'I am sorry it does not fit; I have sent you a free return label.'],
      ['Das hätten Sie vor der Bestellung prüfen müssen.', 'Das tut mir leid, ich schicke Ihnen gleich ein Rücksendeetikett.'],
      ['这个是你自己没看清楚，跟我们没关系。', '非常抱歉给您带来不便，我马上为您补发。'],
      ['Vous auriez dû lire la description avant de commander.', 'Je suis désolé, je vous envoie une étiquette de retour.'],
    ];
    for (const [bad, good] of pairs) expect(p(bad)).toBeGreaterThan(p(good));
  });
});

describe('politeness.possible_misconduct', () => {
  const chat = conv([
    ['customer', 'The lamp arrived broken.'],
    ['agent', 'You should read it yourself.'],
    ['customer', 'Read what?'],
    ['agent', 'Thanks, sorry for the delay, we will send it.'],
  ]);

  it('is an info finding on the whole reply the model reads as misconduct, and sends the conversation to review', async () => {
    const inspector = createInspector({ analyzers: [courtesyAnalyzer({ conduct: false, conductModel: { model: tiny(), threshold: 0.6 } })] });
    const r = await inspector.inspect(chat);
    const found = r.findings.filter((f) => f.code === 'politeness.possible_misconduct');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      severity: 'info',
      messageIndex: 1,
      evidence: 'You should read it yourself.',
      rule: { kind: 'model', id: 'politeness.model.conduct@tiny' },
    });
    expect(found[0]!.span).toEqual({ start: 0, end: 'You should read it yourself.'.length });
    expect(r.review.reasons).toContain('possible_agent_misconduct');
    expect(r.pass).toBe(true);
  });

  it('stays silent where a rule already failed the reply, when off (the default), and below the threshold', async () => {
    const ruled = conv([
      ['customer', 'The lamp arrived broken.'],
      ['agent', 'Calm down. You should read it yourself.'],
    ]);
    const withRules = await createInspector({ analyzers: [courtesyAnalyzer({ conductModel: { model: tiny(), threshold: 0.6 } })] }).inspect(ruled);
    expect(withRules.findings.some((f) => f.messageIndex === 1 && f.severity === 'critical')).toBe(true);
    expect(withRules.findings.some((f) => f.code === 'politeness.possible_misconduct')).toBe(false);
    for (const conductModel of [false, undefined]) {
      const off = await createInspector({ analyzers: [courtesyAnalyzer({ conduct: false, conductModel })] }).inspect(chat);
      expect(off.findings.some((f) => f.code === 'politeness.possible_misconduct')).toBe(false);
    }
    const high = await createInspector({ analyzers: [courtesyAnalyzer({ conduct: false, conductModel: { model: tiny(), threshold: 1 } })] }).inspect(chat);
    expect(high.findings.some((f) => f.code === 'politeness.possible_misconduct')).toBe(false);
  });

  it('rejects a threshold outside (0, 1] with a typed error naming the option', () => {
    for (const threshold of [0, 1.5, Number.NaN]) {
      try {
        courtesyAnalyzer({ conductModel: { threshold } });
        expect.unreachable();
      } catch (e) {
        expect(isCxqaError(e, 'invalid_option')).toBe(true);
        expect((e as Error).message).toMatch(/conductModel\.threshold/);
      }
    }
    expect(POSSIBLE_MISCONDUCT_AT).toBe(0.8);
  });

  it('`conductModel: true` turns the shipped model on', async () => {
    const blame = conv([
      ['customer', 'My order arrived two sizes too small.'],
      ['agent', 'Honestly, that is on you. Everyone else manages to read the size chart before buying.'],
    ]);
    const on = await createInspector({ analyzers: [courtesyAnalyzer({ conduct: false, conductModel: true })] }).inspect(blame);
    const p = builtinConductModel().probability(normalizeText(blame.messages[1]!.text).normalized);
    expect(on.findings.some((f) => f.code === 'politeness.possible_misconduct')).toBe(p >= POSSIBLE_MISCONDUCT_AT);
    expect(p).toBeGreaterThan(0.5);
  });
});
