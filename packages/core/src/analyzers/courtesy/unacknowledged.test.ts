import { describe, expect, it } from 'vitest';
import { courtesyAnalyzer, createInspector, isCxqaError } from '../../index.js';
import { CONDUCT_LANGUAGES, shippedConductRules } from '../../subpath/rules.js';

const inspector = createInspector({ analyzers: [courtesyAnalyzer()] });

/** The no_acknowledgement finding on the agent's reply to one customer message, if any. */
async function noAcknowledgement(customer: string, agent: string) {
  const r = await inspector.inspect({
    id: 'c',
    customer: { country: 'US' },
    messages: [
      { role: 'customer', text: customer, at: '2026-03-03T10:00:00Z' },
      { role: 'agent', text: agent, at: '2026-03-03T10:01:00Z' },
    ],
  });
  return r.findings.find((f) => f.code === 'politeness.no_acknowledgement' && f.messageIndex === 1);
}

/** A conversation of alternating turns, customer first, one minute apart. */
const turns = (...texts: string[]) => ({
  id: 'c',
  messages: texts.map((text, i) => ({ role: i % 2 ? ('agent' as const) : ('customer' as const), text, at: `2026-03-03T10:0${i}:00Z` })),
});

describe('the strict form of no_acknowledgement: every shipped example pair', () => {
  for (const language of CONDUCT_LANGUAGES) {
    const lists = shippedConductRules(language).unacknowledged;
    it(`${language} ships the strict lists with examples of both kinds`, () => {
      expect(lists?.examples.fire.length).toBeGreaterThan(0);
      expect(lists?.examples.innocent.length).toBeGreaterThan(1);
    });
    for (const [customer, agent] of lists?.examples.fire ?? [])
      it(`${language}: strict on "${agent}"`, async () => {
        const f = await noAcknowledgement(customer, agent);
        expect(f?.rule?.id).toBe(`conduct.${language}.no_acknowledgement.strict`);
        expect(f?.rule?.detail).toMatchObject({ complaint: 0, strict: true });
        // the span is the reply's first sentence after any greeting
        expect(agent).toContain(f!.evidence!);
        expect(shippedConductRules(language).unacknowledged!.opening.some((o) => new RegExp(`${o}[\\s\\p{P}]*$`, 'u').test(f!.evidence!.toLowerCase()))).toBe(
          false,
        );
      });
    for (const [customer, agent] of lists?.examples.innocent ?? [])
      it(`${language}: not strict on "${agent}" after "${customer}"`, async () => {
        const f = await noAcknowledgement(customer, agent);
        expect(f?.rule?.detail?.strict ?? false).toBe(false);
      });
  }
});

describe('the strict form in a conversation', () => {
  it('treats a greeting as no acknowledgement and spans the request after it, not the greeting', async () => {
    const f = await noAcknowledgement('The kettle arrived cracked, I am furious.', 'Hello! Please send a photo of the base.');
    expect(f?.rule?.id).toBe('conduct.en.no_acknowledgement.strict');
    expect(f?.evidence).toBe('Please send a photo of the base.');
    // a short address after the greeting is cut too; a Chinese clause after 您好 is not taken for a name
    expect((await noAcknowledgement('The kettle arrived cracked, I am furious.', 'Hi there, please send a photo.'))?.rule?.id).toBe(
      'conduct.en.no_acknowledgement.strict',
    );
    expect((await noAcknowledgement('手机开不了机了，气死我了', '您好，您手机是什么型号的，先查询下是不是root了。'))?.rule?.detail?.strict ?? false).toBe(
      false,
    );
  });

  it("reads only the customer's opening turn: a failed troubleshooting step is a follow-up, not a grievance", async () => {
    const r = await inspector.inspect(
      turns(
        'After the update my phone gets no text messages. How do I fix it?',
        'Please clear the message app data and try again.',
        "It didn't work.",
        'Can you send out a text message?',
      ),
    );
    expect(r.findings.filter((f) => f.rule?.detail?.strict)).toEqual([]);
  });

  it('takes an immediate remedy or compensation for an acknowledgement', async () => {
    for (const agent of ['Please provide your number and our staff will contact you to compensate you.', "Hello, I've refunded the second charge."])
      expect((await noAcknowledgement('I was charged twice, this is ridiculous.', agent))?.rule?.detail?.strict ?? false).toBe(false);
  });

  it('checks only the first reply to the grievance, and not a reply to a neutral question', async () => {
    const r = await inspector.inspect(
      turns(
        'The kettle arrived cracked, I am furious.',
        'I am so sorry to hear that. Could you send a photo?',
        'It still leaks, this is unacceptable.',
        'Send a photo of the base.',
      ),
    );
    expect(r.findings.filter((f) => f.code === 'politeness.no_acknowledgement')).toEqual([]);
  });

  it('keeps the loose form for a complaint answered by more than a bare request', async () => {
    const f = await noAcknowledgement(
      'The kettle arrived cracked, I am furious.',
      'A replacement ships today. Please send a photo of the old one when you can.',
    );
    expect(f?.severity).toBe('info');
    expect(f?.rule).toMatchObject({ id: 'conduct.en.no_acknowledgement', detail: { complaint: 0 } });
    expect(f?.rule?.detail).not.toHaveProperty('strict');
  });

  it('is critical by default (a failed conversation); a brand that wants it quieter sets the severity', async () => {
    const conversation = {
      id: 'c',
      messages: [
        { role: 'customer' as const, text: 'The kettle arrived cracked, I am furious.', at: '2026-03-03T10:00:00Z' },
        { role: 'agent' as const, text: 'Send a photo of the base and the order number.', at: '2026-03-03T10:01:00Z' },
      ],
    };
    const strictOf = (r: { findings: { code: string; severity: string }[] }) => r.findings.find((f) => f.code === 'politeness.no_acknowledgement')?.severity;
    const byDefault = await createInspector().inspect(conversation);
    expect(strictOf(byDefault)).toBe('critical');
    expect(byDefault.pass).toBe(false);
    const quieter = await createInspector({ analyzers: [courtesyAnalyzer({ strictNoAcknowledgement: 'info' })] }).inspect(conversation);
    expect(strictOf(quieter)).toBe('info');
    expect(quieter.pass).toBe(true);
  });

  it('rejects a severity that is not one, naming the option', () => {
    try {
      courtesyAnalyzer({ strictNoAcknowledgement: 'fatal' as never });
      expect.unreachable();
    } catch (e) {
      expect(isCxqaError(e, 'invalid_config')).toBe(true);
      expect((e as Error).message).toMatch(/strictNoAcknowledgement/);
    }
  });
});
