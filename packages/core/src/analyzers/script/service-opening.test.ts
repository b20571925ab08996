import { describe, expect, it } from 'vitest';
import { createInspector, scriptAnalyzer } from '../../index.js';

const inspector = createInspector({ analyzers: [scriptAnalyzer()] });

/** Does a first reply count as a greeting? */
async function greets(customer: string, reply: string) {
  const r = await inspector.inspect({
    id: 'c',
    messages: [
      { role: 'customer', text: customer, at: '2026-03-03T10:00:00Z' },
      { role: 'agent', text: reply, at: '2026-03-03T10:01:00Z' },
    ],
  });
  return !r.findings.some((f) => f.code === 'script.missing_greeting');
}

describe('a standard service opening is a greeting (issue 11, decision 163)', () => {
  it.each([
    ['Where is my order?', 'Acme Support, how may I help you today?'],
    ['Where is my order?', 'Thanks for calling Acme. What can I do for you?'],
    ['我的订单到哪了？', 'XX旗舰店客服为您服务，请问有什么可以帮您？'],
    ['Wo ist meine Bestellung?', 'Kundenservice Müller, wie kann ich Ihnen helfen?'],
    ['Où est ma commande ?', 'Service client, comment puis-je vous aider ?'],
    ['¿Dónde está mi pedido?', 'Tienda Sol, ¿en qué le puedo ayudar?'],
    ['注文はどこですか？', 'いらっしゃいませ、どのようなご用件でしょうか。'],
  ])('"%s" → "%s"', async (customer, reply) => {
    expect(await greets(customer, reply)).toBe(true);
  });
  it('a reply that goes straight to business still is not', async () => {
    expect(await greets('Where is my order?', 'Your order ships tomorrow.')).toBe(false);
    expect(await greets('我的订单到哪了？', '明天发货。')).toBe(false);
  });
});
