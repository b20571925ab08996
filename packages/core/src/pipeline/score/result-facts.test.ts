import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createInspector, RESULT_SCHEMA_VERSION, ResultSchema } from '@cxqa/core';
import { describe, expect, it } from 'vitest';

const base = {
  id: 'T-1',
  platform: 'shopify',
  channel: 'email',
  inquiryType: 'order_not_shipped',
  agentId: 'li.na',
  resolved: true,
  csat: 4,
  metadata: { converted: true },
  customer: { country: 'US', timezone: 'America/New_York', contact: 'Jane.Doe@example.com' },
  messages: [
    { role: 'agent', text: 'Hi! It ships today. Your card 4111 1111 1111 1111 is fine.', at: '2026-03-02T15:02:00Z', authorId: 'wang.wei' },
    { role: 'customer', text: 'Where is my order? Call me at +1 415 555 2671', at: '2026-03-02T10:00:00-05:00' },
    { role: 'agent', text: 'Sorry, you idiot.', at: '2026-03-02T10:30:00-05:00', authorId: 'li.na' },
  ],
};

describe('result fields for aggregation (schema 2)', () => {
  it('carry agents, start and end in UTC, platform, channel, inquiry type, outcome and the schema version', async () => {
    const r = await createInspector({ customerKeySalt: 's3cret' }).inspect(base);
    expect(r.schemaVersion).toBe(RESULT_SCHEMA_VERSION);
    expect(RESULT_SCHEMA_VERSION).toBe(2);
    expect(r.agentIds).toEqual(['li.na', 'wang.wei']);
    expect(r.startedAt).toBe('2026-03-02T15:00:00.000Z');
    expect(r.endedAt).toBe('2026-03-02T15:30:00.000Z');
    expect([r.platform, r.channel, r.inquiryType]).toEqual(['shopify', 'email', 'order_not_shipped']);
    expect([r.resolved, r.csat, r.converted]).toEqual([true, 4, true]);
    expect(ResultSchema.parse(r)).toEqual(r);
  });

  it('keys the customer by a salted hash of the contact, never the raw contact, the same for any case', async () => {
    const salted = await createInspector({ customerKeySalt: 's3cret' }).inspect(base);
    const expected = `h:${createHash('sha256').update('s3cret\u0000jane.doe@example.com').digest('hex').slice(0, 24)}`;
    expect(salted.customerKey).toBe(expected);
    expect(JSON.stringify(salted)).not.toMatch(/jane|doe@|example\.com/i);
    const upper = await createInspector({ customerKeySalt: 's3cret' }).inspect({ ...base, customer: { contact: ' JANE.DOE@EXAMPLE.COM ' } });
    expect(upper.customerKey).toBe(expected);
    const otherSalt = await createInspector({ customerKeySalt: 'other' }).inspect(base);
    expect(otherSalt.customerKey).not.toBe(expected);
    // no salt: a contact alone gives no key (an unsalted hash of an e-mail can be reversed by guessing)
    expect((await createInspector().inspect(base)).customerKey).toBeNull();
  });

  it('uses customer.id as the key, hashed when the id itself is personal data', async () => {
    const plain = await createInspector().inspect({ ...base, customer: { id: 'CUST-77', contact: 'jane@example.com' } });
    expect(plain.customerKey).toBe('CUST-77');
    const email = await createInspector({ customerKeySalt: 'k' }).inspect({ ...base, customer: { id: 'jane@example.com' } });
    expect(email.customerKey).toMatch(/^h:[0-9a-f]{24}$/);
    expect(JSON.stringify(email)).not.toContain('jane@');
  });

  it('gives every finding a stable id: the same across runs and inspectors, different for another conversation id', async () => {
    const a = await createInspector().inspect(base);
    const b = await createInspector({ customerKeySalt: 'x' }).inspect(base);
    expect(a.findings.length).toBeGreaterThan(1);
    const ids = a.findings.map((f) => f.id);
    expect(ids.every((id) => /^[0-9a-f]{16}(-\d+)?$/.test(id ?? ''))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(b.findings.map((f) => f.id)).toEqual(ids);
    const f = a.findings[0]!;
    const key = ['T-1', f.code, f.messageIndex ?? '', f.span ? `${f.span.start}-${f.span.end}` : ''].join('\u0000');
    expect(f.id).toBe(createHash('sha256').update(key).digest('hex').slice(0, 16));
    const other = await createInspector().inspect({ ...base, id: 'T-2' });
    expect(other.findings.map((x) => x.id).some((id) => ids.includes(id))).toBe(false);
  });

  it('reads a result written by schema 1 (no aggregation fields, no finding ids) with the defaults', () => {
    const line = readFileSync(new URL('../../../../../fixtures/results/schema-v1.jsonl', import.meta.url), 'utf8').split('\n')[0]!;
    const old = JSON.parse(line) as Record<string, unknown>;
    expect(old.schemaVersion).toBeUndefined();
    const r = ResultSchema.parse(old);
    expect(r.schemaVersion).toBe(1);
    expect(r.conversationId).toBe('amz-1001');
    expect(r).toMatchObject({ agentIds: [], startedAt: null, endedAt: null, customerKey: null, platform: null, resolved: null, csat: null, converted: null });
    expect(r.score).toBe(old.score);
  });

  it('gives an unreadable record the current schema version and no facts', async () => {
    const r = await createInspector().inspect({ id: 'bad', messages: 'nope' });
    expect(r.status).toBe('invalid');
    expect(r).toMatchObject({ schemaVersion: 2, agentIds: [], startedAt: null, customerKey: null });
  });
});
