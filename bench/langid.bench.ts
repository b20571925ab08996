/**
 * Language ID on Tatoeba short sentences: cxqa vs franc vs ELD, accuracy and speed in one run;
 * then cxqa's conversation-level identification (customer prior and speaker profiles) on
 * generated 20-message conversations.
 */
import { ConversationSchema, identifyConversationLanguages, identifyLanguage } from '@cxqa/core';
import { loadTatoebaTestset, TATOEBA_LANGUAGES } from '@cxqa/eval';
import { syntheticConversation } from './generate.js';
import type { BenchRow } from './report.js';

const ISO3 = Object.keys(TATOEBA_LANGUAGES);
const ISO1 = Object.values(TATOEBA_LANGUAGES);

export async function benchLangid(corporaDir: string, log: (s: string) => void): Promise<BenchRow[]> {
  const rows = loadTatoebaTestset(corporaDir);
  if (!rows) {
    log('langid: corpus not found, skipped');
    return [];
  }
  // Peers are loaded only now, so their data does not weigh on the pipeline benchmark.
  const { eld } = await import('eld/large');
  const { franc } = await import('franc');
  eld.setLanguageSubset(ISO1);
  const subjects: [string, (t: string) => string][] = [
    ['cxqa', (t) => identifyLanguage(t, { languages: ISO1 }).language],
    ['franc', (t) => TATOEBA_LANGUAGES[franc(t, { only: ISO3, minLength: 1 })] ?? 'und'],
    ['eld', (t) => eld.detect(t).language || 'und'],
  ];
  const out: BenchRow[] = [];
  for (const [subject, detect] of subjects) {
    for (const r of rows.slice(0, 50)) detect(r.text); // warm-up
    const t0 = performance.now();
    let ok = 0;
    for (let rep = 0; rep < 3; rep++) for (const r of rows) if (detect(r.text) === r.language && rep === 0) ok++;
    const seconds = (performance.now() - t0) / 1000;
    out.push({ benchmark: 'langid.tatoeba', subject, metric: 'accuracy', value: Number((ok / rows.length).toFixed(4)) });
    out.push({ benchmark: 'langid.tatoeba', subject, metric: 'sentences_per_second', value: Math.round((3 * rows.length) / seconds), unit: 'sent/s' });
    log(`langid ${subject}: accuracy ${(ok / rows.length).toFixed(4)}`);
  }
  out.push(...conversationRows(log));
  return out;
}

/** identifyConversationLanguages on 2,000 generated conversations (customer country set), median of 5 passes. */
function conversationRows(log: (s: string) => void): BenchRow[] {
  const conversations = Array.from({ length: 2000 }, (_, i) => ConversationSchema.parse(syntheticConversation(i)));
  const messages = conversations.reduce((n, c) => n + c.messages.length, 0);
  for (const c of conversations.slice(0, 200)) identifyConversationLanguages(c); // warm-up
  const times: number[] = [];
  for (let rep = 0; rep < 5; rep++) {
    const t0 = performance.now();
    for (const c of conversations) identifyConversationLanguages(c);
    times.push((performance.now() - t0) / 1000);
  }
  const median = times.sort((a, b) => a - b)[2]!;
  log(`langid conversations: ${conversations.length} in ${median.toFixed(3)} s (median of 5)`);
  return [
    {
      benchmark: 'langid.conversation.20msg',
      subject: 'cxqa',
      metric: 'conversations_per_second',
      value: Math.round(conversations.length / median),
      unit: 'conv/s',
    },
    { benchmark: 'langid.conversation.20msg', subject: 'cxqa', metric: 'messages_per_second', value: Math.round(messages / median), unit: 'msg/s' },
  ];
}
