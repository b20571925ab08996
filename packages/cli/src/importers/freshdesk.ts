import type { Message, Role } from '@cxqa/core';
import { at, ImportError } from './errors.js';
import { element, id, isObject, isoTimestamp, type Json, list, optionalBoolean, optionalId, optionalNumber, optionalString } from './fields.js';
import { bodyText } from './html.js';
import { build, type Importer, type InternalNote } from './importer.js';

/** Freshdesk ticket `source` codes → cxqa channel. */
const CHANNELS: Record<number, string> = { 1: 'email', 2: 'web', 3: 'voice', 5: 'social', 6: 'social', 7: 'chat', 9: 'web', 10: 'email' };
const OUTBOUND_EMAIL = 10;
/** Ticket `status` codes 4 (Resolved) and 5 (Closed). */
const RESOLVED = new Set([4, 5]);
/**
 * Freshdesk satisfaction answers (−103 … 103, a 3-, 5- or 7-point scale) on cxqa's 1–5 scale:
 * the seven points spaced evenly, 2 decimals.
 */
const CSAT: Record<number, number> = { [-103]: 1, [-102]: 1.67, [-101]: 2.33, 100: 3, 101: 3.67, 102: 4.33, 103: 5 };

/**
 * Freshdesk tickets as "View a ticket" returns them with `?include=conversations` (or with the
 * full list from "List all conversations of a ticket" put in `conversations`): the ticket's
 * `description_text` is the opening message, `conversations[]` the replies and notes (`private`
 * notes are internal; `incoming` marks the customer's). An optional `satisfaction_ratings`
 * array (from `GET /api/v2/tickets/{id}/satisfaction_ratings`) gives the CSAT.
 * Source: developers.freshdesk.com/api/#view_a_ticket and #list_all_ticket_notes.
 */
export const freshdeskImporter: Importer = {
  vendor: 'freshdesk',
  listKeys: ['tickets'],
  async convert(ticket) {
    const ticketId = id(ticket, 'id', '$');
    const conversations = list(ticket, 'conversations', '$', '; fetch the ticket with ?include=conversations, or add GET /api/v2/tickets/{id}/conversations');
    const requester = optionalId(ticket, 'requester_id', '$');
    const responder = optionalId(ticket, 'responder_id', '$');
    const source = optionalNumber(ticket, 'source', '$');
    const opening = ((await bodyText(ticket, '$', ['description_text'], 'description')) ?? '').trim();
    const messages: Message[] = [];
    const notes: InternalNote[] = [];
    if (opening) {
      const outbound = source === OUTBOUND_EMAIL;
      const authorId = outbound ? responder : requester;
      messages.push({ role: outbound ? 'agent' : 'customer', text: opening, at: isoTimestamp(ticket, 'created_at', '$'), ...(authorId ? { authorId } : {}) });
    }
    for (let i = 0; i < conversations.length; i++) {
      const path = at('$.conversations', i);
      const entry = element(conversations, i, '$.conversations');
      const authorId = optionalId(entry, 'user_id', path);
      const when = isoTimestamp(entry, 'created_at', path);
      const body = (await bodyText(entry, path, ['body_text'], 'body')) ?? '';
      const isPrivate = optionalBoolean(entry, 'private', path);
      if (isPrivate === undefined)
        throw new ImportError('invalid_field', at(path, 'private'), 'expected true or false: without it a private note could enter the transcript');
      if (isPrivate) {
        notes.push({ at: when, ...(authorId ? { authorId } : {}), text: body });
        continue;
      }
      const role: Role = optionalBoolean(entry, 'incoming', path) || (authorId !== undefined && authorId === requester) ? 'customer' : 'agent';
      messages.push({ role, text: body, at: when, ...(authorId ? { authorId } : {}) });
    }
    if (messages.length === 0 && notes.length === 0)
      throw new ImportError('no_messages', '$.conversations', 'the ticket has no description and no conversations');
    const status = optionalNumber(ticket, 'status', '$');
    const rating = firstRating(ticket);
    const tags = ticket.tags === undefined || ticket.tags === null ? undefined : list(ticket, 'tags', '$');
    return build('freshdesk', {
      id: ticketId,
      channel: source === undefined ? undefined : CHANNELS[source],
      customer: requester ? { id: requester } : undefined,
      agentId: responder,
      csat: rating === undefined ? undefined : CSAT[rating],
      resolved: status === undefined ? undefined : RESOLVED.has(status),
      messages,
      notes,
      metadata: { subject: optionalString(ticket, 'subject', '$'), status, sourceCode: source, tags: tags?.map(String), csatRating: rating },
    });
  },
};

/** `satisfaction_ratings[0].ratings.default_question`, checked against Freshdesk's answer values. */
function firstRating(ticket: Json): number | undefined {
  if (ticket.satisfaction_ratings === undefined) return undefined;
  const ratings = list(ticket, 'satisfaction_ratings', '$');
  if (ratings.length === 0) return undefined;
  const first = element(ratings, 0, '$.satisfaction_ratings');
  const answers = first.ratings;
  if (!isObject(answers)) throw new ImportError('unknown_shape', '$.satisfaction_ratings[0].ratings', 'expected an object of answers');
  const value = optionalNumber(answers, 'default_question', '$.satisfaction_ratings[0].ratings');
  if (value !== undefined && CSAT[value] === undefined)
    throw new ImportError(
      'invalid_field',
      '$.satisfaction_ratings[0].ratings.default_question',
      `expected one of −103, −102, −101, 100, 101, 102, 103, got ${value}`,
    );
  return value;
}
