import { describe, expect, it } from 'vitest';
import { createInspector } from '../../index.js';

/** Codes the courtesy analyzer raises on the agent's reply after one customer message. */
async function codesAfter(customer: string, agent: string, country: string) {
  const r = await createInspector().inspect({
    id: 'c',
    customer: { country },
    messages: [
      { role: 'customer', text: customer, at: '2026-03-03T10:00:00Z' },
      { role: 'agent', text: agent, at: '2026-03-03T10:01:00Z' },
    ],
  });
  return r.findings.filter((f) => f.messageIndex === 1 && f.analyzer === 'courtesy').map((f) => f.code);
}

describe('a complaint needs more than exclamation marks', () => {
  // "!!" / "！！" mark an upset customer only when the message does not read positive (decision 147)
  const delighted: [string, string, string, string][] = [
    ['zh', 'CN', '收到啦！！包装好用心，还送了小发圈，爱了爱了😍', '呵呵 亲喜欢就好'],
    ['en', 'US', 'Got it today!! Love it, thank you so much!!', 'Great. Enjoy it.'],
    ['de', 'DE', 'Heute angekommen!! Super schön, vielen Dank!!', 'Gern. Viel Freude damit.'],
    ['ja', 'JP', '届きました！！すごく可愛いです、ありがとうございます！！', '了解です。'],
  ];
  for (const [language, country, customer, agent] of delighted)
    it(`${language}: a delighted customer is no complaint`, async () => {
      const codes = await codesAfter(customer, agent, country);
      expect(codes).not.toContain('politeness.no_acknowledgement');
      expect(codes).not.toContain('politeness.sarcastic');
    });

  it('congratulating a delighted customer is no irony (en de pt, where "!!" made a complaint and "Wow," / "Bravo," / "Parabéns!" a critical sarcasm)', async () => {
    for (const [country, customer, agent] of [
      ['US', 'It arrived!! My daughter loves it', 'Wow, congratulations! Enjoy it.'],
      ['DE', 'Angekommen!! Meine Tochter liebt es', 'Bravo, das freut uns! Viel Spaß damit.'],
      ['BR', 'Consegui montar o guarda-roupa sozinha seguindo o manual!! super fácil', 'Parabéns! Ficou lindo, aproveite.'],
    ] as const)
      expect(await codesAfter(customer, agent, country)).not.toContain('politeness.sarcastic');
  });

  it('an angry customer with exclamation marks still is one', async () => {
    expect(await codesAfter('还没到！！到底什么时候发货', '呵呵', 'CN')).toContain('politeness.sarcastic');
    expect(await codesAfter('Where is my order!! Three weeks now!!', 'Check the tracking page.', 'US')).toContain('politeness.no_acknowledgement');
  });
});
