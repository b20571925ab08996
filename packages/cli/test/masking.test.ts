import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from './run-cli.js';

// Issue 12: personal data left the CLI unmasked through invalid results (V8's JSON parse error
// quotes the line), an id read from a truncated line, --format pretty and error messages.

const EMAIL = 'jane.doe77@gmail.com';
const PHONE = '+44 7700 900123';
const CARD = '4111 1111 1111 1111';
const IBAN = 'DE89 3704 0044 0532 0130 00';
const secrets = [EMAIL, 'jane.doe77', PHONE, '7700 900', CARD, '4111 1111 1111', IBAN, '3704 0044 0532'];

const msg = (role: string, text: string, minute: number) => ({ role, text, at: `2026-03-02T10:0${minute}:00Z` });
const lines = [
  // valid, with data in texts that findings quote
  JSON.stringify({
    id: 'ok-1',
    platform: 'amazon',
    customer: { country: 'GB' },
    messages: [
      msg('customer', `my card ${CARD} was charged twice, mail ${EMAIL}`, 0),
      msg('agent', `Please transfer to ${IBAN} directly or add me on whatsapp ${PHONE}`, 1),
    ],
  }),
  // an e-mail as the id
  JSON.stringify({ id: EMAIL, messages: [msg('customer', 'hi', 0), msg('agent', 'hello', 1)] }),
  // invalid: personal data where a timestamp belongs
  JSON.stringify({ id: 'bad-1', messages: [{ role: 'customer', text: 'hi', at: PHONE }] }),
  // truncated JSON: V8's parse error quotes the line; the id regex could pick up the e-mail
  `{"id": "${EMAIL}", "customer": {"email": "${EMAIL}", "phone": "${PHONE}", "card": "${CARD}"`,
  `{"customer": {"id": "${EMAIL}"}, "messages": [{"text": "${IBAN}`,
];

describe('the CLI never prints personal data', () => {
  for (const format of ['jsonl', 'pretty'] as const) {
    it(`in --format ${format}, on stdout and stderr, for valid and broken lines`, async () => {
      const { code, out, err } = await run(['inspect', '-', '--format', format], `${lines.join('\n')}\n`);
      expect(code).toBe(0);
      expect(out.split('\n').filter((l) => format === 'jsonl' && l.trim())).toHaveLength(format === 'jsonl' ? lines.length : 0);
      for (const s of secrets) {
        expect(out, `${s} on stdout`).not.toContain(s);
        expect(err, `${s} on stderr`).not.toContain(s);
      }
    });
  }

  it('in CSV input errors and in error messages', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cxqa-mask-'));
    const csv = join(dir, 'in.csv');
    writeFileSync(
      csv,
      `conversation_id,role,text,timestamp\nc1,customer,"call me ${PHONE},2026-03-02T10:00:00Z\nc2,agent,mail ${EMAIL},2026-03-02T10:01:00Z\n`,
    );
    const { out, err } = await run(['inspect', csv]);
    const bad = await run(['inspect', join(dir, `${EMAIL}.jsonl`)]);
    for (const s of secrets) {
      expect(out + err, s).not.toContain(s);
      expect(bad.err, s).not.toContain(s);
    }
  });
});

describe('a line that is not JSON', () => {
  it('takes its id only from the record itself, and reports the problem without quoting the line', async () => {
    const input = [
      '{"customer": {"id": "cust-778"}, "messages": [',
      '{"id": "c9", "note": "call Jane", "x": oops}',
      '{"id": "c10", "name": "Jane Example", "x": 1,}',
    ].join('\n');
    const { out } = await run(['inspect', '-'], `${input}\n`);
    const results = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { conversationId: string | null; issues: { message: string }[] });
    expect(results.map((r) => r.conversationId)).toEqual([null, 'c9', 'c10']);
    for (const r of results) expect(r.issues[0]!.message).not.toMatch(/Jane|cust-778|call/);
    expect(results[2]!.issues[0]!.message).toMatch(/line 3 is not valid JSON: .* at column \d+/);
  });
});
