import type { Message, Role } from '@cxqa/core';
import { at, ImportError, quote } from './errors.js';
import { element, id, isObject, type Json, list, names, object, optionalBoolean, optionalId, optionalNumber, optionalString, unixTimestamp } from './fields.js';
import { bodyText } from './html.js';
import { build, type Importer, type InternalNote } from './importer.js';

/** Intercom author types → cxqa role. Bots and campaigns that write "on behalf of" an admin are caught by `from_ai_agent` / `delivered_as`. */
const AUTHOR_ROLES: Record<string, Role> = { user: 'customer', lead: 'customer', contact: 'customer', admin: 'agent', team: 'agent', bot: 'bot' };
/** Part types that only teammates see. */
const NOTE_PARTS = new Set(['note', 'note_and_reopen']);
/** `source.type` → cxqa channel and platform. */
const CHANNELS: Record<string, [string, string?]> = {
  conversation: ['chat'],
  email: ['email'],
  phone_call: ['voice'],
  sms: ['sms'],
  push: ['push'],
  facebook: ['social', 'facebook'],
  instagram: ['social', 'instagram'],
  twitter: ['social', 'twitter'],
  whatsapp: ['social', 'whatsapp'],
};

/**
 * Intercom conversations as "Retrieve a conversation" returns them (`GET /conversations/{id}`):
 * the opening message in `source`, the rest in `conversation_parts.conversation_parts`. Bodies
 * are HTML and become plain text; times are Unix seconds and become UTC timestamps. Parts
 * without a body (assignment, open, close, snoozed …) are counted in `metadata.events`.
 * Source: developers.intercom.com/docs/references/2.2/rest-api/conversations/conversation-model/.
 */
export const intercomImporter: Importer = {
  vendor: 'intercom',
  listKeys: ['conversations'],
  async convert(record) {
    const conversationId = id(record, 'id', '$');
    const source = object(record, 'source', '$', '; a Retrieve-a-conversation response holds the opening message in source');
    const partList = object(
      record,
      'conversation_parts',
      '$',
      '; list and search responses carry no parts: retrieve each conversation with GET /conversations/{id}',
    );
    const parts = list(partList, 'conversation_parts', '$.conversation_parts');
    const messages: Message[] = [];
    const notes: InternalNote[] = [];
    const events: Record<string, number> = {};
    const opening = await message(
      source,
      '$.source',
      unixTimestamp(record, 'created_at', '$'),
      optionalString(source, 'delivered_as', '$.source') === 'automated',
    );
    if (opening) messages.push(opening);
    for (let i = 0; i < parts.length; i++) {
      const path = at('$.conversation_parts.conversation_parts', i);
      const part = element(parts, i, '$.conversation_parts.conversation_parts');
      const type = optionalString(part, 'part_type', path) ?? 'comment';
      const when = unixTimestamp(part, 'created_at', path);
      const written = await message(part, path, when, false);
      if (!written) events[type] = (events[type] ?? 0) + 1;
      else if (NOTE_PARTS.has(type)) notes.push({ at: when, ...(written.authorId ? { authorId: written.authorId } : {}), text: written.text });
      else messages.push(written);
    }
    if (messages.length === 0 && notes.length === 0)
      throw new ImportError('no_messages', '$.conversation_parts', 'the conversation has no message with a body');
    const [channel, platform] = CHANNELS[optionalString(source, 'type', '$.source') ?? ''] ?? [];
    const rating = isObject(record.conversation_rating) ? record.conversation_rating : undefined;
    const state = optionalString(record, 'state', '$');
    const total = optionalNumber(partList, 'total_count', '$.conversation_parts');
    return build('intercom', {
      id: conversationId,
      channel,
      platform,
      customer: customerOf(record),
      agentId: optionalId(record, 'admin_assignee_id', '$'),
      csat: rating ? optionalNumber(rating, 'rating', '$.conversation_rating') : undefined,
      resolved: state === undefined ? undefined : state === 'closed',
      messages,
      notes,
      metadata: {
        title: optionalString(record, 'title', '$'),
        state,
        sourceType: optionalString(source, 'type', '$.source'),
        tags: isObject(record.tags) ? names(record.tags, 'tags', '$.tags') : undefined,
        csatRemark: rating ? optionalString(rating, 'remark', '$.conversation_rating') : undefined,
        events: Object.keys(events).length ? events : undefined,
        partsMissing: total !== undefined && total > parts.length ? total - parts.length : undefined,
      },
    });
  },
};

/** A source or part as a message, or undefined when it has no text (an event). */
async function message(part: Json, path: string, when: string, automated: boolean): Promise<Message | undefined> {
  const text = (await bodyText(part, path, [], 'body')) ?? '';
  if (!text) return undefined;
  const author = object(part, 'author', path);
  const type = optionalString(author, 'type', at(path, 'author'));
  const mapped = type === undefined ? undefined : AUTHOR_ROLES[type];
  if (!mapped)
    throw new ImportError(
      'invalid_field',
      at(at(path, 'author'), 'type'),
      `unknown Intercom author type ${type === undefined ? '(missing)' : quote(type)} (user, lead, contact, admin, team, bot)`,
    );
  const fromAi = optionalBoolean(author, 'from_ai_agent', at(path, 'author'));
  const role: Role = fromAi || (automated && mapped === 'agent') ? 'bot' : mapped;
  const authorId = optionalId(author, 'id', at(path, 'author'));
  return { role, text, at: when, ...(authorId ? { authorId } : {}) };
}

/** The first contact: `contacts.contacts[0]` (API 2.x) or `contacts[0]` / `customers[0]` (older). */
function customerOf(record: Json): { id: string } | undefined {
  const holder = record.contacts ?? record.customers;
  const contacts = isObject(holder) ? holder.contacts : holder;
  const first = Array.isArray(contacts) && isObject(contacts[0]) ? contacts[0] : undefined;
  const contactId = first ? optionalId(first, 'id', '$.contacts[0]') : undefined;
  return contactId ? { id: contactId } : undefined;
}
