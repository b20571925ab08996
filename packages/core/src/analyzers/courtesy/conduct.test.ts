import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { courtesyAnalyzer, createInspector, isCxqaError, linearRegexProblem, normalizeText } from '../../index.js';
import { traditionalToSimplified } from '../../matcher/chinese-fold.js';
import { CONDUCT_LANGUAGES, compileConduct, shippedConductRules } from '../../subpath/rules.js';
import { foldChinese } from './conduct.js';

const conduct = compileConduct(CONDUCT_LANGUAGES.map(shippedConductRules));

describe('conduct rules: every shipped example', () => {
  for (const language of CONDUCT_LANGUAGES) {
    const file = shippedConductRules(language);
    for (const rule of file.rules) {
      it(`${rule.id}: fires on its examples`, () => {
        for (const text of rule.examples.fire) {
          const ids = conduct.hits(language, normalizeText(text).normalized, { complained: true }).map((h) => h.rule.id);
          expect(ids, text).toContain(rule.id);
        }
      });
      it(`${rule.id}: its innocent examples fire no rule of ${language}`, () => {
        for (const text of rule.examples.innocent) {
          const ids = conduct.hits(language, normalizeText(text).normalized, { complained: true }).map((h) => h.rule.id);
          expect(ids, text).toEqual([]);
        }
      });
    }
  }
});

describe('conduct rules: words inside quotation marks are not the agent’s (decision 180)', () => {
  const ids = (language: string, text: string) => conduct.hits(language, normalizeText(text).normalized, { complained: true }).map((h) => h.rule.id);
  it('skips a hit that lies inside a quotation, in every kind of mark', () => {
    expect(ids('fr', 'Je suis désolé. Un « débrouillez-vous » n’est pas une réponse acceptable, je vous renvoie un article.')).toEqual([]);
    expect(ids('en', 'I’m sorry you were told “whatever”; that is not how we treat customers.')).toEqual([]);
    expect(ids('de', 'Es tut mir leid, dass man Ihnen „Pech gehabt“ geschrieben hat. Ersatz ist unterwegs.')).toEqual([]);
    expect(ids('ja', '「急かさないでください」と言われたとのこと、大変失礼いたしました。')).toEqual([]);
  });
  it('still fires on the same words outside quotation marks', () => {
    expect(ids('fr', 'Débrouillez-vous.')).toContain('fr.dismissive.brush_off');
    expect(ids('en', 'Whatever. Send a photo if you want.')).toContain('en.dismissive.interjection');
    expect(ids('de', 'Pech gehabt.')).toEqual(['de.dismissive.brush_off']);
    expect(ids('ja', '急かさないでください。')).toEqual(['ja.impatient.wait']);
  });
});

describe('conduct analysis in a conversation', () => {
  const at = (k: number) => `2026-03-03T10:0${k}:00+01:00`;
  it('names the span in the original text (typographic apostrophe, mixed case)', async () => {
    const text = 'Hello. It’s YOUR fault the parcel came back.';
    const r = await createInspector({ analyzers: [courtesyAnalyzer()] }).inspect({
      id: 'c',
      customer: { country: 'US' },
      messages: [
        { role: 'customer', text: 'The parcel came back to you, why?', at: at(0) },
        { role: 'agent', text, at: at(1) },
      ],
    });
    const f = r.findings.find((x) => x.code === 'politeness.blaming')!;
    expect(f.severity).toBe('critical');
    expect(text.slice(f.span!.start, f.span!.end)).toBe('It’s YOUR fault');
  });

  it('flags a reply to a complaint that acknowledges nothing, not one that apologises', async () => {
    const run = (reply: string) =>
      createInspector({ analyzers: [courtesyAnalyzer()] }).inspect({
        id: 'c',
        customer: { country: 'US' },
        messages: [
          { role: 'customer', text: 'The mug arrived broken, this is unacceptable.', at: at(0) },
          { role: 'agent', text: reply, at: at(1) },
        ],
      });
    expect((await run('Send a photo of the box. What is your order number?')).findings.map((f) => f.code)).toContain('politeness.no_acknowledgement');
    expect((await run("I'm so sorry! Could you send a photo of the box?")).findings.map((f) => f.code)).not.toContain('politeness.no_acknowledgement');
  });

  it('one-word replies are curt only after a complaint', async () => {
    const run = (customer: string) =>
      createInspector({ analyzers: [courtesyAnalyzer()] }).inspect({
        id: 'c',
        customer: { country: 'US' },
        messages: [
          { role: 'customer', text: customer, at: at(0) },
          { role: 'agent', text: 'Ok.', at: at(1) },
        ],
      });
    expect((await run('The jacket arrived torn, I am very disappointed.')).findings.map((f) => f.code)).toContain('politeness.curt');
    expect((await run('Thanks, that is all!')).findings.map((f) => f.code)).not.toContain('politeness.curt');
  });
});

describe('conduct rule files are validated', () => {
  it('checks shipped patterns for nested repetition (they run on V8)', () => {
    expect(linearRegexProblem('(a+)+$')).toMatch(/unbounded quantifier on a group/);
    expect(linearRegexProblem('\\bas i (?:already )?said\\b')).toBeNull();
  });

  it('runs a brand’s catastrophic pattern on RE2 in linear time, and rejects what RE2 cannot run, naming where', async () => {
    const rules = (pattern: string) => [
      { language: 'en', version: '1', rules: [{ id: 'en.blaming.x', kind: 'blaming' as const, patterns: [pattern], why: 'w', suggestion: 's' }] },
    ];
    const inspector = createInspector({ analyzers: [courtesyAnalyzer({ conduct: rules('(a+)+$') })] });
    const r = await inspector.inspect({
      id: 'x',
      messages: [
        { role: 'customer', text: 'hi', at: '2026-03-02T10:00:00Z' },
        { role: 'agent', text: `${'a'.repeat(50_000)}!`, at: '2026-03-02T10:01:00Z' },
      ],
    });
    expect(r.status).toBe('ok'); // V8 would backtrack for longer than the universe has existed
    try {
      courtesyAnalyzer({ conduct: rules('you(?= idiot) there') });
      expect.unreachable();
    } catch (e) {
      expect(isCxqaError(e, 'invalid_config')).toBe(true);
      expect((e as Error).message).toMatch(/conduct\[0\].*rules\.0\.patterns\.0.*lookahead is not available/s);
    }
  });
});

describe('foldChinese (copies only from the first character that folds)', () => {
  /** The per-character fold it replaced. */
  const naive = (text: string) => {
    if (!/[\u3400-\u9fff\uf900-\ufaff]/u.test(text)) return text;
    let out = '';
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      out += c >= 0x3400 && c <= 0xfaff ? String.fromCharCode(traditionalToSimplified(c)) : text[i];
    }
    return out;
  };
  it('gives the per-character fold on Simplified, Traditional and mixed text', () => {
    const han = fc.constantFrom(...'质量太差了再也不买媽們說這個問題退貨貴請您别不要激动我们没办法𠀀 ,.!a1'.split(''));
    fc.assert(
      fc.property(fc.array(fc.oneof(han, fc.string({ maxLength: 2 })), { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        expect(foldChinese(text)).toBe(naive(text));
      }),
      { numRuns: 1000 },
    );
    expect(foldChinese('這個問題')).toBe('这个问题');
    const simplified = '这个问题';
    expect(foldChinese(simplified)).toBe(simplified);
  });
});
