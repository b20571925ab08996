/** Deterministic synthetic conversations for benchmarks (seeded, no randomness between runs). */
import type { ConversationInput } from '@cxqa/core';

const PLACES = [
  ['US', 'America/New_York'],
  ['US', 'America/Los_Angeles'],
  ['DE', 'Europe/Berlin'],
  ['FR', 'Europe/Paris'],
  ['GB', 'Europe/London'],
  ['SG', 'Asia/Singapore'],
  ['ES', 'Europe/Madrid'],
  ['JP', 'Asia/Tokyo'],
  ['BR', 'America/Sao_Paulo'],
] as const;
const TYPES = [undefined, 'order_issue', 'return_exchange', 'quality_complaint', 'logistics', 'product_question', 'after_sales_followup'];
const TEXT = {
  customer: [
    'Where is my order?',
    'Wo ist meine Bestellung?',
    '¿Dónde está mi pedido?',
    'Le colis est arrivé cassé.',
    '荷物はまだ届きません。',
    'I want a refund please.',
  ],
  agent: [
    'Hello! Let me check that for you.',
    'Guten Tag, ich prüfe das sofort.',
    'Hola, lo reviso ahora mismo.',
    'Bonjour, je suis désolée.',
    'お問い合わせありがとうございます。',
    'I have issued the refund.',
  ],
};

/** A small seeded PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Conversation number `i` of a stream: `messages` alternating turns over a few minutes to days. */
export function syntheticConversation(i: number, messages = 20): ConversationInput {
  const r = rng(i + 1);
  const [country, timezone] = PLACES[i % PLACES.length]!;
  let t = Date.UTC(2026, 0, 1) + Math.floor(r() * 300) * 86_400_000 + Math.floor(r() * 86_400) * 1000;
  const out: ConversationInput['messages'] = [];
  for (let k = 0; k < messages; k++) {
    const role = k % 2 === 0 ? 'customer' : r() < 0.1 ? 'bot' : 'agent';
    t += Math.floor(r() < 0.8 ? r() * 900 : r() * 86_400) * 1000;
    const pool = role === 'customer' ? TEXT.customer : TEXT.agent;
    out.push({ role, text: pool[(i + k) % pool.length]!, at: new Date(t).toISOString() });
  }
  const inquiryType = TYPES[i % TYPES.length];
  return { id: `bench-${i}`, customer: { country, timezone }, ...(inquiryType ? { inquiryType } : {}), resolved: i % 3 === 0, messages: out };
}

/** A lazy stream of `count` conversations. */
export function* syntheticStream(count: number, messages = 20): Generator<ConversationInput> {
  for (let i = 0; i < count; i++) yield syntheticConversation(i, messages);
}
