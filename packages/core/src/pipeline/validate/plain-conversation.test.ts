import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConversationSchema, MessageSchema } from './conversation.js';
import { plainConversation, plainMessage, safeParseConversation, safeParseMessage } from './plain-conversation.js';

// plainConversation must return exactly what zod returns (same keys in the same order, undefined
// kept, country upper-cased, a new object at every level but metadata's values) or null.

/** Own keys in order with `undefined` and the prototype visible (JSON and toEqual would hide them). */
const shape = (v: unknown): unknown => {
  if (Array.isArray(v)) return ['array', ...v.map(shape)];
  if (v && typeof v === 'object') {
    const proto = Object.getPrototypeOf(v) === null ? 'null-proto' : Object.getPrototypeOf(v) === Object.prototype ? 'object' : String(v.constructor?.name);
    return [proto, ...Object.entries(v).map(([k, x]) => [k, x === undefined ? '<undefined>' : shape(x)])];
  }
  return Object.is(v, -0) ? '-0' : v;
};

/** True when the fast path took `raw`; then zod must accept it and give the same object. */
function expectSameAsZod(raw: unknown, fast: unknown, zod: { success: boolean; data?: unknown }): boolean {
  if (fast === null) return false;
  expect(zod.success).toBe(true);
  expect(shape(fast)).toEqual(shape(zod.data));
  expect(fast).not.toBe(raw);
  return true;
}

const oddValue = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.integer({ min: -2, max: 5 }),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -0, 1.5),
  fc.boolean(),
  fc.constant([]),
  fc.constant(new Date('2026-03-02T10:00:00Z')),
  fc.constant(Object.create(null) as object),
  fc.string({ maxLength: 3 }),
);
const withOdd = <T>(good: fc.Arbitrary<T>) => fc.oneof({ arbitrary: good, weight: 12 }, { arbitrary: oddValue, weight: 1 });
/** Strings that zod's code-point counts and `toUpperCase` treat differently from their UTF-16 units. */
const trickyString = fc.oneof(
  fc.string({ maxLength: 5 }),
  fc.string({ maxLength: 4, unit: 'binary' }),
  fc.constantFrom('', 'e', 'en', 'de', 'DE', 'zh-Hant', '😀', 'a😀', '😀😀', '\uD800', 'a\uDC00', 'ab\uD800', 'ß1', 'ǆx', 'i̇', 'ﬀ', 'deu'),
);
const timestamp = fc.oneof(
  { arbitrary: fc.date({ min: new Date('1990-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString()), weight: 6 },
  fc.date({ min: new Date('1990-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => `${d.toISOString().slice(0, 19)}+08:00`),
  fc.constantFrom(
    '2026-03-02T10:00:00+01:00',
    '2026-03-02T10:00:00.123456Z',
    '2024-02-29T23:59:59Z',
    '2026-02-29T10:00:00Z',
    '2026-03-02T10:00:00+0100',
    '2026-03-02T10:00:00',
    '2026-03-02T10:00Z',
    '2026-03-02t10:00:00z',
    '2026-03-02T24:00:00Z',
    '2026-03-02T10:00:00+24:00',
    ' 2026-03-02T10:00:00Z',
    '2026-03-02',
  ),
);
/** Sometimes an object with one more key than the schema has, or one without a prototype. */
const oddly = <T extends object>(obj: fc.Arbitrary<T>) =>
  fc.oneof(
    { arbitrary: obj, weight: 8 },
    {
      arbitrary: fc
        .tuple(obj, fc.constantFrom('extra', 'text2', '__proto__'), oddValue)
        .map(([o, k, v]) => Object.assign(JSON.parse(`{"${k}":0}`), o, { [k]: v }) as T),
      weight: 1,
    },
    { arbitrary: obj.map((o) => Object.assign(Object.create(null) as object, o) as T), weight: 1 },
  );

const message = oddly(
  fc.record(
    {
      role: withOdd(fc.constantFrom('customer', 'agent', 'bot', 'system', 'customer', 'agent', 'bot', 'system', 'Agent', 'user')),
      text: withOdd(fc.string({ maxLength: 8 })),
      at: withOdd(timestamp),
      authorId: withOdd(fc.string({ maxLength: 3 })),
      language: withOdd(trickyString),
    },
    { requiredKeys: ['role', 'text', 'at'] },
  ),
);
const customer = oddly(
  fc.record(
    {
      id: withOdd(fc.string({ maxLength: 3 })),
      contact: withOdd(fc.string({ maxLength: 3 })),
      country: withOdd(trickyString),
      timezone: withOdd(fc.constantFrom('Europe/Berlin', 'UTC', '')),
      locale: withOdd(fc.constantFrom('de-DE', 'en')),
    },
    { requiredKeys: [] },
  ),
);
const metadata = fc.oneof(
  { arbitrary: fc.dictionary(fc.string({ maxLength: 3 }), fc.oneof(fc.jsonValue(), fc.constant(undefined))), weight: 6 },
  { arbitrary: fc.constant(JSON.parse('{"a":1,"__proto__":{"b":2},"2":3}') as object), weight: 1 },
  { arbitrary: fc.constant({ a: 1, [Symbol('s')]: 2 }), weight: 1 },
  { arbitrary: oddValue, weight: 1 },
);
const conversation = oddly(
  fc.record(
    {
      id: withOdd(fc.string({ maxLength: 4 })),
      channel: withOdd(fc.constantFrom('chat', 'email', '')),
      platform: withOdd(fc.string({ maxLength: 3 })),
      inquiryType: withOdd(fc.string({ maxLength: 3 })),
      customer: withOdd(customer),
      agentId: withOdd(fc.string({ maxLength: 3 })),
      csat: withOdd(fc.oneof(fc.integer({ min: 1, max: 5 }), fc.double())),
      resolved: withOdd(fc.boolean()),
      messages: fc.oneof({ arbitrary: fc.array(message, { maxLength: 3 }), weight: 8 }, { arbitrary: oddValue, weight: 1 }),
      metadata,
    },
    { requiredKeys: ['id', 'messages'] },
  ),
);

function verdictConversations(): unknown[] {
  const dir = join(import.meta.dirname, '..', '..', '..', '..', '..', 'fixtures', 'verdicts');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .flatMap((f) =>
      readFileSync(join(dir, f), 'utf8')
        .trim()
        .split('\n')
        .map((l) => (JSON.parse(l) as { conversation: unknown }).conversation),
    );
}

describe('plainConversation', () => {
  it('equals zod on every verdict-fixture conversation, and takes them all', () => {
    const all = verdictConversations();
    expect(all.length).toBeGreaterThan(200);
    const fast = all.filter((c) => expectSameAsZod(c, plainConversation(c), ConversationSchema.safeParse(c))).length;
    expect(fast).toBe(all.length);
  });

  /** Runs `read` (and `wrapped`, zod's issues when it declines) against `schema` on 4,000 generated inputs; counts the valid ones and those the fast path took. */
  function againstZod<T>(
    inputs: fc.Arbitrary<T>,
    read: (v: unknown) => unknown,
    schema: typeof ConversationSchema | typeof MessageSchema,
    wrapped = (v: unknown) => schema.safeParse(v),
  ) {
    let fast = 0;
    let valid = 0;
    fc.assert(
      fc.property(inputs, (v) => {
        const zod = schema.safeParse(v);
        if (zod.success) valid++;
        if (expectSameAsZod(v, read(v), zod)) fast++;
        const both = wrapped(v);
        expect(both.success).toBe(zod.success);
        if (!zod.success) expect(both.error?.issues).toEqual(zod.error.issues);
      }),
      { numRuns: 4000 },
    );
    return { fast, valid };
  }

  it('equals zod or gives null on generated conversations (key order, undefined, extra keys, odd types, dates, code points)', () => {
    const { fast, valid } = againstZod(conversation, plainConversation, ConversationSchema, safeParseConversation);
    // the generator reaches valid conversations, and most of those take the fast path
    expect(valid).toBeGreaterThan(200);
    expect(fast).toBeGreaterThan(valid / 2);
  });

  it('equals zod or gives null on generated messages', () => {
    const { fast, valid } = againstZod(message, plainMessage, MessageSchema, safeParseMessage);
    expect(valid).toBeGreaterThan(1000);
    expect(fast).toBeGreaterThan(valid / 2);
  });

  it('upper-cases the country, keeps undefined keys, copies metadata and drops nothing it accepts', () => {
    const metadata = { team: 'b2c', tags: ['a'] };
    const raw = {
      id: 'c1',
      channel: undefined,
      customer: { country: 'de' },
      messages: [{ role: 'agent', text: 'Hi', at: '2026-03-02T10:00:00+01:00', language: 'de' }],
      metadata,
    };
    const out = plainConversation(raw)!;
    expect(out.customer).toEqual({ country: 'DE' });
    expect(Object.keys(out)).toEqual(['id', 'channel', 'customer', 'messages', 'metadata']);
    expect(out.metadata).not.toBe(metadata);
    expect(out.metadata!.tags).toBe(metadata.tags);
    expect(out.messages[0]).not.toBe(raw.messages[0]);
  });

  it('leaves class instances, extra keys, Dates and code-point edge cases to zod', () => {
    const m = { role: 'agent', text: 'Hi', at: '2026-03-02T10:00:00Z' };
    class Odd {
      id = 'c1';
      messages = [];
    }
    expect(plainConversation(new Odd())).toBeNull();
    expect(ConversationSchema.safeParse(new Odd()).success).toBe(true);
    expect(plainConversation({ id: 'c1', messages: [m], note: 'x' })).toBeNull(); // zod strips it
    expect(plainMessage({ ...m, at: new Date() })).toBeNull();
    expect(plainMessage({ ...m, language: '😀' })).toBeNull(); // one code point: zod refuses it
    expect(plainMessage({ ...m, language: 'a😀' })).toBeNull(); // two code points: zod takes it
    expect(MessageSchema.safeParse({ ...m, language: 'a😀' }).success).toBe(true);
  });
});
