import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IMPORTERS, ImportError, type Vendor } from '@cxqa/cli';
import type { Conversation } from '@cxqa/core';
import { describe, expect, it } from 'vitest';

const FIXTURES = join(import.meta.dirname, '..', '..', '..', 'fixtures', 'importers');
type Json = Record<string, any>;
const ndjson = (vendor: string, file: string): Json[] =>
  readFileSync(join(FIXTURES, vendor, file), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));
const json = (vendor: string, file: string): any => JSON.parse(readFileSync(join(FIXTURES, vendor, file), 'utf8'));
const convert = (vendor: Vendor, record: Json): Promise<Conversation> => IMPORTERS[vendor].convert(structuredClone(record));
/** The ImportError a conversion throws: its code and path. */
async function failure(vendor: Vendor, record: Json): Promise<{ code: string; path: string; message: string }> {
  const e = await convert(vendor, record).then(
    () => undefined,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(ImportError);
  const { code, path, message } = e as ImportError;
  return { code, path, message };
}
const roles = (c: Conversation): string[] => c.messages.map((m) => m.role);

describe('zendesk', () => {
  const [mail, web] = ndjson('zendesk', 'export.ndjson') as [Json, Json];
  const pair = json('zendesk', 'ticket-and-comments.json') as Json;

  it('maps ticket fields: id, via.channel, requester, assignee, status, tags, subject, CSAT', async () => {
    const c = await convert('zendesk', mail);
    expect(c).toMatchObject({ id: '35436', channel: 'email', customer: { id: '20978392' }, agentId: '235323', csat: 5, resolved: true });
    expect(c.metadata).toMatchObject({
      source: 'zendesk',
      subject: mail.subject,
      status: 'solved',
      via: 'email',
      tags: ['delivery', 'where_is_my_order'],
      csatScore: 'good',
    });
    expect((await convert('zendesk', pair)).csat).toBe(1);
    expect((await convert('zendesk', web)).csat).toBeUndefined(); // unoffered
    expect((await convert('zendesk', { ...mail, status: 'pending' })).resolved).toBe(false);
    expect((await convert('zendesk', { ...mail, via: { channel: 'native_messaging' } })).channel).toBe('chat');
    expect((await convert('zendesk', { ...mail, via: { channel: 'sample_ticket' } })).channel).toBe('sample_ticket');
  });

  it('maps comments: requester → customer, others → agent, answer bot → bot, author -1 → system, users side-load roles', async () => {
    expect(roles(await convert('zendesk', mail))).toEqual(['customer', 'agent', 'customer']);
    expect(roles(await convert('zendesk', web))).toEqual(['customer', 'bot', 'system', 'customer', 'agent']);
    // without the side-load the CC (not the requester) would be an agent
    const { users: _users, ...bare } = web;
    expect(roles(await convert('zendesk', bare))[3]).toBe('agent');
    const c = await convert('zendesk', mail);
    expect(c.messages[0]).toEqual({ role: 'customer', text: mail.comments[0].plain_body, at: '2026-03-02T09:12:04Z', authorId: '20978392' });
    expect((await convert('zendesk', web)).messages[3]!.at).toBe('2026-03-03T19:20:00+01:00');
  });

  it('keeps private comments out of the transcript and in metadata.internalNotes', async () => {
    const c = await convert('zendesk', mail);
    expect(c.messages.map((m) => m.text)).not.toContain(mail.comments[1].body);
    expect(c.metadata).toMatchObject({
      internalNoteCount: 1,
      internalNotes: [{ at: '2026-03-02T09:40:31Z', authorId: '235323', text: mail.comments[1].plain_body }],
    });
  });

  it('reads plain_body, then body, then html_body as text', async () => {
    const comment = { id: 1, author_id: 20978392, public: true, created_at: '2026-03-02T09:12:04Z' };
    const text = async (fields: Json) => (await convert('zendesk', { ...mail, comments: [{ ...comment, ...fields }] })).messages[0]!.text;
    expect(await text({ plain_body: 'plain', body: 'body', html_body: '<p>html</p>' })).toBe('plain');
    expect(await text({ body: 'body', html_body: '<p>html</p>' })).toBe('body');
    expect(await text({ html_body: '<p>one</p><p>two &amp; <b>three</b></p>' })).toBe('one\ntwo & three');
    expect(await failure('zendesk', { ...mail, comments: [comment] })).toMatchObject({ code: 'unknown_shape', path: '$.comments[0].body' });
  });

  it('names the path of what it cannot read', async () => {
    const { comments: _c, ...apiTicket } = mail;
    expect(await failure('zendesk', apiTicket)).toMatchObject({ code: 'unknown_shape', path: '$.comments' });
    expect(await failure('zendesk', { ...mail, comments: [] })).toMatchObject({ code: 'no_messages', path: '$.comments' });
    expect(await failure('zendesk', { ...mail, id: { x: 1 } })).toMatchObject({ code: 'invalid_field', path: '$.id' });
    const late = structuredClone(mail);
    late.comments[2].created_at = '2026-03-02T09:41:10';
    expect(await failure('zendesk', late)).toMatchObject({ code: 'invalid_field', path: '$.comments[2].created_at' });
    late.comments[2].created_at = '2026-02-31T09:41:10Z';
    expect(await failure('zendesk', late)).toMatchObject({ code: 'invalid_field', path: '$.comments[2].created_at' });
    late.comments[2].created_at = '2026-03-02T09:41:10+0100';
    expect(await failure('zendesk', late)).toMatchObject({ code: 'invalid_field', path: '$.comments[2].created_at' });
    late.comments[2].created_at = 1772443920;
    expect(await failure('zendesk', late)).toMatchObject({ code: 'invalid_field', path: '$.comments[2].created_at' });
    const { public: _p, ...noVisibility } = mail.comments[1];
    expect(await failure('zendesk', { ...mail, comments: [noVisibility] })).toMatchObject({ code: 'invalid_field', path: '$.comments[0].public' });
    expect(await failure('zendesk', { ...web, users: [{ id: 1, role: 'owner' }] })).toMatchObject({ code: 'invalid_field', path: '$.users[0].role' });
    expect(await failure('zendesk', { ...pair, comments: 'none' })).toMatchObject({ code: 'unknown_shape', path: '$.comments' });
    expect(await failure('zendesk', { ...mail, comments: [42] })).toMatchObject({ code: 'unknown_shape', path: '$.comments[0]' });
  });

  it('reads { ticket, comments, users } side by side', async () => {
    const c = await convert('zendesk', pair);
    expect(c).toMatchObject({ id: '35440', channel: 'chat', resolved: true, agentId: '235323' });
    expect(roles(c)).toEqual(['customer', 'agent']);
  });
});

describe('intercom', () => {
  const [mug, norway] = json('intercom', 'conversations.json') as [Json, Json];

  it('puts parts listed out of order back in time order, for every vendor through build, and says so', async () => {
    const inOrder = await convert('intercom', mug);
    expect(inOrder.metadata?.reordered).toBeUndefined();
    const shuffled = structuredClone(mug);
    shuffled.conversation_parts.conversation_parts.reverse();
    const c = await convert('intercom', shuffled);
    expect(c.messages).toEqual(inOrder.messages);
    expect(c.metadata?.reordered).toBe(true);
    const times = c.messages.map((m) => Date.parse(m.at!));
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('keeps the export order of parts with the same time', async () => {
    const same = structuredClone(mug);
    const parts = same.conversation_parts.conversation_parts as Json[];
    for (const p of parts) p.created_at = same.created_at;
    const c = await convert('intercom', same);
    const texts = c.messages.map((m) => m.text);
    parts.reverse();
    const reversed = await convert('intercom', same);
    expect(reversed.messages.map((m) => m.text).slice(1)).toEqual(texts.slice(1).reverse());
  });

  it('maps conversation fields: id, source.type, contact, assignee, state, tags, rating, title', async () => {
    const c = await convert('intercom', mug);
    expect(c).toMatchObject({ id: '1911149811', channel: 'chat', customer: { id: '5bc8f7421ae2d96695c18a' }, agentId: '814860', csat: 4, resolved: true });
    expect(c.metadata).toMatchObject({
      source: 'intercom',
      title: mug.title,
      state: 'closed',
      tags: ['refund', 'damaged'],
      csatRemark: 'ok in the end',
      sourceType: 'conversation',
    });
    expect(await convert('intercom', norway)).toMatchObject({ channel: 'social', platform: 'whatsapp', resolved: false });
    expect((await convert('intercom', norway)).csat).toBeUndefined();
    expect((await convert('intercom', { ...mug, source: { ...mug.source, type: 'email' } })).channel).toBe('email');
    // API 1.x: contacts as a plain list
    expect((await convert('intercom', { ...mug, contacts: [{ type: 'user', id: 'u1' }] })).customer).toEqual({ id: 'u1' });
  });

  it('maps parts: source first at created_at, user/lead → customer, admin → agent, bot and AI agent → bot, HTML → text, Unix → UTC', async () => {
    const c = await convert('intercom', mug);
    expect(roles(c)).toEqual(['customer', 'bot', 'customer', 'agent']);
    expect(c.messages[0]).toEqual({
      role: 'customer',
      text: 'Hi, my mug arrived broken.\nCan I get a refund?',
      at: '2026-03-02T09:32:00Z',
      authorId: '5bc8f7421ae2d96695c18a',
    });
    expect(c.messages[3]!.text).toBe('Thanks Ola, I have refunded the mug. You will see it in 3–5 days.');
    expect(roles(await convert('intercom', norway))).toEqual(['customer', 'bot']);
    const automated = { ...mug, source: { ...mug.source, delivered_as: 'automated', author: { type: 'admin', id: '814860' } } };
    expect(roles(await convert('intercom', automated))[0]).toBe('bot');
    const team = structuredClone(mug);
    team.conversation_parts.conversation_parts[4].author.type = 'team';
    expect(roles(await convert('intercom', team))[3]).toBe('agent');
  });

  it('keeps notes in metadata and counts body-less parts as events', async () => {
    const c = await convert('intercom', mug);
    expect(c.metadata).toMatchObject({
      internalNoteCount: 1,
      internalNotes: [{ at: '2026-03-02T09:36:40Z', authorId: '814860', text: 'Photo shows transit damage, approve refund.' }],
      events: { assignment: 1, close: 1 },
    });
    expect(c.messages.map((m) => m.text).join(' ')).not.toContain('transit damage');
    const cut = { ...mug, conversation_parts: { ...mug.conversation_parts, total_count: 600 } };
    expect((await convert('intercom', cut)).metadata?.partsMissing).toBe(594);
  });

  it('names the path of what it cannot read', async () => {
    const { conversation_parts: _p, ...listed } = norway;
    expect(await failure('intercom', listed)).toMatchObject({ code: 'unknown_shape', path: '$.conversation_parts' });
    const { source: _s, ...noSource } = mug;
    expect(await failure('intercom', noSource)).toMatchObject({ code: 'unknown_shape', path: '$.source' });
    const stranger = structuredClone(mug);
    stranger.conversation_parts.conversation_parts[2].author.type = 'visitor';
    expect(await failure('intercom', stranger)).toMatchObject({ code: 'invalid_field', path: '$.conversation_parts.conversation_parts[2].author.type' });
    const badTime = structuredClone(mug);
    badTime.conversation_parts.conversation_parts[0].created_at = '2026-03-02T09:33:00Z';
    expect(await failure('intercom', badTime)).toMatchObject({ code: 'invalid_field', path: '$.conversation_parts.conversation_parts[0].created_at' });
    const empty = { ...norway, source: { ...norway.source, body: '' }, conversation_parts: { type: 'conversation_part.list', conversation_parts: [] } };
    expect(await failure('intercom', empty)).toMatchObject({ code: 'no_messages', path: '$.conversation_parts' });
  });
});

describe('freshdesk', () => {
  const [jacket, label] = json('freshdesk', 'tickets.json') as [Json, Json];

  it('maps ticket fields: id, source, requester, responder, status, tags, subject, CSAT', async () => {
    const c = await convert('freshdesk', jacket);
    expect(c).toMatchObject({ id: '20', channel: 'email', customer: { id: '1000013001' }, agentId: '1000020001', csat: 4.33, resolved: true });
    expect(c.metadata).toMatchObject({ source: 'freshdesk', subject: jacket.subject, status: 4, sourceCode: 1, tags: ['wrong_item'], csatRating: 102 });
    expect(await convert('freshdesk', label)).toMatchObject({ resolved: false, channel: 'email' });
    expect((await convert('freshdesk', { ...label, source: 7 })).channel).toBe('chat');
    expect((await convert('freshdesk', { ...label, source: 3, status: 5 })).channel).toBe('voice');
    expect((await convert('freshdesk', { ...label, status: 5 })).resolved).toBe(true);
    const rate = async (v: number) => (await convert('freshdesk', { ...jacket, satisfaction_ratings: [{ ratings: { default_question: v } }] })).csat;
    expect([await rate(-103), await rate(100), await rate(103)]).toEqual([1, 3, 5]);
  });

  it('maps messages: description by the requester (or the responder on outbound email), incoming → customer, private → note', async () => {
    const c = await convert('freshdesk', jacket);
    expect(roles(c)).toEqual(['customer', 'agent', 'customer']);
    expect(c.messages[0]).toEqual({ role: 'customer', text: jacket.description_text, at: '2026-03-04T07:00:12Z', authorId: '1000013001' });
    expect(c.metadata).toMatchObject({ internalNoteCount: 1, internalNotes: [{ text: 'Warehouse picked from the wrong bin.', authorId: '1000020001' }] });
    expect(roles(await convert('freshdesk', label))).toEqual(['agent', 'customer']);
    expect((await convert('freshdesk', label)).messages[0]!.authorId).toBe('1000020002');
    const { body_text: _t, ...htmlOnly } = jacket.conversations[0];
    expect((await convert('freshdesk', { ...jacket, conversations: [htmlOnly] })).messages[1]!.text).toBe(
      "Hello, I'm sorry! A blue one is on its way, keep the red one.",
    );
  });

  it('names the path of what it cannot read', async () => {
    const { conversations: _c, ...bare } = jacket;
    expect(await failure('freshdesk', bare)).toMatchObject({ code: 'unknown_shape', path: '$.conversations' });
    const { private: _p, ...unknownVisibility } = jacket.conversations[1];
    expect(await failure('freshdesk', { ...jacket, conversations: [unknownVisibility] })).toMatchObject({
      code: 'invalid_field',
      path: '$.conversations[0].private',
    });
    expect(await failure('freshdesk', { ...jacket, satisfaction_ratings: [{ ratings: { default_question: 4 } }] })).toMatchObject({
      code: 'invalid_field',
      path: '$.satisfaction_ratings[0].ratings.default_question',
    });
    expect(await failure('freshdesk', { ...jacket, created_at: '04/03/2026 07:00' })).toMatchObject({ code: 'invalid_field', path: '$.created_at' });
    expect(await failure('freshdesk', { ...jacket, description_text: '', description: undefined, conversations: [] })).toMatchObject({ code: 'no_messages' });
  });
});

describe('gorgias', () => {
  const [discount, invoice] = ndjson('gorgias', 'tickets.ndjson') as [Json, Json];

  it('maps ticket fields: id, channel, customer, assignee, status, tags, survey, language', async () => {
    const c = await convert('gorgias', discount);
    expect(c).toMatchObject({ id: '9001', channel: 'chat', customer: { id: '44001' }, agentId: '301', csat: 5, resolved: true });
    expect(c.metadata).toMatchObject({
      source: 'gorgias',
      subject: discount.subject,
      status: 'closed',
      via: 'gorgias_chat',
      language: 'en',
      tags: ['discount', 'checkout'],
    });
    expect(await convert('gorgias', invoice)).toMatchObject({ channel: 'email', resolved: false });
    expect((await convert('gorgias', invoice)).agentId).toBeUndefined();
    expect(await convert('gorgias', { ...invoice, channel: 'instagram-direct-message' })).toMatchObject({ channel: 'social', platform: 'instagram' });
    expect((await convert('gorgias', { ...invoice, channel: 'yotpo-review' })).channel).toBe('yotpo-review');
  });

  it('maps messages: from_agent false → customer, rule → bot, agent → agent, private → note, offsets kept', async () => {
    const c = await convert('gorgias', discount);
    expect(roles(c)).toEqual(['customer', 'bot', 'agent']);
    expect(c.messages[0]).toEqual({ role: 'customer', text: 'Code SPRING10 says invalid.', at: '2026-03-06T12:00:00.123456+00:00', authorId: '44001' });
    expect(c.metadata).toMatchObject({ internalNoteCount: 1, internalNotes: [{ text: 'Code expired on 1 March.', authorId: '301' }] });
    const i = await convert('gorgias', invoice);
    expect(i.messages[0]).toMatchObject({ text: 'Could you send the invoice for order 7781?', at: '2026-03-07T08:00:00+01:00' });
    const publicNoteChannel = structuredClone(discount);
    publicNoteChannel.messages[3].channel = 'internal-note';
    expect((await convert('gorgias', publicNoteChannel)).metadata?.internalNoteCount).toBe(2);
  });

  it('names the path of what it cannot read', async () => {
    const { messages: _m, ...listed } = invoice;
    expect(await failure('gorgias', listed)).toMatchObject({ code: 'unknown_shape', path: '$.messages' });
    expect(await failure('gorgias', { ...invoice, messages: [] })).toMatchObject({ code: 'no_messages', path: '$.messages' });
    const { from_agent: _f, ...unknownSide } = discount.messages[3];
    expect(await failure('gorgias', { ...discount, messages: [unknownSide] })).toMatchObject({ code: 'invalid_field', path: '$.messages[0].from_agent' });
    const noText = { ...invoice.messages[0], body_html: undefined };
    expect(await failure('gorgias', { ...invoice, messages: [noText] })).toMatchObject({ code: 'unknown_shape', path: '$.messages[0].body_text' });
    const local = structuredClone(invoice);
    local.messages[0].created_datetime = '2026-03-07T08:00:00';
    expect(await failure('gorgias', local)).toMatchObject({ code: 'invalid_field', path: '$.messages[0].created_datetime' });
  });
});
