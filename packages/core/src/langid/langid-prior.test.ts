import { ConversationSchema, identifyConversationLanguages, identifyLanguage } from '@cxqa/core';
import {
  builtinLangidModel,
  countryLanguages,
  customerLanguagePrior,
  DEFAULT_CALIBRATION,
  evidenceScale,
  langidText,
  logPriorOver,
  PRIOR_FLOOR,
} from '@cxqa/core/langid';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

describe('country → languages (CLDR territoryInfo)', () => {
  it('gives the official languages weighted by population', () => {
    expect(countryLanguages('BR')!.get('pt')).toBeGreaterThan(0.99);
    expect(countryLanguages('br')!.get('pt')).toBeGreaterThan(0.99);
    const ch = countryLanguages('CH')!;
    expect(ch.get('de')!).toBeGreaterThan(ch.get('fr')!);
    expect(ch.get('fr')!).toBeGreaterThan(ch.get('it')!);
    const es = countryLanguages('ES')!;
    expect(es.get('es')!).toBeGreaterThan(0.7);
    expect(es.get('ca')!).toBeGreaterThan(0.05);
    expect(es.get('gl')!).toBeGreaterThan(0.02);
    const ca = countryLanguages('CA')!;
    expect(ca.get('en')!).toBeGreaterThan(ca.get('fr')!);
    expect(ca.get('fr')!).toBeGreaterThan(0.1);
    for (const [c, l] of [
      ['JP', 'ja'],
      ['KR', 'ko'],
      ['CN', 'zh'],
      ['TW', 'zh'],
      ['DE', 'de'],
      ['AT', 'de'],
      ['IT', 'it'],
      ['FR', 'fr'],
      ['US', 'en'],
      ['GB', 'en'],
      ['MX', 'es'],
      ['AR', 'es'],
      ['PT', 'pt'],
    ] as const) {
      const d = countryLanguages(c)!;
      expect([...d].sort((a, b) => b[1] - a[1])[0]![0], c).toBe(l);
    }
  });

  it('sums to 1 and counts a language only with an official status (no English for Germany)', () => {
    const de = countryLanguages('DE')!;
    expect([...de.values()].reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    expect(de.has('en')).toBe(false);
    expect(countryLanguages('XX')).toBeUndefined();
    expect(countryLanguages(undefined)).toBeUndefined();
  });
});

describe('customer prior', () => {
  it('puts the locale first and mixes in the country', () => {
    expect([...customerLanguagePrior({ locale: 'pt-BR' })!]).toEqual([['pt', 1]]);
    const both = customerLanguagePrior({ locale: 'fr-CA', country: 'CA' })!;
    expect(both.get('fr')!).toBeGreaterThan(0.75);
    expect(both.get('en')!).toBeGreaterThan(0.1);
    expect(customerLanguagePrior({})).toBeUndefined();
    expect(customerLanguagePrior({ locale: 'not a tag!' })).toBeUndefined();
  });

  it('keeps a floor for every candidate and renormalises over the candidates', () => {
    const langs = ['ca', 'de', 'en', 'es', 'fr', 'gl', 'it', 'pt'];
    const p = Array.from(logPriorOver(langs, null, customerLanguagePrior({ country: 'BR' })), Math.exp);
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    // BR is pt 99.7 % in CLDR (Venetian, official regionally, has the rest), renormalised over the 8.
    expect(p[langs.indexOf('pt')]).toBeCloseTo(PRIOR_FLOOR / 8 + (1 - PRIOR_FLOOR), 2);
    expect(p[langs.indexOf('es')]).toBeCloseTo(PRIOR_FLOOR / 8, 3);
    const restricted = logPriorOver(langs, new Set(['es', 'pt']), customerLanguagePrior({ country: 'BR' }));
    expect(restricted[langs.indexOf('de')]).toBe(-Infinity);
    expect(Math.exp(restricted[langs.indexOf('pt')]!) + Math.exp(restricted[langs.indexOf('es')]!)).toBeCloseTo(1, 9);
    // A country whose languages the model lacks (NL → nl, fy) says nothing: uniform.
    const nl = Array.from(logPriorOver(langs, null, customerLanguagePrior({ country: 'NL' })), Math.exp);
    for (const v of nl) expect(v).toBeCloseTo(1 / 8, 9);
  });
});

describe('calibrated confidence', () => {
  it('lets the temperature grow with the text (evidence per letter shrinks)', () => {
    expect(evidenceScale(5, DEFAULT_CALIBRATION)).toBeGreaterThan(evidenceScale(30, DEFAULT_CALIBRATION));
    expect(evidenceScale(30, DEFAULT_CALIBRATION)).toBeGreaterThan(evidenceScale(300, DEFAULT_CALIBRATION));
    expect(evidenceScale(0, DEFAULT_CALIBRATION)).toBe(evidenceScale(1, DEFAULT_CALIBRATION));
    expect(builtinLangidModel().calibration.fit?.rows).toBeGreaterThan(1000);
  });

  it('gives short ambiguous turns a low confidence and long clear ones a high one', () => {
    for (const t of ['vale', 'Cancelar compra', 'Película de vidro trincada', 'Best headphones 2026?', 'Prima', 'Factura']) {
      const g = identifyLanguage(t);
      expect(g.confidence, `${t} → ${g.language}`).toBeLessThan(0.95);
    }
    for (const t of [
      'Hola, compré unos auriculares la semana pasada y todavía no me ha llegado el pedido. ¿Podrían decirme dónde está el paquete?',
      'Guten Tag, ich habe vor zwei Wochen Kopfhörer bestellt und die Sendungsverfolgung zeigt seit Montag keine Änderung mehr an.',
      'Bonjour, ma commande n’est toujours pas arrivée et j’aimerais savoir quand elle sera livrée.',
    ]) {
      expect(identifyLanguage(t).confidence, t).toBeGreaterThan(0.999);
    }
  });

  it('never reports exactly 1 for model decisions and ranks confidence by evidence', () => {
    const short = identifyLanguage('Obrigado');
    const longer = identifyLanguage('Obrigado pela ajuda, a encomenda chegou hoje de manhã');
    expect(short.language).toBe('pt');
    expect(longer.language).toBe('pt');
    expect(short.confidence).toBeLessThan(1);
    expect(longer.confidence).toBeGreaterThan(short.confidence);
  });

  it('returns und for a turn with no evidence and no prior, and the prior with one', () => {
    expect(langidText('OK!!')).toBe('');
    expect(identifyLanguage('OK!!').language).toBe('und');
    const withLocale = identifyLanguage('OK!!', { hint: 'it-IT' });
    expect(withLocale.language).toBe('it');
    expect(withLocale.confidence).toBeCloseTo(PRIOR_FLOOR / 8 + (1 - PRIOR_FLOOR), 6);
  });
});

describe('prior on identification', () => {
  it('decides short ambiguous text by country, either way', () => {
    expect(identifyLanguage('Cancelar compra', { country: 'BR' }).language).toBe('pt');
    expect(identifyLanguage('Cancelar compra', { country: 'MX' }).language).toBe('es');
    expect(identifyLanguage('Película de vidro trincada', { country: 'BR' }).language).toBe('pt');
    expect(identifyLanguage('Best headphones 2026?', { country: 'US' }).language).toBe('en');
    expect(identifyLanguage('Talla equivocada', { hint: 'ca-ES' }).language).toBe('ca');
    expect(identifyLanguage('Talla equivocada', { country: 'ES' }).language).toBe('es');
  });

  it('does not let the prior override a long clear message', () => {
    const es = identifyLanguage(
      'Hola, compré unos auriculares la semana pasada y todavía no me ha llegado el pedido. ¿Podrían decirme dónde está el paquete y cuándo va a llegar?',
      { country: 'BR', hint: 'pt-BR' },
    );
    expect(es.language).toBe('es');
    expect(es.confidence).toBeGreaterThan(0.99);
    expect(identifyLanguage('Where is my order? It was supposed to arrive yesterday.', { country: 'DE', hint: 'de-DE' }).language).toBe('en');
  });

  it('accepts an explicit prior and honours the candidate list', () => {
    expect(identifyLanguage('Cancelar compra', { prior: new Map([['pt', 1]]) }).language).toBe('pt');
    expect(identifyLanguage('Cancelar compra', { country: 'BR', languages: ['es', 'gl'] }).language).not.toBe('pt');
  });

  it('weighs kanji-only turns between zh and ja', () => {
    const plain = identifyLanguage('了解');
    expect(plain.language).toBe('zh');
    expect(plain.confidence).toBeLessThan(0.8);
    expect(identifyLanguage('了解', { country: 'JP' }).language).toBe('ja');
    expect(identifyLanguage('了解', { country: 'CN' }).language).toBe('zh');
    const sentence = identifyLanguage('你好，我上周买的耳机到现在还没有收到，请帮我查一下物流。', { country: 'JP', hint: 'ja-JP' });
    expect(sentence.language).toBe('zh');
    expect(sentence.confidence).toBeGreaterThan(0.99);
    expect(identifyLanguage('荷物はまだ届きません', { country: 'CN' })).toMatchObject({ language: 'ja', confidence: 1 });
    expect(identifyLanguage('了解', { country: 'JP', languages: ['zh', 'en'] }).language).toBe('zh');
  });
});

describe('conversation prior', () => {
  const conv = (customer: Record<string, string>, texts: string[]) =>
    ConversationSchema.parse({
      id: 'p',
      customer,
      messages: texts.flatMap((text, i) => [
        { role: 'customer', text, at: `2026-03-02T10:${String(2 * i).padStart(2, '0')}:00Z` },
        { role: 'agent', text: 'Olá! Vou verificar agora mesmo.', at: `2026-03-02T10:${String(2 * i + 1).padStart(2, '0')}:00Z` },
      ]),
    });

  it("applies the customer prior to customer and agent turns (agents answer in the customer's language), not to system notes", () => {
    const r = identifyConversationLanguages(conv({ country: 'BR' }, ['Cancelar compra']));
    expect(r.byRole.customer).toBe('pt');
    expect(r.messages[0]!.confidence).toBeLessThan(0.99);
    const at = '2026-03-02T10:00:00Z';
    const one = (role: 'agent' | 'system') =>
      identifyConversationLanguages(ConversationSchema.parse({ id: 'a', customer: { country: 'MX' }, messages: [{ role, text: 'Cancelar compra', at }] }))
        .messages[0]!.language;
    expect(one('agent')).toBe('es');
    expect(one('system')).not.toBe('es');
  });

  it('pools a speaker’s turns so a bare "ok" follows the speaker', () => {
    const r = identifyConversationLanguages(conv({ country: 'IT' }, ['Ciao, grazie mille', 'ok']));
    expect(r.messages[2]!.language).toBe('it');
    expect(r.byRole.customer).toBe('it');
  });

  it('keeps each clear message of a speaker who switches languages (the profile is a bounded prior, not evidence)', () => {
    const texts = [
      'Where is my order? It should have arrived yesterday.',
      'Wo ist meine Bestellung?',
      '¿Dónde está mi pedido?',
      'Le colis est arrivé cassé.',
      'I want a refund please.',
    ];
    const r = identifyConversationLanguages(conv({ country: 'GB' }, [...texts, ...texts]));
    const customerTurns = r.messages.filter((_, i) => i % 2 === 0).map((g) => g.language);
    expect(customerTurns).toEqual(['en', 'de', 'es', 'fr', 'en', 'en', 'de', 'es', 'fr', 'en']);
  });

  it('can be turned off with priorFloor 1', () => {
    const on = identifyConversationLanguages(conv({ country: 'BR' }, ['Cancelar compra']));
    const off = identifyConversationLanguages(conv({ country: 'BR' }, ['Cancelar compra']), { priorFloor: 1 });
    expect(on.messages[0]!.confidence).not.toBeCloseTo(off.messages[0]!.confidence, 3);
  });
});

describe('langidText', () => {
  // The plain regular-expression definition; the ASCII fast path must give the same text.
  const reference = (text: string) => {
    const t = text
      .slice(0, 2000)
      .normalize('NFKC')
      .toLowerCase()
      .replace(/https?:\/\/\S+|www\.\S+|[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+|(?<![\p{Script=Latin}\p{N}])@\w+/gu, ' ')
      .replace(/[\p{P}\p{S}\p{N}\p{C}]+/gu, ' ')
      .replace(/\s+/gu, ' ')
      .trim();
    const kept = t
      .split(' ')
      .filter((w) => w !== 'ok' && w !== 'okay')
      .join(' ');
    return kept ? ` ${kept} ` : '';
  };

  it('matches the regular-expression definition on any text (ASCII fast path included)', () => {
    const pieces = fc.constantFrom(
      'ok',
      'OK',
      'okay',
      'Okay',
      'www.x.de',
      'http://a.b/c',
      '@user',
      'ana@mail.pt',
      'c@r',
      '@',
      'hello',
      'Grüße',
      'Ｈｅｌｌｏ',
      '2026',
      '_',
      '-',
      ' ',
      '\t',
      '\n',
      '!?',
      'é',
      '手机',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(pieces, fc.string({ maxLength: 6 })), { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        expect(langidText(text)).toBe(reference(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('drops links, e-mail addresses and @handles, but an @ inside a word only separates letters', () => {
    expect(langidText('@amazon_help danke')).toBe(' danke ');
    expect(langidText('schreib an ana.silva@mail.de bitte')).toBe(' schreib an bitte ');
    expect(langidText('Vai pro c@ralho')).toBe(' vai pro c ralho ');
    expect(langidText('du bist sch@isse')).toBe(' du bist sch isse ');
    expect(langidText('回复@abc123 好的')).toBe(' 回复 好的 ');
  });

  it('drops the chat words ok/okay and keeps words that contain them', () => {
    expect(langidText('OK, grazie!')).toBe(' grazie ');
    expect(langidText('okay ok thanks')).toBe(' thanks ');
    expect(langidText('Book a Bokeh lens')).toBe(' book a bokeh lens ');
  });
});

describe('identifyConversationLanguages: context and a speaker with one message', () => {
  const at = '2026-03-02T10:00:00Z';
  const parse = (messages: { role: 'customer' | 'agent'; text: string }[]) =>
    ConversationSchema.parse({ id: 'c', messages: messages.map((m) => ({ ...m, at })) });
  const english = [
    { role: 'customer' as const, text: 'Hello, my order arrived with a cracked screen and I would like a replacement please.' },
    { role: 'customer' as const, text: 'Can you send a new one?' },
  ];

  it('an agent whose only message is a bare word follows the other speakers, as a second message would follow its speaker', () => {
    const alone = identifyConversationLanguages(parse([{ role: 'agent', text: 'No.' }]));
    const withCustomer = identifyConversationLanguages(parse([...english, { role: 'agent', text: 'No.' }]));
    expect(withCustomer.messages[2]!.language).toBe('en');
    // the evidence of "No." alone is not English, so it is the other speakers that decide
    expect(alone.messages[0]!.language).not.toBe('en');
  });

  it('context messages are read for the profile and byRole but get no guess; cached evidence gives the same guesses', () => {
    const full = parse([...english, { role: 'agent', text: 'No.' }]);
    const context = full.messages.slice(0, 2);
    const window = { ...full, messages: full.messages.slice(2) };
    const evidenceCache = new WeakMap();
    const first = identifyConversationLanguages(window, { context, evidenceCache });
    expect(first.messages).toHaveLength(1);
    expect(first.messages[0]!.language).toBe('en');
    expect(first.byRole.customer).toBe('en');
    const withoutContext = identifyConversationLanguages(window);
    expect(withoutContext.byRole.customer).toBe('und');
    // a second call reads every message from the cache: same answer
    expect(identifyConversationLanguages(window, { context, evidenceCache })).toEqual(first);
    expect(identifyConversationLanguages(full).messages[2]).toEqual(first.messages[0]);
  });
});
