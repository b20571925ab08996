import { maskPersonalData } from '../analyzers/sensitive/pii/mask-text.js';
import { maskConversationId } from '../pipeline/score/mask-result.js';
import type { Conversation } from '../pipeline/validate/conversation.js';
import type { AllowList, SuppressEntry } from './allow.js';
import { sameConversation } from './conversation-id.js';
import type { AppealLog } from './log.js';
import type { AppealState } from './schema.js';

/** A regression case from accepted appeals: the conversation (masked) and the findings that must not fire on it again. */
export interface AppealFixture {
  kind: 'appeal';
  /** The accepted appeals this case stands for. */
  appeals: string[];
  conversation: Conversation;
  expect: { findings_absent: { code: string; messageIndex?: number }[] };
}

/** What accepted appeals export: allow-list entries, regression fixtures, and appeals that gave no entry (and why). */
export interface AppealsExport {
  allow: AllowList;
  fixtures: AppealFixture[];
  /** Accepted appeals whose conversation was not given: no fixture for them. */
  withoutFixture: string[];
}

/** `cxqa.profanity@1.2.0:damn` → `cxqa.profanity` (the lexicon a term hit came from). */
const lexiconIdOf = (ruleId: string) => ruleId.slice(0, ruleId.search(/[@:]/) < 0 ? ruleId.length : ruleId.search(/[@:]/));

/** At most this many characters of context on each side of a lexicon hit (unspaced scripts have no word to stop at). */
const CONTEXT_CHARS = 12;

/**
 * The text an allow entry carries for an appeal, or null when it would hold personal data (or
 * the finding has no span): for a lexicon hit the term with the word before and after it in the
 * message ("total crap to"), so the allow-list lifts this use and not the term everywhere (an
 * allow entry equal to the term would not even match: the term's own entry wins); for any other
 * finding the span's text. Without the conversation: the logged evidence, not for lexicon hits.
 */
function allowText(a: AppealState, conversation: Conversation | undefined, lexicon: boolean): string | null {
  const { messageIndex, span, code, evidence } = a.finding;
  if (code.startsWith('pii.') || !span) return null;
  const message = messageIndex === undefined ? undefined : conversation?.messages[messageIndex]?.text;
  let text: string | undefined;
  if (message === undefined) text = lexicon ? undefined : evidence;
  else if (!lexicon) text = message.slice(span.start, span.end);
  else {
    const before = /[\p{L}\p{N}'’-]+\s*$/u.exec(message.slice(0, span.start))?.[0] ?? '';
    const after = /^\s*[\p{L}\p{N}'’-]+/u.exec(message.slice(span.end))?.[0] ?? '';
    text = `${before.slice(-CONTEXT_CHARS)}${message.slice(span.start, span.end)}${after.slice(0, CONTEXT_CHARS)}`;
  }
  text = text?.trim();
  return text && maskPersonalData(text) === text ? text : null;
}

/** The conversation with personal data masked in every text (its id as a Result shows it) and the customer's contact dropped; metadata is left out. */
export function maskConversation(c: Conversation): Conversation {
  const { metadata: _metadata, customer, agentId, ...rest } = c;
  const { contact: _contact, id, ...where } = customer ?? {};
  return {
    ...rest,
    id: maskConversationId(c.id),
    ...(agentId !== undefined ? { agentId: maskPersonalData(agentId) } : {}),
    ...(customer ? { customer: { ...where, ...(id !== undefined ? { id: maskPersonalData(id) } : {}) } } : {}),
    messages: c.messages.map((m) => ({
      ...m,
      text: maskPersonalData(m.text),
      ...(m.authorId !== undefined ? { authorId: maskPersonalData(m.authorId) } : {}),
    })),
  };
}

/**
 * Turn the accepted appeals of a log into rule changes: a lexicon hit's text with a word of
 * context each side goes to that lexicon's allow-list, a policy hit's span text to its rule's
 * (by code), any other finding becomes a
 * suppression entry by code and span text, or by code and conversation (and message) when it
 * has no span or its text is personal data (pii.*). Each conversation given yields a regression
 * fixture with the withdrawn findings expected absent, personal data masked. Rejected and
 * severity-changed appeals export nothing: the finding stands.
 *
 * @example
 * const { allow, fixtures } = exportAppeals(readAppeals('appeals.log'), conversations);
 * // allow.policies['policy.review_manipulation'] → ['refund you in full if you change your review to 5 stars']
 */
export function exportAppeals(log: AppealLog, conversations: readonly Conversation[] = []): AppealsExport {
  const allow: AllowList = { lexicons: {}, policies: {}, findings: [] };
  const add = (list: string[], text: string) => list.includes(text) || list.push(text);
  const cases = new Map<string, AppealFixture>();
  const withoutFixture: string[] = [];
  for (const a of log.appeals.filter((x) => x.decision?.outcome === 'accept')) {
    const conversation = conversations.find((c) => sameConversation(c.id, a.conversationId));
    const { code, rule, messageIndex } = a.finding;
    const lexicon = rule?.kind === 'lexicon' && code.startsWith('sensitive.');
    const text = allowText(a, conversation, lexicon);
    const note = `${a.id}: ${a.decision!.reason}`;
    if (text && lexicon) add((allow.lexicons[lexiconIdOf(rule!.id)] ??= []), text);
    else if (text && code.startsWith('policy.')) add((allow.policies[code] ??= []), text);
    else {
      const entry: SuppressEntry = text
        ? { code, text, note }
        : { code, conversationId: a.conversationId, ...(messageIndex !== undefined ? { messageIndex } : {}), note };
      allow.findings.push(entry);
    }
    if (!conversation) {
      withoutFixture.push(a.id);
      continue;
    }
    const fixture = cases.get(a.conversationId) ?? {
      kind: 'appeal' as const,
      appeals: [],
      conversation: maskConversation(conversation),
      expect: { findings_absent: [] },
    };
    fixture.appeals.push(a.id);
    fixture.expect.findings_absent.push({ code, ...(messageIndex !== undefined ? { messageIndex } : {}) });
    cases.set(a.conversationId, fixture);
  }
  return { allow, fixtures: [...cases.values()], withoutFixture };
}
