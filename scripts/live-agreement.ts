/**
 * How well live events (`inspector.session`) agree with batch `inspect` on the real conversations
 * (satisfaction-stc3-dev zh + en, conv-abcd): every conversation replayed message by message, each
 * finding event looked up in the final Result (precision against batch), and every batch finding of
 * a live code looked up among the events (recall of batch). Prints JSON.
 *
 *   node --conditions=source --import tsx scripts/live-agreement.ts [CORPORA_DIR]
 */
import { createInspector, type Finding, LIVE_EVENT_CODES } from '@cxqa/core';
import { loadRealConversations } from '@cxqa/eval';

const convs = loadRealConversations(process.argv[2] ?? '../shared/corpora');
if (!convs.length) throw new Error('no real conversations found: pass the corpora folder');
const inspector = createInspector();
const key = (f: Pick<Finding, 'code' | 'messageIndex' | 'span' | 'rule'>) => `${f.code}@${f.messageIndex}@${f.span?.start ?? ''}@${f.rule?.id ?? ''}`;
const places = (f: Finding) => [
  key(f),
  ...((f.rule?.detail?.alsoAt ?? []) as { start?: number; end?: number; rule?: string | null }[]).map((a) =>
    key({ ...f, span: a.start === undefined ? undefined : { start: a.start, end: a.end ?? a.start }, rule: a.rule ? { ...f.rule!, id: a.rule } : undefined }),
  ),
];
let events = 0;
let eventsInBatch = 0;
let batchLive = 0;
let batchWithEvent = 0;
let messages = 0;
const started = performance.now();
for (const { conversation } of convs) {
  const { messages: list, ...header } = conversation as { id: string; messages: unknown[] };
  const session = inspector.session(header);
  const keys = new Set<string>();
  for (const m of list) for (const e of await session.add(m)) if (e.type === 'finding') keys.add(key(e.finding));
  messages += list.length;
  const final = await session.close();
  const batch = new Set(final.findings.flatMap(places));
  events += keys.size;
  for (const k of keys) if (batch.has(k)) eventsInBatch++;
  for (const f of final.findings) {
    if (!LIVE_EVENT_CODES.some((p) => f.code.startsWith(p)) || f.code === 'politeness.no_acknowledgement') continue;
    batchLive++;
    if (keys.has(key(f))) batchWithEvent++;
  }
}
const ms = performance.now() - started;
console.log(
  JSON.stringify(
    {
      conversations: convs.length,
      messages,
      events,
      precisionAgainstBatch: +(eventsInBatch / events).toFixed(4),
      recallOfBatch: +(batchWithEvent / batchLive).toFixed(4),
      msPerMessage: +(ms / messages).toFixed(2),
    },
    null,
    2,
  ),
);
