import type { z } from 'zod';
import { type Conversation, ConversationSchema, type Customer, type Message, MessageSchema, RoleSchema } from './conversation.js';
import { isTimestamp } from './timestamp.js';

// The fast path of reading a conversation (decision 135), the sibling of `plainFinding`: the object
// `ConversationSchema.parse` returns, built by hand when the input is plainly valid, else null
// (zod then reads it and words every problem). Checked exactly as the schema checks: zod v4 counts
// `min`/`length` in code points and upper-cases `country` after its length check.

type Fields = Record<string, unknown>;

const ROLES: ReadonlySet<unknown> = new Set(RoleSchema.options);
/** What a reader returns for a value it leaves to zod. */
const REFUSED: unique symbol = Symbol('refused');
/** What `optional` counts for a refused value: sums of up to a dozen optional keys stay negative. */
const LEFT_TO_ZOD = -1000;

const isPlainObject = (v: unknown): v is Fields => {
  if (!v || typeof v !== 'object') return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
};

/** Enumerable keys, own and inherited (`for…in`): the fast path takes only inputs whose keys it read all of, so zod's stripping never comes into play. */
function keyCount(o: object): number {
  let n = 0;
  for (const _ in o) n++;
  return n;
}

const hasSurrogate = (s: string): boolean => /[\uD800-\uDFFF]/.test(s);
const string = (v: unknown): unknown => (typeof v === 'string' ? v : REFUSED);
const boolean = (v: unknown): unknown => (typeof v === 'boolean' ? v : REFUSED);
/** `z.number()`: finite (NaN and ±Infinity refused). */
const finite = (v: unknown): unknown => (Number.isFinite(v) ? v : REFUSED);
/** `z.string().min(2)` counts code points: 4 units are at least 2 of them, 2–3 units without a surrogate are 2–3. */
const language = (v: unknown): unknown => (typeof v === 'string' && v.length >= 2 && (v.length >= 4 || !hasSurrogate(v)) ? v : REFUSED);
/** `z.string().length(2).toUpperCase()`: 2 units without a surrogate are 2 code points; upper-cased after the check. */
const country = (v: unknown): unknown => (typeof v === 'string' && v.length === 2 && !hasSurrogate(v) ? v.toUpperCase() : REFUSED);

/**
 * Copies the optional `raw[key]` to `out` as zod does — absent: nothing; given as `undefined`: kept
 * as `undefined`; else what `read` makes of it — and returns how many keys it took (0 or 1), or
 * LEFT_TO_ZOD when `read` refuses the value. Each property is read once.
 */
function optional(raw: Fields, out: Fields, key: string, read: (v: unknown) => unknown): number {
  const v = raw[key];
  if (v === undefined) {
    if (!(key in raw)) return 0;
    out[key] = undefined;
    return 1;
  }
  const value = read(v);
  if (value === REFUSED) return LEFT_TO_ZOD;
  out[key] = value;
  return 1;
}

/**
 * `ConversationSchema.parse(raw)` for a conversation that is plainly valid: plain objects (prototype
 * `Object.prototype` or null) holding only the schema's keys, strings, finite numbers, booleans,
 * known roles, timestamps the schema's pattern takes (`isTimestamp`), a plain `metadata` object without symbol
 * or own `__proto__` keys. The result is a new object like zod's: the schema's keys in its order, an
 * optional key given as `undefined` kept as `undefined`, `customer.country` upper-cased, `metadata`
 * copied shallowly (its values shared). Anything else — extra keys zod would strip, odd types,
 * `Date`s, class instances, short strings with surrogates (zod counts code points) — gives null,
 * valid or not, and is left to zod. Equal to zod on generated inputs (plain-conversation.test.ts).
 */
export function plainConversation(raw: unknown): Conversation | null {
  if (!isPlainObject(raw)) return null;
  const id = raw.id;
  if (typeof id !== 'string' || id.length === 0) return null;
  const out: Fields = { id };
  const head =
    optional(raw, out, 'channel', string) +
    optional(raw, out, 'platform', string) +
    optional(raw, out, 'inquiryType', string) +
    optional(raw, out, 'customer', customer) +
    optional(raw, out, 'agentId', string) +
    optional(raw, out, 'csat', finite) +
    optional(raw, out, 'resolved', boolean);
  const messages = raw.messages;
  if (head < 0 || !Array.isArray(messages)) return null;
  const list: Message[] = []; // filled in order, so a packed array like zod's (`new Array(n)` is holey)
  for (let i = 0; i < messages.length; i++) {
    const m = plainMessage(messages[i]);
    if (!m) return null;
    list.push(m);
  }
  out.messages = list;
  const tail = optional(raw, out, 'metadata', record);
  return tail >= 0 && keyCount(raw) === 2 + head + tail ? (out as Conversation) : null;
}

/** `MessageSchema.parse(raw)` for a plainly valid message, else null (see `plainConversation`). */
export function plainMessage(raw: unknown): Message | null {
  if (!isPlainObject(raw)) return null;
  const { role, text, at } = raw;
  if (!ROLES.has(role) || typeof text !== 'string' || typeof at !== 'string') return null;
  if (!isTimestamp(at)) return null;
  const out: Fields = { role, text, at };
  const more = optional(raw, out, 'authorId', string) + optional(raw, out, 'language', language);
  return more >= 0 && keyCount(raw) === 3 + more ? (out as Message) : null;
}

/** `CustomerSchema`: a new object of the schema's keys, or REFUSED. */
function customer(raw: unknown): Customer | typeof REFUSED {
  if (!isPlainObject(raw)) return REFUSED;
  const out: Fields = {};
  const taken =
    optional(raw, out, 'id', string) +
    optional(raw, out, 'contact', string) +
    optional(raw, out, 'country', country) +
    optional(raw, out, 'timezone', string) +
    optional(raw, out, 'locale', string);
  return taken >= 0 && keyCount(raw) === taken ? (out as Customer) : REFUSED;
}

/** `z.record(z.string(), z.unknown())`: a shallow copy of the own enumerable string keys, in their order, or REFUSED. */
function record(raw: unknown): Fields | typeof REFUSED {
  // zod drops an own "__proto__" key and rejects symbol keys: both left to zod
  if (!isPlainObject(raw) || Object.hasOwn(raw, '__proto__') || Object.getOwnPropertySymbols(raw).length) return REFUSED;
  const out: Fields = {};
  for (const k of Object.keys(raw)) out[k] = raw[k];
  return out;
}

/** `ConversationSchema.safeParse(raw)`, by `plainConversation` when it can: the same data, the same issues. */
export function safeParseConversation(raw: unknown): z.ZodSafeParseResult<Conversation> {
  const data = plainConversation(raw);
  return data ? { success: true, data } : ConversationSchema.safeParse(raw);
}

/** `MessageSchema.safeParse(raw)`, by `plainMessage` when it can: the same data, the same issues. */
export function safeParseMessage(raw: unknown): z.ZodSafeParseResult<Message> {
  const data = plainMessage(raw);
  return data ? { success: true, data } : MessageSchema.safeParse(raw);
}
