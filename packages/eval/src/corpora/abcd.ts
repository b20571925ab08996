import { readCorpusFile } from './read.js';

export const ABCD_CORPUS = 'conv-abcd';

/**
 * The ABCD sample dialogues (`conv-abcd/abcd_sample.json`, MIT) as cxqa Conversations: agent and
 * customer turns keep their roles, `action` lines become `system` messages; the source has no
 * timestamps, so messages are stamped one minute apart from 2021-06-01T10:00Z. Ids are
 * `abcd-<convo_id>`. Null when the corpus is absent.
 */
export function loadAbcdConversations(corporaDir: string): { id: string; messages: { role: string; text: string; at: string }[] }[] | null {
  const text = readCorpusFile(`${corporaDir}/${ABCD_CORPUS}`, 'abcd_sample.json');
  if (!text) return null;
  const dialogues = JSON.parse(text) as { convo_id: number | string; original: [string, string][] }[];
  return dialogues.map((d) => ({
    id: `abcd-${d.convo_id}`,
    messages: d.original.map(([speaker, utterance], i) => ({
      role: speaker === 'agent' ? 'agent' : speaker === 'customer' ? 'customer' : 'system',
      text: utterance,
      at: new Date(Date.UTC(2021, 5, 1, 10, i)).toISOString(),
    })),
  }));
}
