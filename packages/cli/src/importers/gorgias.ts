import type { Message, Role } from '@cxqa/core';
import { at, ImportError } from './errors.js';
import { element, id, isObject, isoTimestamp, list, names, optionalBoolean, optionalId, optionalNumber, optionalString } from './fields.js';
import { bodyText } from './html.js';
import { build, type Importer, type InternalNote } from './importer.js';

/** Gorgias channels → cxqa channel and platform (others are kept as written). */
const CHANNELS: Record<string, [string, string?]> = {
  email: ['email'],
  chat: ['chat'],
  phone: ['voice'],
  sms: ['sms'],
  'contact-form': ['web'],
  'help-center': ['web'],
  facebook: ['social', 'facebook'],
  'facebook-messenger': ['social', 'facebook'],
  'facebook-mention': ['social', 'facebook'],
  'instagram-comment': ['social', 'instagram'],
  'instagram-direct-message': ['social', 'instagram'],
  whatsapp: ['social', 'whatsapp'],
  twitter: ['social', 'twitter'],
};
/** `via` values of messages no person wrote: rules and self-service flows. */
const AUTOMATED_VIA = new Set(['rule', 'self_service']);

/**
 * Gorgias tickets as "Retrieve a ticket" returns them (`GET /api/tickets/{id}`, with `messages`):
 * `from_agent` tells the company's messages from the customer's, `public: false` marks internal
 * notes, `via: rule` / `self_service` marks automated replies (bot). `satisfaction_survey.score`
 * (1–5) is the CSAT when present.
 * Sources: developers.gorgias.com/reference/tickets and /reference/ticket-messages.
 */
export const gorgiasImporter: Importer = {
  vendor: 'gorgias',
  listKeys: ['data'],
  async convert(ticket) {
    const ticketId = id(ticket, 'id', '$');
    const items = list(ticket, 'messages', '$', '; list responses carry no messages: retrieve each ticket with GET /api/tickets/{id}');
    if (items.length === 0) throw new ImportError('no_messages', '$.messages', 'the ticket has no messages');
    const messages: Message[] = [];
    const notes: InternalNote[] = [];
    for (let i = 0; i < items.length; i++) {
      const path = at('$.messages', i);
      const item = element(items, i, '$.messages');
      const when = isoTimestamp(item, 'created_datetime', path);
      const sender = isObject(item.sender) ? optionalId(item.sender, 'id', at(path, 'sender')) : undefined;
      const text = await bodyText(item, path, ['body_text', 'stripped_text'], 'body_html');
      if (text === undefined) throw new ImportError('unknown_shape', at(path, 'body_text'), 'a message needs body_text, stripped_text or body_html');
      const isPublic = optionalBoolean(item, 'public', path);
      if (isPublic === undefined)
        throw new ImportError('invalid_field', at(path, 'public'), 'expected true or false: without it an internal note could enter the transcript');
      if (!isPublic || optionalString(item, 'channel', path) === 'internal-note') {
        notes.push({ at: when, ...(sender ? { authorId: sender } : {}), text });
        continue;
      }
      const fromAgent = optionalBoolean(item, 'from_agent', path);
      if (fromAgent === undefined) throw new ImportError('invalid_field', at(path, 'from_agent'), 'expected true or false: who wrote the message');
      const via = optionalString(item, 'via', path);
      const role: Role = !fromAgent ? 'customer' : via !== undefined && AUTOMATED_VIA.has(via) ? 'bot' : 'agent';
      messages.push({ role, text, at: when, ...(sender ? { authorId: sender } : {}) });
    }
    const channelName = optionalString(ticket, 'channel', '$');
    const [channel, platform] = channelName === undefined ? [] : (CHANNELS[channelName] ?? [channelName]);
    const status = optionalString(ticket, 'status', '$');
    const survey = isObject(ticket.satisfaction_survey) ? ticket.satisfaction_survey : undefined;
    return build('gorgias', {
      id: ticketId,
      channel,
      platform,
      customer: isObject(ticket.customer) ? idOnly(optionalId(ticket.customer, 'id', '$.customer')) : undefined,
      agentId: isObject(ticket.assignee_user) ? optionalId(ticket.assignee_user, 'id', '$.assignee_user') : undefined,
      csat: survey ? optionalNumber(survey, 'score', '$.satisfaction_survey') : undefined,
      resolved: status === undefined ? undefined : status === 'closed',
      messages,
      notes,
      metadata: {
        subject: optionalString(ticket, 'subject', '$'),
        status,
        via: optionalString(ticket, 'via', '$'),
        language: optionalString(ticket, 'language', '$'),
        tags: names(ticket, 'tags', '$'),
      },
    });
  },
};

function idOnly(value: string | undefined): { id: string } | undefined {
  return value === undefined ? undefined : { id: value };
}
