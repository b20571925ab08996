import { readdirSync, readFileSync } from 'node:fs';

interface VerdictLine {
  language: string;
  conversation: { messages: { text: string }[] };
}

/** Every line of `fixtures/verdicts/*.jsonl`, in file order. */
function verdictLines(): VerdictLine[] {
  const dir = new URL('../../../fixtures/verdicts/', import.meta.url);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .flatMap((f) =>
      readFileSync(new URL(f, dir), 'utf8')
        .split('\n')
        .filter((l) => l.trim())
        .map((l) => JSON.parse(l) as VerdictLine),
    );
}

/**
 * Every message of the verdict fixtures (`fixtures/verdicts/*.jsonl`: 206 conversations in nine
 * languages, written by someone who never saw the rules or models), with its conversation's
 * language, in file order: the texts the tests of the analyzers' fast paths compare on.
 */
export function verdictMessages(): { text: string; language: string }[] {
  return verdictLines().flatMap((c) => c.conversation.messages.map((m) => ({ text: m.text, language: c.language })));
}

/** The verdict fixtures' conversations, as `inspect` takes them, in file order. */
export function verdictConversations(): unknown[] {
  return verdictLines().map((c) => c.conversation);
}
