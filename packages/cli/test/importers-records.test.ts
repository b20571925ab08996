import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ExportRecord, type FileFault, importConversations, readExportRecords } from '@cxqa/cli';
import { describe, expect, it } from 'vitest';
import { run } from './run-cli.js';

const FIXTURES = join(import.meta.dirname, '..', '..', '..', 'fixtures', 'importers');
const KEYS = ['tickets'];

async function records(chunks: (string | Buffer)[], keys = KEYS): Promise<(ExportRecord | FileFault)[]> {
  const out: (ExportRecord | FileFault)[] = [];
  for await (const r of readExportRecords(chunks, keys)) out.push(r);
  return out;
}
const summary = (rs: (ExportRecord | FileFault)[]) =>
  rs.map((r) => ('fileError' in r ? ['file', r.where, r.fileError.code] : 'value' in r ? [r.index, r.where, r.value.id] : [r.index, r.where, r.error.code]));
/** Split text into chunks of `size` bytes (cutting through characters and tokens). */
const chunked = (text: string | Buffer, size: number): Buffer[] => {
  const bytes = Buffer.from(text);
  const out: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) out.push(bytes.subarray(i, i + size));
  return out;
};

describe('readExportRecords: layouts', () => {
  it('reads a JSON array element by element, whatever the chunk boundaries', async () => {
    const text = JSON.stringify([{ id: 1, t: 'ä€😀' }, { id: 2 }, { id: 3, nested: [{ id: 9 }] }], null, 2);
    for (const size of [1, 7, 64, 1 << 16])
      expect(summary(await records(chunked(text, size)))).toEqual([
        [1, '$[0]', 1],
        [2, '$[1]', 2],
        [3, '$[2]', 3],
      ]);
    const [first] = await records(chunked(text, 3));
    expect(first && 'value' in first && first.value.t).toBe('ä€😀');
  });

  it('yields an array element before the rest of the file has arrived (streaming)', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    async function* source() {
      yield '[{"id": 1},';
      await gate;
      yield '{"id": 2}]';
    }
    const it = readExportRecords(source(), KEYS)[Symbol.asyncIterator]();
    const first = await it.next();
    expect(first.value).toMatchObject({ index: 1, value: { id: 1 } });
    release();
    expect((await it.next()).value).toMatchObject({ index: 2, value: { id: 2 } });
    expect((await it.next()).done).toBe(true);
  });

  it('reads NDJSON line by line and expands API list pages, one per line', async () => {
    const text = `${JSON.stringify({ id: 1 })}\n\n${JSON.stringify({ tickets: [{ id: 2 }, { id: 3 }], next_page: null })}\r\n${JSON.stringify({ id: 4 })}`;
    expect(summary(await records(chunked(text, 5)))).toEqual([
      [1, 'line 1', 1],
      [2, 'line 3 $.tickets[0]', 2],
      [3, 'line 3 $.tickets[1]', 3],
      [4, 'line 4', 4],
    ]);
  });

  it('reads one pretty-printed API response: a list page is expanded, any other object is one record', async () => {
    const page = JSON.stringify({ tickets: [{ id: 1 }, { id: 2 }], count: 2 }, null, 2);
    expect(summary(await records([page]))).toEqual([
      [1, '$.tickets[0]', 1],
      [2, '$.tickets[1]', 2],
    ]);
    expect(summary(await records([JSON.stringify({ id: 7, tickets: [] }, null, 2)]))).toEqual([[1, '$', 7]]);
  });

  it('drops byte order marks and reads UTF-16 NDJSON', async () => {
    expect(summary(await records([`\uFEFF[{"id": 1}]`]))).toEqual([[1, '$[0]', 1]]);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"id": 1}\n{"id": 2}\n', 'utf16le')]);
    expect(summary(await records(chunked(utf16, 3)))).toEqual([
      [1, 'line 1', 1],
      [2, 'line 2', 2],
    ]);
  });

  it('an empty or blank file has no records', async () => {
    expect(await records([])).toEqual([]);
    expect(await records(['  \n\n'])).toEqual([]);
  });
});

describe('readExportRecords: broken input is one error record, never a silent gap', () => {
  it('a broken NDJSON line is one error and reading goes on', async () => {
    expect(summary(await records(['{"id": 1}\n{"id": 2,\n[1, 2]\n42\n{"id": 5}\n']))).toEqual([
      [1, 'line 1', 1],
      [2, 'line 2', 'invalid_json'],
      [3, 'line 3 $[0]', 'unknown_shape'],
      [4, 'line 3 $[1]', 'unknown_shape'],
      [5, 'line 4', 'unknown_shape'],
      [6, 'line 5', 5],
    ]);
  });

  it('a JSON array that breaks keeps what came before and ends with one error naming the element', async () => {
    const broken = await records(chunked('[{"id": 1}, {"id": 2}, {"id": 3 "x": 1}, {"id": 4}]', 4));
    expect(summary(broken)).toEqual([
      [1, '$[0]', 1],
      [2, '$[1]', 2],
      [3, '$[2]', 'invalid_json'],
    ]);
    expect(summary(await records(['[{"id": 1}, {"id": 2']))).toEqual([
      [1, '$[0]', 1],
      [2, '$[1]', 'invalid_json'],
    ]);
    const cut = await records(['[{"id": 1}, {"id": 2']);
    expect(cut[1] && 'error' in cut[1] && cut[1].error.message).toMatch(/not closed/);
    const after = await records(['[{"id": 1}]', ' {"id": 2}']);
    expect(summary(after)).toEqual([
      [1, '$[0]', 1],
      ['file', 'after $[0]', 'invalid_json'],
    ]);
  });

  it('a pretty-printed object that is not JSON is one error', async () => {
    expect(summary(await records(['{\n  "id": 1,\n  "x": \n}']))).toEqual([[1, '$', 'invalid_json']]);
  });

  it('every record of a large mixed export gives exactly one outcome, in order', async () => {
    const ticket = JSON.parse(readFileSync(join(FIXTURES, 'zendesk', 'export.ndjson'), 'utf8').split('\n')[0]!);
    const lines: string[] = [];
    for (let i = 1; i <= 3000; i++) {
      if (i % 7 === 0) lines.push('{"id": broken');
      else if (i % 11 === 0) lines.push(JSON.stringify({ ...ticket, id: i, comments: undefined }));
      else lines.push(JSON.stringify({ ...ticket, id: i }));
    }
    const seen: number[] = [];
    let converted = 0;
    for await (const outcome of importConversations('zendesk', chunked(lines.join('\n'), 4096))) {
      if ('fileFailure' in outcome) throw new Error(`unexpected file failure ${outcome.fileFailure.message}`);
      seen.push(outcome.record);
      if ('conversation' in outcome) {
        converted++;
        expect(outcome.conversation.id).toBe(String(outcome.record));
      } else expect(outcome.failure.code).toBe(outcome.record % 7 === 0 ? 'invalid_json' : 'unknown_shape');
    }
    expect(seen).toEqual(Array.from({ length: 3000 }, (_, i) => i + 1));
    const failing = Array.from({ length: 3000 }, (_, i) => i + 1).filter((i) => i % 7 === 0 || i % 11 === 0).length;
    expect(converted).toBe(3000 - failing);
  });
});

describe('cxqa import on the command line', () => {
  const zendesk = join(FIXTURES, 'zendesk', 'broken.ndjson');

  it('writes conversations to --out and failures to --errors as JSONL; exit 1 when a record failed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cxqa-import-'));
    const r = await run(['import', 'zendesk', zendesk, '--out', join(dir, 'c.jsonl'), '--errors', join(dir, 'e.jsonl')]);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toBe('zendesk: 5 records: 1 conversation, 4 failed; 0 internal notes kept in metadata\n');
    expect(readFileSync(join(dir, 'c.jsonl'), 'utf8')).toBe(readFileSync(join(FIXTURES, 'zendesk', 'broken.expected.jsonl'), 'utf8'));
    expect(readFileSync(join(dir, 'e.jsonl'), 'utf8')).toBe(readFileSync(join(FIXTURES, 'zendesk', 'broken.errors.jsonl'), 'utf8'));
  });

  it('reads stdin with "-" and exits 0 when every record converted', async () => {
    const text = readFileSync(join(FIXTURES, 'gorgias', 'tickets.ndjson'), 'utf8');
    const r = await run(['import', 'gorgias', '-'], text);
    expect(r.code).toBe(0);
    expect(r.out).toBe(readFileSync(join(FIXTURES, 'gorgias', 'tickets.expected.jsonl'), 'utf8'));
  });

  it('masks personal data quoted in a failure message, not the ids and paths', async () => {
    const line = JSON.stringify({ id: 5551234567, requester_id: 1, comments: [{ author_id: 1, public: true, body: 'x', created_at: 'call +49 30 1234567' }] });
    const r = await run(['import', 'zendesk', '-'], `${line}\n`);
    expect(r.err).toContain('record 1 (line 1, id 5551234567): invalid_field at $.comments[0].created_at: ');
    expect(r.err).not.toContain('1234567"');
  });

  it('answers usage mistakes with exit 2 and one line', async () => {
    for (const [argv, message] of [
      [['import'], /expected a helpdesk, one of zendesk, intercom, freshdesk, gorgias/],
      [['import', 'helpscout', 'x.json'], /import helpscout: expected a helpdesk/],
      [['import', 'zendesk'], /exactly one FILE, got 0/],
      [['import', 'zendesk', 'a', 'b'], /exactly one FILE, got 2/],
      [['import', 'zendesk', '/nonexistent/export.ndjson'], /nonexistent/],
      [['import', 'zendesk', zendesk, '--out', '/nonexistent/dir/c.jsonl'], /--out .*does not exist/],
      [['import', 'zendesk', zendesk, '--bogus'], /bogus/],
    ] as const) {
      const r = await run([...argv]);
      expect({ argv, code: r.code }).toEqual({ argv, code: 2 });
      expect(r.err).toMatch(/^cxqa: [^\n]+\n$/);
      expect(r.err).toMatch(message);
    }
    const help = await run(['import', '--help']);
    expect([help.code, help.err]).toEqual([0, '']);
    for (const word of ['zendesk', 'intercom', 'freshdesk', 'gorgias', '--out', '--errors', 'internalNotes']) expect(help.out).toContain(word);
    expect((await run(['help', 'import'])).out).toBe(help.out);
  });
});
