import type { ConversationInput } from '../pipeline/validate/conversation.js';

const at = (minutes: number) => new Date(Date.UTC(2026, 2, 2, 9, 0, 0) + minutes * 60_000).toISOString();

/** Conversations every analyzer must handle without throwing, logging or mutating input. */
export function conformanceSamples(): ConversationInput[] {
  const long = Array.from({ length: 1000 }, (_, i) => ({
    role: (i % 2 ? 'agent' : 'customer') as 'agent' | 'customer',
    text: i % 2 ? 'Thanks for waiting, I am checking your order.' : `Any news about order ${1000 + i}?`,
    at: at(i),
  }));
  return [
    { id: 'empty', messages: [] },
    { id: 'customer-only', customer: { country: 'US' }, messages: [{ role: 'customer', text: 'Hello?', at: at(0) }] },
    {
      id: 'simple',
      customer: { country: 'DE', timezone: 'Europe/Berlin', locale: 'de-DE' },
      inquiryType: 'logistics',
      resolved: true,
      messages: [
        { role: 'customer', text: 'Wo ist mein Paket? Bestellung 123-4567890-1234567', at: at(0) },
        { role: 'bot', text: 'Danke, ein Mitarbeiter meldet sich gleich.', at: at(0.1) },
        { role: 'agent', text: 'Guten Tag! Ihr Paket kommt morgen an.', at: at(7) },
        { role: 'customer', text: 'Danke!', at: at(8) },
      ],
    },
    {
      id: 'multilingual-odd-unicode',
      customer: { country: 'JP' },
      messages: [
        { role: 'customer', text: '荷物はまだ届いていません\u200b！！ ｶﾀｶﾅ 😡', at: at(0) },
        { role: 'agent', text: 'Ｄｅａｒ customer, 申し訳ございません。\u0000', at: at(3) },
        { role: 'customer', text: 'x\ud800y', at: at(5) },
      ],
    },
    {
      id: 'out-of-order',
      messages: [
        { role: 'agent', text: 'We shipped it.', at: at(10) },
        { role: 'customer', text: 'Where is it?', at: at(0) },
        { role: 'system', text: 'conversation closed', at: at(20) },
      ],
    },
    {
      id: 'large-message',
      messages: [
        { role: 'customer', text: 'a very long complaint. '.repeat(20_000), at: at(0) },
        { role: 'agent', text: 'Sorry!', at: at(1) },
      ],
    },
    { id: 'long', messages: long },
  ];
}
