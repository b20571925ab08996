import type { Message, Role } from '@cxqa/core';
import { at, ImportError, quote } from './errors.js';
import { element, id, isObject, isoTimestamp, type Json, list, optionalBoolean, optionalId, optionalString } from './fields.js';
import { bodyText } from './html.js';
import { build, type Importer, type InternalNote } from './importer.js';

/** Zendesk `via.channel` values → cxqa channel (others are kept as written). */
const CHANNELS: Record<string, string> = {
  email: 'email',
  web: 'web',
  chat: 'chat',
  native_messaging: 'chat',
  voice: 'voice',
  facebook: 'social',
  twitter: 'social',
};
/** Zendesk user roles (the `users` side-load) → cxqa role. */
const USER_ROLES: Record<string, Role> = { 'end-user': 'customer', agent: 'agent', admin: 'agent' };
/** Zendesk's CSAT is binary: good → 5, bad → 1 on cxqa's 1–5 scale; offered/unoffered → none. */
const CSAT: Record<string, number> = { good: 5, bad: 1 };
/** The author id Zendesk gives changes made by the system. */
const SYSTEM_AUTHOR = '-1';

/**
 * Zendesk Support tickets: one record is a ticket with its `comments` (the full JSON export, or
 * a Tickets API ticket with the Ticket Comments API's `comments` added), or `{ ticket, comments,
 * users? }` (the two API responses side by side). The `users` side-load (`?include=users`) gives
 * each author's role; without it the requester is the customer and other authors are agents.
 * Sources: developer.zendesk.com/api-reference/ticketing/tickets/tickets/ and
 * developer.zendesk.com/api-reference/ticketing/tickets/ticket_comments/.
 */
export const zendeskImporter: Importer = {
  vendor: 'zendesk',
  listKeys: ['tickets'],
  async convert(record) {
    const nested = isObject(record.ticket);
    const ticket: Json = nested ? (record.ticket as Json) : record;
    const ticketPath = nested ? '$.ticket' : '$';
    const commentsHolder = nested && record.comments !== undefined ? record : ticket;
    const commentsPath = commentsHolder === record ? '$' : ticketPath;
    const ticketId = id(ticket, 'id', ticketPath);
    const comments = list(
      commentsHolder,
      'comments',
      commentsPath,
      '; a Tickets API ticket has no comments: add those of GET /api/v2/tickets/{id}/comments, or use the full JSON export',
    );
    if (comments.length === 0) throw new ImportError('no_messages', at(commentsPath, 'comments'), 'the ticket has no comments');
    const roles = userRoles(record, ticket);
    const requester = optionalId(ticket, 'requester_id', ticketPath);
    const messages: Message[] = [];
    const notes: InternalNote[] = [];
    for (let i = 0; i < comments.length; i++) {
      const path = at(at(commentsPath, 'comments'), i);
      const comment = element(comments, i, at(commentsPath, 'comments'));
      const isPublic = optionalBoolean(comment, 'public', path);
      if (isPublic === undefined)
        throw new ImportError('invalid_field', at(path, 'public'), 'expected true or false: without it a private note could enter the transcript');
      const authorId = optionalId(comment, 'author_id', path);
      const text = await bodyText(comment, path, ['plain_body', 'body'], 'html_body');
      if (text === undefined) throw new ImportError('unknown_shape', at(path, 'body'), 'a comment needs plain_body, body or html_body');
      const when = isoTimestamp(comment, 'created_at', path);
      if (!isPublic) {
        notes.push({ at: when, ...(authorId ? { authorId } : {}), text });
        continue;
      }
      const channel = isObject(comment.via) ? optionalString(comment.via, 'channel', at(path, 'via')) : undefined;
      const role: Role = channel?.startsWith('answer_bot')
        ? 'bot'
        : authorId === SYSTEM_AUTHOR
          ? 'system'
          : ((authorId === undefined ? undefined : roles.get(authorId)) ?? (authorId !== undefined && authorId === requester ? 'customer' : 'agent'));
      messages.push({ role, text, at: when, ...(authorId ? { authorId } : {}) });
    }
    const via = isObject(ticket.via) ? optionalString(ticket.via, 'channel', at(ticketPath, 'via')) : undefined;
    const rating = isObject(ticket.satisfaction_rating) ? ticket.satisfaction_rating : undefined;
    const score = rating ? optionalString(rating, 'score', at(ticketPath, 'satisfaction_rating')) : undefined;
    const status = optionalString(ticket, 'status', ticketPath);
    const tags = ticket.tags === undefined || ticket.tags === null ? undefined : list(ticket, 'tags', ticketPath);
    return build('zendesk', {
      id: ticketId,
      channel: via === undefined ? undefined : (CHANNELS[via] ?? via),
      customer: requester ? { id: requester } : undefined,
      agentId: optionalId(ticket, 'assignee_id', ticketPath),
      csat: score === undefined ? undefined : CSAT[score],
      resolved: status === undefined ? undefined : status === 'solved' || status === 'closed',
      messages,
      notes,
      metadata: {
        subject: optionalString(ticket, 'subject', ticketPath),
        status,
        via,
        tags: tags?.map(String),
        csatScore: score,
        csatComment: rating ? optionalString(rating, 'comment', at(ticketPath, 'satisfaction_rating')) : undefined,
      },
    });
  },
};

/** Author id → role from a `users` side-load (on the record or the ticket), when present. */
function userRoles(record: Json, ticket: Json): Map<string, Role> {
  const holder = Array.isArray(record.users) ? record : ticket;
  const roles = new Map<string, Role>();
  if (!Array.isArray(holder.users)) return roles;
  const path = holder === record ? '$' : '$.ticket';
  holder.users.forEach((_, i) => {
    const user = element(holder.users as unknown[], i, at(path, 'users'));
    const role = optionalString(user, 'role', at(at(path, 'users'), i));
    const mapped = role === undefined ? undefined : USER_ROLES[role];
    if (role !== undefined && !mapped)
      throw new ImportError('invalid_field', at(at(at(path, 'users'), i), 'role'), `unknown Zendesk role ${quote(role)} (end-user, agent, admin)`);
    if (mapped) roles.set(id(user, 'id', at(at(path, 'users'), i)), mapped);
  });
  return roles;
}
