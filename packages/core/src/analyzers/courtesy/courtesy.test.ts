import { readFileSync } from 'node:fs';
import { type ConversationInput, courtesyAnalyzer, createInspector, isCxqaError, judgePoliteness } from '@cxqa/core';
import { createLinearClassifier, politenessStrategies, trainLogistic } from '@cxqa/core/models';
import { describe, expect, it } from 'vitest';
import { politenessFeatures } from './politeness/model.js';

const at = (minute: number) => new Date(Date.UTC(2026, 2, 2, 10, minute)).toISOString();
const conv = (turns: ['customer' | 'agent', string, number?][], country = 'US'): ConversationInput => ({
  id: 'c',
  customer: { country },
  messages: turns.map(([role, text, minute], i) => ({ role, text, at: at(minute ?? i) })),
});

describe('politeness strategies and model', () => {
  it('judgePoliteness finds the strategies once and gives the model the same probability as the features alone', () => {
    const model = createLinearClassifier(JSON.parse(readFileSync(new URL('../../../models/politeness-en.json', import.meta.url), 'utf8')), politenessFeatures);
    for (const text of ['Could you please check the tracking number? Thanks!', 'As I said, read the description.', 'ok ok ok', '']) {
      const judged = judgePoliteness(text);
      expect(judged.polite).toBe(model.predict(text).scores.polite);
      expect(judged.strategies.map((h) => h.strategy)).toEqual(politenessStrategies(text).map((h) => h.strategy));
    }
  });
  it('returns spans that point at the words, sentence-initial forms instead of general ones', () => {
    const text = 'Please fix it. Could you please also check? Thanks! Gracias.';
    const hits = politenessStrategies(text);
    for (const h of hits) expect(text.slice(h.start, h.end).length).toBeGreaterThan(0);
    const by = (s: string) => hits.filter((h) => h.strategy === s).map((h) => text.slice(h.start, h.end));
    expect(by('please_start')).toEqual(['Please']);
    expect(by('please')).toEqual(['please']);
    expect(by('counterfactual_modal')).toEqual(['Could you']);
    expect(by('gratitude')).toEqual(['Thanks', 'Gracias']);
  });

  it('scores a hedged, thankful request above a blunt demand and names the strategies', () => {
    const polite = judgePoliteness('Hi, could you please send the order number when you have a moment? Thanks a lot!');
    const rude = judgePoliteness('Why did you not read the listing? Send the order number now.');
    expect(polite.polite).toBeGreaterThan(0.5);
    expect(rude.polite).toBeLessThan(polite.polite);
    expect(polite.strategies.map((s) => s.strategy)).toEqual(expect.arrayContaining(['greeting', 'counterfactual_modal', 'gratitude']));
    expect(polite.strategies.find((s) => s.strategy === 'gratitude')!.weight).toBeGreaterThan(0);
  });

  it('trains a deterministic logistic model that separates toy data', () => {
    const rows = [
      ...Array.from({ length: 20 }, () => ({ features: ['w:thanks', 'w:please'], label: 1 as const })),
      ...Array.from({ length: 20 }, () => ({ features: ['w:now', 'w:why'], label: 0 as const })),
    ];
    const a = trainLogistic(rows, ['impolite', 'polite']);
    expect(trainLogistic(rows, ['impolite', 'polite'])).toEqual(a);
    const model = createLinearClassifier(a, (t) => t.split(' ').map((w) => `w:${w}`));
    expect(model.predict('thanks please').label).toBe('polite');
    expect(model.predict('why now').label).toBe('impolite');
  });
});

describe('courtesy analyzer', () => {
  it('uses a brand-edited phrasing file and rejects a broken one with the rule path', async () => {
    const phrasing = {
      version: 'brand-1',
      rules: [
        {
          id: 'brand.no_cheers',
          code: 'politeness.curt',
          severity: 'minor',
          languages: ['en'],
          pattern: '\\bcheers\\b',
          why: 'too casual for our brand',
          suggestion: 'write "Kind regards"',
        },
      ],
    };
    const inspector = createInspector({ analyzers: [courtesyAnalyzer({ phrasing })] });
    const reply = 'It ships today, cheers';
    const result = await inspector.inspect(
      conv([
        ['customer', 'Where is it?'],
        ['agent', reply],
      ]),
    );
    expect(result.findings.map((f) => f.rule?.id)).toEqual(['brand.no_cheers']);
    expect(result.findings[0]!.span).toEqual({ start: reply.indexOf('cheers'), end: reply.length });
    const broken = { ...phrasing, rules: [{ ...phrasing.rules[0], pattern: '(' }] };
    expect(() => courtesyAnalyzer({ phrasing: broken })).toThrow(/rules\.0\.pattern: invalid regex/);
    try {
      courtesyAnalyzer({ phrasing: { version: '1', rules: [{ ...phrasing.rules[0], code: 'oops' }] } });
    } catch (e) {
      expect(isCxqaError(e, 'invalid_config')).toBe(true);
      expect((e as { issues: { path: unknown[] }[] }).issues[0]!.path).toEqual(['rules', 0, 'code']);
    }
  });

  it('applies the market from the customer locale when no country is known', async () => {
    const inspector = createInspector({ analyzers: [courtesyAnalyzer()] });
    const input = {
      ...conv([
        ['customer', 'Wo ist mein Paket?'],
        ['agent', 'Dein Paket kommt morgen.'],
      ]),
      customer: { locale: 'de-AT' },
    };
    const result = await inspector.inspect(input);
    expect(result.findings.map((f) => f.code)).toEqual(['culture.informal_address']);
    expect(result.metrics['courtesy.marketLanguage']).toBe('de');
  });

  it("reads the French elided t' (t'inquiète, t'as) as the informal form, not \"aujourd'hui\"", async () => {
    const inspector = createInspector({ analyzers: [courtesyAnalyzer()] });
    const run = async (reply: string) =>
      (
        await inspector.inspect({
          ...conv([
            ['customer', 'Où est mon colis ?'],
            ['agent', reply],
          ]),
          customer: { country: 'FR' },
        })
      ).findings.map((f) => f.code);
    expect(await run("Salut, t'inquiète, il arrive. T'as juste à attendre.")).toContain('culture.informal_address');
    expect(await run("Bonjour, il arrive aujourd'hui, merci de votre patience.")).not.toContain('culture.informal_address');
  });
  it('reads a du / tu imperative with no pronoun as the informal form, not a formal imperative or a first person without ich (decision 179)', async () => {
    const inspector = createInspector({ analyzers: [courtesyAnalyzer()] });
    const run = async (country: string, customer: string, reply: string) => {
      const r = await inspector.inspect(
        conv(
          [
            ['customer', customer],
            ['agent', reply],
          ],
          country,
        ),
      );
      return r.findings.filter((f) => f.code === 'culture.informal_address').map((f) => f.evidence);
    };
    const de = 'Mein Pullover hat ein Loch, was kann ich tun?';
    expect(await run('DE', de, 'Schick uns einfach ein Foto.')).toEqual(['Schick uns']);
    expect(await run('DE', de, 'Gerne. Bitte schick mir die Bestellnummer.')).toEqual(['schick mir']);
    expect(await run('DE', de, 'Lies die Pflegehinweise, dann klären wir das.')).toEqual(['Lies']);
    // formal imperatives, and a first person with the "ich" left out, are no du
    expect(await run('DE', de, 'Schicken Sie uns bitte ein Foto.')).toEqual([]);
    expect(await run('DE', de, 'Schaue gleich nach und melde mich bei Ihnen.')).toEqual([]);
    expect(await run('DE', de, 'Schicke Ihnen gleich ein Etikett.')).toEqual([]);
    // a customer who wrote du first may be answered with du
    expect(await run('DE', 'Hey, kannst du mir sagen, wo mein Paket ist?', 'Klar! Schick mir einfach die Bestellnummer.')).toEqual([]);
    expect(await run('FR', 'Bonjour, mon colis n’est pas arrivé.', 'Envoie-nous le numéro de commande.')).toEqual(['Envoie-nous']);
    expect(await run('FR', 'Bonjour, mon colis n’est pas arrivé.', 'Envoyez-nous le numéro de commande.')).toEqual([]);
    // es and it expect no form by default: only a customer who writes formally is owed it
    expect(await run('ES', 'Buenas tardes, señorita. ¿Dónde está mi pedido?', '¡Hola! Mándanos el número de pedido.')).toEqual(['Mándanos']);
    expect(await run('ES', 'Buenas tardes, señorita. ¿Dónde está mi pedido?', 'Buenas tardes. Mándenos el número de pedido.')).toEqual([]);
    expect(await run('IT', 'Buongiorno, potrebbe dirmi quando arriva il mio ordine?', 'Ciao! Mandami il numero d’ordine.')).toEqual(['Mandami']);
    expect(await run('IT', 'Buongiorno, potrebbe dirmi quando arriva il mio ordine?', 'Buongiorno, ci mandi il numero d’ordine.')).toEqual([]);
  });
});
