import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { type Result, ResultSchema } from '@cxqa/core';
import { describe, expect, it } from 'vitest';
import { readLines } from '../src/input/lines.js';
import { run } from './run-cli.js';

const results = (jsonl: string) =>
  jsonl
    .trim()
    .split('\n')
    .map((l) => ResultSchema.parse(JSON.parse(l)) as Result);
const dir = mkdtempSync(join(tmpdir(), 'cxqa-input-'));
const file = (name: string, content: string | Buffer) => {
  writeFileSync(join(dir, name), content);
  return join(dir, name);
};
const conv = (id: string, text = 'Where is my order?') =>
  JSON.stringify({
    id,
    messages: [
      { role: 'customer', text, at: '2026-03-02T10:00:00Z' },
      { role: 'agent', text: 'Hi! It ships today.', at: '2026-03-02T10:02:00Z' },
    ],
  });
const csvRows = (id: string, text = 'Where is my order?') => [
  `${id},customer,"${text}",2026-03-02T10:00:00Z`,
  `${id},agent,Hi! It ships today.,2026-03-02T10:02:00Z`,
];
const HEADER = 'conversation_id,role,text,at';

/** UTF-16 bytes of `text` with its byte order mark. */
function utf16(text: string, endian: 'le' | 'be'): Buffer {
  const le = Buffer.from(`\uFEFF${text}`, 'utf16le');
  return endian === 'le' ? le : Buffer.from(le.map((_, i) => le[i ^ 1]!));
}

describe('CSV input: nothing lost', () => {
  it('a cell with an unclosed quote is one invalid result naming its line; every other conversation is still read', async () => {
    const lines = [
      HEADER,
      ...csvRows('A'),
      `B,customer,"Broken quote here,2026-03-02T10:00:00Z`,
      'B,agent,Sorry.,2026-03-02T10:05:00Z',
      ...csvRows('C', 'multi\nline, with ""quotes""'),
      ...csvRows('D'),
    ];
    const { code, out, err } = await run(['inspect', file('unclosed.csv', `${lines.join('\n')}\n`)]);
    expect(code).toBe(0);
    const rs = results(out);
    expect(rs.map((r) => [r.conversationId, r.status])).toEqual([
      ['A', 'ok'],
      ['B', 'invalid'],
      ['C', 'ok'],
      ['D', 'ok'],
    ]);
    expect(rs[1]!.issues).toHaveLength(1);
    expect(rs[1]!.issues[0]).toMatchObject({ code: 'invalid_csv', line: 4 });
    expect(rs[1]!.issues[0]!.message).toMatch(/^CSV line 4 could not be read: .*noticed on line 6/);
    expect(rs[2]!.metrics['conversation.messageCount']).toBe(2);
    expect(err).toContain('4 conversations: 3 ok, 0 partial, 1 invalid');
  });

  it('a quote never closed until the end of the file loses only its own record', async () => {
    const lines = [HEADER, ...csvRows('A'), 'B,customer,"never closed,2026-03-02T10:00:00Z', ...csvRows('C')];
    const rs = results((await run(['inspect', file('eof.csv', `${lines.join('\n')}\n`)])).out);
    expect(rs.map((r) => [r.conversationId, r.status])).toEqual([
      ['A', 'ok'],
      ['B', 'invalid'],
      ['C', 'ok'],
    ]);
    expect(rs[1]!.issues[0]!.line).toBe(4);
  });

  it('a row with the wrong number of fields, and a broken row without a readable id, are reported, in order', async () => {
    const lines = [HEADER, ...csvRows('A'), 'A,agent,one,too,many,2026-03-02T10:03:00Z', '"x"y,customer,hi,2026-03-02T10:00:00Z', ...csvRows('C')];
    const rs = results((await run(['inspect', file('fields.csv', `${lines.join('\n')}\n`)])).out);
    expect(rs.map((r) => r.status)).toEqual(['invalid', 'invalid', 'ok']);
    expect(rs[0]!.issues[0]).toMatchObject({ code: 'invalid_csv', line: 4, message: 'CSV line 4 has 6 fields, the header has 4' });
    expect(rs[1]!.issues[0]!.line).toBe(5);
  });
});

describe('input encodings', () => {
  const jsonl = [conv('e1', 'Où est ma commande ? 你好'), conv('e2')].join('\n');
  const csv = [HEADER, ...csvRows('e1', 'Où est ma commande ? 你好'), ...csvRows('e2')].join('\r\n');

  for (const [name, bytes] of [
    ['UTF-8', Buffer.from(jsonl)],
    [
      'UTF-8 with a BOM on every line',
      Buffer.from(
        jsonl
          .split('\n')
          .map((l) => `\uFEFF${l}`)
          .join('\n'),
      ),
    ],
    ['UTF-16 LE', utf16(jsonl, 'le')],
    ['UTF-16 BE', utf16(`${jsonl}\r\n`, 'be')],
  ] as const) {
    it(`JSONL in ${name}: one ok result per record, text decoded exactly`, async () => {
      const { code, out } = await run(['inspect', file(`${name}.jsonl`, bytes)]);
      expect(code).toBe(0);
      expect(results(out).map((r) => [r.conversationId, r.status])).toEqual([
        ['e1', 'ok'],
        ['e2', 'ok'],
      ]);
    });
  }

  for (const [name, bytes] of [
    ['UTF-16 LE', utf16(csv, 'le')],
    ['UTF-16 BE', utf16(`${csv}\r\n`, 'be')],
    ['UTF-8 with a BOM', Buffer.from(`\uFEFF${csv}`)],
  ] as const) {
    it(`CSV in ${name}: exactly the conversations in the file`, async () => {
      const rs = results((await run(['inspect', file(`${name}.csv`, bytes)])).out);
      expect(rs.map((r) => [r.conversationId, r.status])).toEqual([
        ['e1', 'ok'],
        ['e2', 'ok'],
      ]);
    });
  }

  it('Latin-1 bytes are an invalid record naming the line and the encoding, never U+FFFD', async () => {
    const latin1 = Buffer.concat([
      Buffer.from(`${conv('l1')}\n`),
      Buffer.from(`${conv('l2', 'Où est ma commande ?')}\n`, 'latin1'),
      Buffer.from(`${conv('l3')}\n`),
    ]);
    const { code, out } = await run(['inspect', file('latin1.jsonl', latin1)]);
    expect(code).toBe(0);
    const rs = results(out);
    expect(rs.map((r) => [r.conversationId, r.status])).toEqual([
      ['l1', 'ok'],
      ['l2', 'invalid'],
      ['l3', 'ok'],
    ]);
    expect(rs[1]!.issues[0]).toMatchObject({ code: 'invalid_encoding', line: 2 });
    expect(rs[1]!.issues[0]!.message).toMatch(/line 2 is not valid UTF-8 \(byte 0xF9 at byte \d+/);
    expect(out).not.toContain('\uFFFD');

    const csvLatin1 = Buffer.concat([
      Buffer.from(`${HEADER}\n${csvRows('A').join('\n')}\n`),
      Buffer.from(`${csvRows('B', 'Où?').join('\n')}\n`, 'latin1'),
      Buffer.from(`${csvRows('C').join('\n')}\n`),
    ]);
    const csvResults = results((await run(['inspect', file('latin1.csv', csvLatin1)])).out);
    expect(csvResults.map((r) => [r.conversationId, r.status])).toEqual([
      ['A', 'ok'],
      ['B', 'invalid'],
      ['C', 'ok'],
    ]);
    expect(csvResults[1]!.issues[0]).toMatchObject({ code: 'invalid_encoding', line: 4 });
  });

  it('readLines splits lines whatever the chunk boundaries', async () => {
    const bytes = utf16('a\r\nб\n\uFEFFc', 'le');
    const chunks = [...bytes].map((b) => Buffer.from([b]));
    const lines = [];
    for await (const l of readLines(Readable.from(chunks))) lines.push(l);
    expect(lines).toEqual([
      { line: 1, text: 'a' },
      { line: 2, text: 'б' },
      { line: 3, text: 'c' },
    ]);
  });
});

describe('parseCsvLines', () => {
  const lines = (text: string) => text.split('\n').map((t, i) => ({ line: i + 1, text: t }));

  it('gives the same records whatever its window, quoted newlines crossing window edges included', async () => {
    const { parseCsvLines } = await import('../src/input/csv-records.js');
    const text = [HEADER, 'A,customer,"one\ntwo\nthree",t', 'A,agent,"x ""y""",t', '', 'B,customer,"broken,t', 'B,agent,"four\nfive",t', 'C,agent,ok,t'].join(
      '\n',
    );
    const reference = parseCsvLines(lines(text), ',');
    expect(reference.map((r) => [r.line, r.cells?.[2] ?? r.problem!.slice(0, 30)])).toEqual([
      [1, 'text'],
      [2, 'one\ntwo\nthree'],
      [5, 'x "y"'],
      [7, 'CSV line 7 could not be read: '],
      [8, 'four\nfive'],
      [10, 'ok'],
    ]);
    for (const window of [1, 2, 3, 5]) expect(parseCsvLines(lines(text), ',', window)).toEqual(reference);
  });

  it('stays linear when every row is broken', async () => {
    const { parseCsvLines } = await import('../src/input/csv-records.js');
    const rows = Array.from({ length: 10_000 }, (_, i) => `c${i},customer,the 5" screen,t`);
    const started = performance.now();
    const records = parseCsvLines(lines([HEADER, ...rows].join('\n')), ',');
    expect(records).toHaveLength(10_001);
    expect(records.filter((r) => r.problem)).toHaveLength(10_000);
    expect(performance.now() - started).toBeLessThan(5_000); // re-reading the rest of the file after each error took minutes
  });
});
