import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importConversations, maskFailure } from '@cxqa/cli';
import { describe, expect, it } from 'vitest';
import { run } from './run-cli.js';

const FIXTURES = join(import.meta.dirname, '..', '..', '..', 'fixtures', 'importers');
/** The first ticket of the Zendesk fixture export, a ticket that converts. */
const TICKET = JSON.parse(readFileSync(join(FIXTURES, 'zendesk', 'export.ndjson'), 'utf8').split('\n')[0]!) as Record<string, unknown>;
const PERSONAL_IDS = ['+1 415 555 0199', '4111111111111111', 'jane.doe@example.com'];
/** Pieces of the personal ids above that must never be readable in a failure. */
const LEAKS = ['415 555', '555 0199', '41111111', 'jane', 'example.com'];

/** stderr and the --errors JSONL of one `cxqa import` run over `text`. */
async function failures(vendor: string, text: string): Promise<{ code: number; err: string; jsonl: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'cxqa-import-failures-'));
  const plain = await run(['import', vendor, '-'], text);
  const errors = join(dir, 'e.jsonl');
  await run(['import', vendor, '-', '--out', join(dir, 'c.jsonl'), '--errors', errors], text);
  return { code: plain.code, err: plain.err, jsonl: readFileSync(errors, 'utf8') };
}

describe('cxqa import: failure records leak no personal data', () => {
  it('masks a personal id (phone, card, e-mail) on stderr and in --errors, for every vendor; a ticket number stays readable', async () => {
    for (const vendor of ['zendesk', 'gorgias', 'freshdesk', 'intercom']) {
      const lines = [...PERSONAL_IDS, '35436'].map((id) => JSON.stringify({ id, comments: [], messages: [], conversation_parts: {} }));
      const { code, err, jsonl } = await failures(vendor, `${lines.join('\n')}\n`);
      expect({ vendor, code }).toEqual({ vendor, code: 1 });
      for (const leak of LEAKS) {
        expect({ vendor, leak, err: err.includes(leak) }).toEqual({ vendor, leak, err: false });
        expect({ vendor, leak, jsonl: jsonl.includes(leak) }).toEqual({ vendor, leak, jsonl: false });
      }
      const ids = jsonl
        .trim()
        .split('\n')
        .map((l) => (JSON.parse(l) as { id?: string }).id);
      expect(ids).toEqual(['+• ••• ••• ••99', '••••••••••••1111', 'j•••@•••.com', '35436']);
      expect(err).toContain('(line 4, id 35436)');
    }
  });

  it('masks a quoted bad value whole before shortening it: no cut e-mail, no card tail', async () => {
    const comment = (created_at: string) => ({ ...(TICKET.comments as Record<string, unknown>[])[0], created_at });
    const lines = [
      { ...TICKET, id: 1, comments: [comment('call me at +1 415 555 0199 or jane.doe@example.com')] },
      { ...TICKET, id: 2, comments: [comment('my card number, for the refund: 4111 1111 1111 1111 thanks')] },
    ].map((t) => JSON.stringify(t));
    const { err, jsonl } = await failures('zendesk', `${lines.join('\n')}\n`);
    const messages = jsonl
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as { message: string }).message)
      .join('\n');
    for (const out of [err, messages]) {
      for (const leak of ['jane', '0199', '4111', '1111 11']) expect({ leak, found: out.includes(leak) }).toEqual({ leak, found: false });
      expect(out).toContain('got "call me at +• ••• ••• ••99 or j•••@•••.c…"');
      expect(out).toMatch(/got "my card number, for the refund: ••••[ •]*…"/);
    }
  });

  it('masks a street address used as ticket id, and names no id inside a message', async () => {
    const lines = ['12 Elm Street', 'Elm Street 12, 10115 Berlin'].map((id) => JSON.stringify({ id, comments: [] }));
    const { err, jsonl } = await failures('zendesk', `${lines.join('\n')}\n`);
    expect(err).toContain('no_messages at $.comments: the ticket has no comments');
    for (const out of [err, jsonl]) expect(out).not.toContain('Elm');
  });

  it('maskFailure masks every string of a failure, and is idempotent', () => {
    const f = {
      record: 1,
      where: 'line 1',
      id: 'jane.doe@example.com',
      code: 'invalid_field' as const,
      path: '$["jane.doe@example.com"]',
      message: 'got "12 Elm Street"',
    };
    const masked = maskFailure(f);
    expect(JSON.stringify(masked)).not.toMatch(/jane|Elm/);
    expect(maskFailure(masked)).toEqual(masked);
  });
});

describe('cxqa import: a bad Unix time is named as the time it is, not masked as a phone', () => {
  const INTERCOM = (JSON.parse(readFileSync(join(FIXTURES, 'intercom', 'conversations.json'), 'utf8')) as Record<string, unknown>[])[0]!;
  it.each([
    [1_772_443_920_123, 'a time in milliseconds (2026-03-02T09:32:00.123Z): divide by 1,000'],
    [1_772_443_920_123_456, 'a time in microseconds (2026-03-02T09:32:00.123Z): divide by 1,000,000'],
    [1_772_443_920.5, '2026-03-02T09:32:00.500Z with a fraction of a second (whole seconds expected)'],
    [-1_772_443_920, 'a negative number (before 1970)'],
    [1e30, 'a number of 31 digits, past 9999 even as nanoseconds'],
  ])('created_at %d: "%s"', async (created_at, said) => {
    const { code, err, jsonl } = await failures('intercom', `${JSON.stringify({ ...INTERCOM, created_at })}\n`);
    expect(code).toBe(1);
    const message = (JSON.parse(jsonl) as { message: string }).message;
    expect(message).toBe(`expected a Unix time in seconds, got ${said}`);
    expect(err).toContain(message);
    expect(err).not.toContain('•');
  });
});

describe('cxqa import: ids beyond 2^53 and data after the array', () => {
  it('keeps every digit of a 20-digit ticket and requester id: two tickets stay two', async () => {
    const text = [1, 2].map((n) =>
      JSON.stringify({ ...TICKET, id: 0, requester_id: 0 })
        .replace('"id":0', `"id":1234567890123456789${n}`)
        .replace('"requester_id":0', `"requester_id":9876543210987654321${n}`),
    );
    for (const input of [`${text.join('\n')}\n`, `[${text.join(',')}]`, `{\n"tickets": [${text.join(',')}]\n}`]) {
      const ids: string[] = [];
      const customers: unknown[] = [];
      for await (const outcome of importConversations('zendesk', [input])) {
        if (!('conversation' in outcome)) throw new Error(`not converted: ${JSON.stringify(outcome)}`);
        ids.push(outcome.conversation.id);
        customers.push(outcome.conversation.customer?.id);
      }
      expect(ids).toEqual(['12345678901234567891', '12345678901234567892']);
      expect(customers).toEqual(['98765432109876543211', '98765432109876543212']);
    }
  });

  it('fails an id that already lost its digits (a number beyond 2^53 handed to convert) with invalid_field', async () => {
    const { IMPORTERS, ImportError } = await import('@cxqa/cli');
    const error = await IMPORTERS.zendesk.convert({ ...TICKET, id: 2 ** 64 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect(error).toMatchObject({ code: 'invalid_field', path: '$.id' });
  });

  it('reports data after a complete JSON array as one file-level error after the records, not as a record', async () => {
    const ticket = JSON.stringify(TICKET);
    const { code, err, jsonl } = await failures('zendesk', `[${ticket},${JSON.stringify({ ...TICKET, id: 2 })}]]]`);
    expect(code).toBe(1);
    expect(err).toMatch(/^cxqa import: file \(after \$\[1\]\): invalid_json at \$: data after the end of the JSON array is not read: /);
    expect(err).toContain('zendesk: 2 records: 2 conversations, 0 failed; 2 internal notes kept in metadata; the file has data after its last record\n');
    expect(
      jsonl
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l)),
    ).toEqual([{ where: 'after $[1]', code: 'invalid_json', path: '$', message: expect.stringMatching(/^data after the end of the JSON array/) }]);
  });
});
