import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Conversation, ConversationSchema } from '@cxqa/core';
import { describe, expect, it } from 'vitest';
import { run } from './run-cli.js';

const FIXTURES = join(import.meta.dirname, '..', '..', '..', 'fixtures', 'importers');
const CASES = [
  ['zendesk', 'export.ndjson'],
  ['zendesk', 'ticket-and-comments.json'],
  ['zendesk', 'broken.ndjson'],
  ['intercom', 'conversations.json'],
  ['intercom', 'list-page.json'],
  ['freshdesk', 'tickets.json'],
  ['gorgias', 'tickets.ndjson'],
] as const;

const lines = (text: string): string[] => text.split('\n').filter(Boolean);
const expected = (vendor: string, file: string, kind: 'expected' | 'errors'): string => {
  const path = join(FIXTURES, vendor, `${file.replace(/\.[a-z]+$/, '')}.${kind}.jsonl`);
  return existsSync(path) ? readFileSync(path, 'utf8') : '';
};

describe('cxqa import converts each fixture exactly', () => {
  for (const [vendor, file] of CASES) {
    it(`${vendor} ${file}`, async () => {
      const r = await run(['import', vendor, join(FIXTURES, vendor, file)]);
      const want = expected(vendor, file, 'expected');
      const wantErrors = lines(expected(vendor, file, 'errors')).map(
        (l) => JSON.parse(l) as { record: number; where: string; path: string; message: string; code: string },
      );
      expect(r.out).toBe(want);
      // every failure is one stderr line naming its record, place, code and path
      const errLines = lines(r.err).filter((l) => l.startsWith('cxqa import: '));
      expect(errLines).toHaveLength(wantErrors.length);
      wantErrors.forEach((e, i) => expect(errLines[i]).toContain(`record ${e.record} (${e.where}`));
      wantErrors.forEach((e, i) => expect(errLines[i]).toContain(`${e.code} at ${e.path}: `));
      expect(r.code).toBe(wantErrors.length ? 1 : 0);
      // one output record per input record: conversations + failures = records counted
      const total = Number(/(\d+) records?:/.exec(r.err)?.[1]);
      expect(lines(r.out).length + wantErrors.length).toBe(total);
      expect(new Set([...lines(r.out).map((l) => (JSON.parse(l) as { id: string }).id)]).size).toBe(lines(r.out).length);
      for (const line of lines(r.out)) expect(ConversationSchema.parse(JSON.parse(line))).toEqual(JSON.parse(line));
    });
  }
});

describe('the imported fixtures are real input for cxqa inspect', () => {
  it('every expected conversation inspects as ok, and internal notes never reach a result', async () => {
    for (const [vendor, file] of CASES) {
      const text = expected(vendor, file, 'expected');
      if (!text) continue;
      const r = await run(['inspect', '-', '--format', 'jsonl'], text);
      const results = lines(r.out).map((l) => JSON.parse(l) as { conversationId: string; status: string; metrics: Record<string, unknown> });
      const conversations = lines(text).map((l) => JSON.parse(l) as Conversation);
      expect(results.map((x) => [x.conversationId, x.status])).toEqual(conversations.map((c) => [c.id, 'ok']));
      results.forEach((x, i) => expect(x.metrics['conversation.messageCount']).toBe(conversations[i]!.messages.length));
      for (const c of conversations)
        for (const note of (c.metadata?.internalNotes ?? []) as { text: string }[]) expect(r.out).not.toContain(note.text.slice(0, 20));
    }
  });
});
