import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const EXAMPLES = join(import.meta.dirname, '../../../examples/data/conversations.jsonl');

/** `n` conversations: the bundled examples (6 languages) repeated with distinct ids `ID~K`. */
export function exampleConversations(n: number): Record<string, unknown>[] {
  const base = readFileSync(EXAMPLES, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  return Array.from({ length: n }, (_, i) => ({ ...base[i % base.length]!, id: `${base[i % base.length]!.id}~${i}` }));
}
