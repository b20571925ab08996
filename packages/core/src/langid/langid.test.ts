import { ConversationSchema, identifyConversationLanguages, identifyLanguage } from '@cxqa/core';
import { baseLanguage, scriptLanguage } from '@cxqa/core/langid';
import { describe, expect, it } from 'vitest';

describe('identifyLanguage', () => {
  it.each([
    ['Where is my order? It was supposed to arrive yesterday.', 'en'],
    ['Wo ist meine Bestellung? Sie sollte gestern ankommen.', 'de'],
    ['Où est ma commande ? Elle devait arriver hier.', 'fr'],
    ['¿Dónde está mi pedido? Debía llegar ayer.', 'es'],
    ['Onde está o meu pedido? Deveria ter chegado ontem.', 'pt'],
    ['Dov’è il mio ordine? Doveva arrivare ieri.', 'it'],
    ['On és la meva comanda? Havia d’arribar ahir.', 'ca'],
    ['我的订单在哪里？', 'zh'],
    ['注文した商品はいつ届きますか', 'ja'],
    ['주문한 상품이 아직 도착하지 않았어요', 'ko'],
    ['Где мой заказ?', 'ru'],
  ])('%s → %s', (text, lang) => {
    expect(identifyLanguage(text).language).toBe(lang);
  });

  it('lets a Chinese sentence with a Latin name stay Chinese, and an English one with a Chinese word stay English', () => {
    expect(scriptLanguage('Tom是我的朋友。')).toBe('zh');
    expect(scriptLanguage('I bought a 手机 yesterday from your store')).toBe('latin');
  });

  it('returns und for text without letters, and honours the candidate list', () => {
    expect(identifyLanguage('12345 !!! 😀').language).toBe('und');
    expect(identifyLanguage('我的订单', { languages: ['en', 'de'] }).language).toBe('und');
    const g = identifyLanguage('Obrigado pela ajuda', { languages: ['pt', 'es'] });
    expect(['pt', 'es']).toContain(g.language);
    expect(g.confidence).toBeGreaterThan(0.5);
  });

  it('uses a hint as a prior for ambiguous short text', () => {
    const withPt = identifyLanguage('ok', { languages: ['pt', 'es'], hint: 'pt-BR' });
    const withEs = identifyLanguage('ok', { languages: ['pt', 'es'], hint: 'es' });
    expect(withPt.language).toBe('pt');
    expect(withEs.language).toBe('es');
  });

  it('parses base languages of tags', () => {
    expect(baseLanguage('pt-BR')).toBe('pt');
    expect(baseLanguage('zh_Hant')).toBe('zh');
    expect(baseLanguage('not a tag!')).toBeUndefined();
  });
});

describe('identifyConversationLanguages', () => {
  const conv = (messages: { role: 'customer' | 'agent'; text: string; language?: string }[], locale?: string) =>
    ConversationSchema.parse({
      id: 'x',
      ...(locale ? { customer: { locale } } : {}),
      messages: messages.map((m, i) => ({ ...m, at: `2026-03-02T10:0${i}:00Z` })),
    });

  it('lets short replies inherit the speaker language', () => {
    const c = conv([
      { role: 'customer', text: 'Hola, mi pedido todavía no ha llegado y necesito el paquete para mañana.' },
      { role: 'agent', text: 'Hello, I am checking with the carrier right now.' },
      { role: 'customer', text: 'vale' },
    ]);
    const r = identifyConversationLanguages(c);
    expect(r.messages[2]!.language).toBe('es');
    expect(r.byRole).toMatchObject({ customer: 'es', agent: 'en' });
  });

  it('takes message.language as given and falls back to the locale for a silent customer', () => {
    const c = conv([{ role: 'agent', text: 'Bonjour !', language: 'fr-FR' }], 'de-AT');
    const r = identifyConversationLanguages(c);
    expect(r.messages[0]!.language).toBe('fr');
    expect(r.byRole.customer).toBe('de');
  });
});
