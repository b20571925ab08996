import { readdirSync, readFileSync } from 'node:fs';

/**
 * Every message of the verdict fixtures (`fixtures/verdicts/*.jsonl`: 206 conversations in nine
 * languages, written by someone who never saw the rules or models), with its conversation's
 * language, in file order: the texts the tests of the analyzers' fast paths compare on.
 */
export function verdictMessages(): { text: string; language: string }[] {
  const dir = new URL('../../../fixtures/verdicts/', import.meta.url);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .flatMap((f) =>
      readFileSync(new URL(f, dir), 'utf8')
        .split('\n')
        .filter((l) => l.trim())
        .flatMap((l) => {
          const c = JSON.parse(l) as { language: string; conversation: { messages: { text: string }[] } };
          return c.conversation.messages.map((m) => ({ text: m.text, language: c.language }));
        }),
    );
}

/** The verdict fixtures' conversations, as `inspect` takes them, in file order. */
export function verdictConversations(): unknown[] {
  const dir = new URL('../../../fixtures/verdicts/', import.meta.url);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .flatMap((f) =>
      readFileSync(new URL(f, dir), 'utf8')
        .split('\n')
        .filter((l) => l.trim())
        .map((l) => (JSON.parse(l) as { conversation: unknown }).conversation),
    );
}
