import { lines, readCorpusFile } from './read.js';

export const STC3_CORPUS = 'satisfaction-stc3-dev';

/** Panel means (−2 … 2) of 19 raters for one thread: customer satisfaction, task accomplished, effectiveness. */
export interface Stc3Labels {
  S: number;
  A: number;
  E: number;
}

export interface Stc3Thread {
  id: string;
  /** The cxqa Conversation (unvalidated JSON). */
  conversation: { id: string; messages: { role: string; text: string }[] } & Record<string, unknown>;
  labels: Stc3Labels;
  /** `tune` or `report`: the half this thread belongs to (see `stc3Half`). */
  half: 'tune' | 'report';
}

/**
 * Which half of the development collection a thread belongs to, by its numeric id (the same in
 * the Chinese original and its English translation): `tune` rows may be read while designing the
 * scorecard; `report` rows are the ones whose figures are published. FNV-1a of the digits, mod 2.
 */
export function stc3Half(id: string): 'tune' | 'report' {
  const digits = id.replace(/\D/g, '');
  let h = 0x811c9dc5;
  for (let i = 0; i < digits.length; i++) {
    h ^= digits.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % 2 === 0 ? 'tune' : 'report';
}

/**
 * Which fold of the **tune** half a thread belongs to, by its numeric id (the same in both
 * languages): `A` is read while looking for kinds of error, `B` only measures whether a fix of
 * such a kind carries over (session 9, decisions 155–159). FNV-1a of `fold:` and the digits, mixed, mod 2
 * (independent of `stc3Half`, which is the parity of the digits). Defined for any id; only meaningful on the tune half.
 */
export function stc3TuneFold(id: string): 'A' | 'B' {
  const key = `fold:${id.replace(/\D/g, '')}`;
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  // FNV-1a's lowest bit is only the parity of the characters' lowest bits (the same for every
  // prefix), which is what `stc3Half` splits on: mix all bits down first (MurmurHash3's finalizer)
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) % 2 === 0 ? 'A' : 'B';
}

/**
 * Load `satisfaction-stc3-dev/stc3-<language>.jsonl` with its labels (`zh` or `en`), or null when
 * absent. Evaluation only: the texts may be measured and read, never shipped or trained on.
 */
export function loadStc3(corporaDir: string, language: 'zh' | 'en'): Stc3Thread[] | null {
  const dir = `${corporaDir}/${STC3_CORPUS}`;
  const text = readCorpusFile(dir, `stc3-${language}.jsonl`);
  const labelText = readCorpusFile(dir, `stc3-${language}.labels.jsonl`);
  if (!text || !labelText) return null;
  const labels = new Map<string, Stc3Labels>();
  for (const line of lines(labelText)) {
    const l = JSON.parse(line) as { id: string } & Stc3Labels;
    labels.set(l.id, { S: l.S, A: l.A, E: l.E });
  }
  const threads: Stc3Thread[] = [];
  for (const line of lines(text)) {
    const conversation = JSON.parse(line) as Stc3Thread['conversation'];
    const l = labels.get(conversation.id);
    if (l) threads.push({ id: conversation.id, conversation, labels: l, half: stc3Half(conversation.id) });
  }
  return threads;
}
