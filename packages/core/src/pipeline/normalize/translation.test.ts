import { createInspector, ResultSchema, type TranslateOptions, translatorFromFunction } from '@cxqa/core';
import { describe, expect, it } from 'vitest';

const at = (min: number) => `2026-03-02T10:0${min}:00Z`;
const mixed = {
  id: 'mixed-1',
  messages: [
    { role: 'customer', text: 'Hallo, wo ist meine Bestellung? Bitte rufen Sie mich an unter +49 170 1234567.', at: at(0) },
    { role: 'agent', text: 'Hello, I am checking your order right now.', at: at(1) },
    { role: 'customer', text: '我的包裹还没有到，请尽快处理。', at: at(2) },
    { role: 'customer', text: 'Vielen Dank für Ihre schnelle Hilfe heute.', at: at(3) },
  ],
};

describe('translations in the Result', () => {
  it('without a translator the Result has no translations and no translation metrics', async () => {
    const r = await createInspector().inspect(mixed);
    expect('translations' in r).toBe(false);
    expect(Object.keys(r.metrics).filter((k) => k.startsWith('translation.'))).toEqual([]);
  });

  it('calls the translator once per source language with `from`, records each translation masked, and counts a null slot as untranslated', async () => {
    const calls: { texts: readonly string[]; options: TranslateOptions }[] = [];
    const translator = translatorFromFunction('echo', async (texts, options) => {
      calls.push({ texts, options });
      // the German contact line comes back with the number in it; the Chinese one cannot be translated
      return texts.map((t) => (options.from === 'zh' ? null : `EN: ${t}`));
    });
    const r = await createInspector({ translation: { to: 'en', translator } }).inspect(mixed);
    expect(calls.map((c) => [c.options.from, c.options.to, c.texts.length]).sort()).toEqual([
      ['de', 'en', 2],
      ['zh', 'en', 1],
    ]);
    expect(r.translations).toHaveLength(2);
    expect(r.translations!.map((t) => [t.messageIndex, t.from, t.to])).toEqual([
      [0, 'de', 'en'],
      [3, 'de', 'en'],
    ]);
    expect(r.translations![0]!.text).not.toContain('1234567');
    expect(r.translations![0]!.text).toMatch(/^EN: Hallo, wo ist meine Bestellung\? .*67\.$/);
    expect(r.translations![1]!.text).toBe('EN: Vielen Dank für Ihre schnelle Hilfe heute.');
    expect(r.metrics).toMatchObject({ 'translation.translator': 'echo', 'translation.translated': 2, 'translation.untranslated': 1 });
    expect(r.status).toBe('ok');
    expect(ResultSchema.parse(r)).toEqual(r);
  });

  it('the findings of analyzers keep their spans in the original text when a translator is configured', async () => {
    const plain = await createInspector().inspect(mixed);
    const translated = await createInspector({
      translation: { to: 'en', translator: translatorFromFunction('x', async (t) => t.map((s) => `[${s}]`)) },
    }).inspect(mixed);
    expect(translated.findings).toEqual(plain.findings);
    for (const f of translated.findings.filter((f) => f.span && f.messageIndex !== undefined)) {
      expect(f.span!.end).toBeLessThanOrEqual(mixed.messages[f.messageIndex!]!.text.length);
    }
  });

  it('reads a result written before translations existed', () => {
    const old = {
      conversationId: 'c',
      status: 'ok',
      score: 90,
      pass: true,
      dimensions: [],
      findings: [],
      metrics: {},
      issues: [],
      review: { needed: false, reasons: [] },
      versions: { engine: '0.1.0', scorecard: 'default@1', analyzers: {} },
    };
    const parsed = ResultSchema.parse(old);
    // what it held is kept; the fields added since (schema 2: agentIds, customerKey, …) get their defaults
    expect(parsed).toMatchObject(old);
    expect(parsed.translations).toBeUndefined();
  });
});
