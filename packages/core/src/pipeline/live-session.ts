import { maskPersonalData } from '../analyzers/sensitive/pii/mask-text.js';
import { CxqaError, describeZodIssues } from '../errors.js';
import type { MessageEvidence } from '../langid/conversation.js';
import type { ContextOptions } from './normalize/context.js';
import { withFindingIds } from './score/conversation-facts.js';
import { type Conversation, ConversationSchema, type Message } from './validate/conversation.js';
import type { Finding } from './validate/finding.js';
import { safeParseMessage } from './validate/plain-conversation.js';
import type { Result } from './validate/result.js';

/** Finding-code prefixes that raise a live event by default: personal data, policy, abuse and misconduct, escalation threats. */
export const LIVE_EVENT_CODES: readonly string[] = ['pii.', 'policy.', 'sensitive.', 'politeness.', 'sentiment.escalation_risk'];

/**
 * Findings a single message cannot decide, left to `close()` whatever `codes` says: the first reply
 * to a complaint that acknowledges nothing (an earlier reply may have, outside the window) and a
 * large order ending negative (only the last customer message counts).
 */
const WHOLE_CONVERSATION_RULES = new Set(['politeness.no_acknowledgement', 'sentiment.large_order_complaint']);

/** What a finding event is about, from its code and who wrote the message. */
export type LiveFindingKind = 'personal_data' | 'policy' | 'misconduct' | 'customer_abuse' | 'escalation';

export type LiveEvent =
  | { type: 'finding'; kind: LiveFindingKind; messageIndex: number; finding: Finding }
  /** A first reply sent within `withinSeconds` of `at` would already breach the first-response target. */
  | { type: 'sla_at_risk'; messageIndex: number; targetSeconds: number; withinSeconds: number; at: string }
  /** No first reply yet and the first-response target has passed at `at`. */
  | { type: 'sla_breached'; messageIndex: number; targetSeconds: number; at: string };

export interface LiveSessionOptions {
  /** Earlier messages analyzed with each new one, as context for language and replies (default 4). */
  window?: number;
  /** Finding-code prefixes that raise an event (default `LIVE_EVENT_CODES`). */
  codes?: readonly string[];
  /** `check` warns when a first reply within this many seconds would breach (default: 20 % of the target). */
  warnWithinSeconds?: number;
}

/**
 * A conversation in progress. `add` analyzes only the new message (with a few earlier ones as
 * context) and returns its events; `check(now)` reports a first-response SLA at risk or breached;
 * `close` returns the Result of the whole conversation, the same as `inspector.inspect` on the
 * same messages. Methods run one at a time (calls are queued).
 */
export interface LiveSession {
  readonly conversationId: string;
  readonly messages: readonly Message[];
  /** Append a message (validated: a bad one is a CxqaError `invalid_conversation` naming the field, and is not added). */
  add(message: unknown): Promise<LiveEvent[]>;
  /** SLA events at `now` (a Date, ISO string or epoch ms); each fires once per session. */
  check(now: Date | string | number): Promise<LiveEvent[]>;
  /** The final Result; the session takes no more messages. */
  close(): Promise<Result>;
}

/** What the inspector lends a session: the pipeline run on a conversation with all, the windowed or the timing analyzers. */
export interface SessionRunners {
  inspect(conversation: Conversation): Promise<Result>;
  /** The window's messages; `languageContext` holds the earlier ones, read for language only. */
  window(conversation: Conversation, languageContext: ContextOptions['languageContext']): Promise<Result>;
  /** Null when the inspector has no timing analyzer. */
  timing: ((conversation: Conversation) => Promise<Result>) | null;
}

const PROBE_TEXT = 'first reply (probe)';

export function createLiveSession(header: unknown, runners: SessionRunners, options: LiveSessionOptions = {}): LiveSession {
  const base = validateHeader(header);
  // errors reach the caller's logs: the id as a Result shows it (maskResult)
  const shownId = maskPersonalData(base.id, { digitRuns: 'formatted' });
  const window = options.window ?? 4;
  if (!Number.isInteger(window) || window < 0)
    throw new CxqaError('invalid_option', `session: window ${window}: expected an integer ≥ 0`, { path: ['window'] });
  const codes = options.codes ?? LIVE_EVENT_CODES;
  const messages: Message[] = [];
  // each message's language evidence is scored once; the window reads the earlier messages' from here
  const evidenceCache = new WeakMap<Message, MessageEvidence>();
  const fired = new Set<string>();
  let closed = false;
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(job: () => Promise<T>): Promise<T> => {
    const next = queue.then(job, job);
    queue = next.catch(() => undefined);
    return next;
  };
  const open = (what: string) => {
    if (closed) throw new CxqaError('invalid_option', `session ${shownId}: ${what} after close()`);
  };

  async function add(input: unknown): Promise<LiveEvent[]> {
    open('add');
    const index = messages.length;
    const checked = safeParseMessage(input);
    if (!checked.success) {
      const { issues, summary } = describeZodIssues(checked.error);
      throw new CxqaError('invalid_conversation', `session ${shownId}: message ${index}: ${summary}`, {
        path: ['messages', index],
        issues: issues.map((i) => ({ ...i, path: ['messages', index, ...i.path] })),
      });
    }
    messages.push(checked.data);
    if (!codes.length) return [];
    const from = Math.max(0, index - window);
    const result = await runners.window({ ...base, messages: messages.slice(from) }, { messages: messages.slice(0, from), evidenceCache });
    // the new message's findings, and those on an earlier reply that the new message decided (the
    // customer objecting to its laugh or tone), indexed in the whole conversation, with batch's ids
    const own = withFindingIds(
      base.id,
      result.findings
        .filter((f) => f.messageIndex === index - from || decidedBy(f) === index - from)
        .map((f) => ({
          ...f,
          messageIndex: from + f.messageIndex!,
          ...(decidedBy(f) === null ? {} : { rule: { ...f.rule!, detail: { ...f.rule!.detail, objection: index } } }),
        })),
    );
    const events: LiveEvent[] = [];
    for (const f of own) {
      if (!codes.some((c) => f.code.startsWith(c))) continue;
      if (WHOLE_CONVERSATION_RULES.has(f.code) || WHOLE_CONVERSATION_RULES.has(f.rule?.id ?? '')) continue;
      events.push({ type: 'finding', kind: kindOf(f.code, messages[f.messageIndex!]!.role), messageIndex: f.messageIndex!, finding: f });
    }
    return events;
  }

  async function check(nowInput: Date | string | number): Promise<LiveEvent[]> {
    open('check');
    const now = new Date(nowInput).getTime();
    if (Number.isNaN(now)) throw new CxqaError('invalid_option', `session ${shownId}: check(${String(nowInput)}): not a time`);
    const first = messages.findIndex((m) => m.role === 'customer' && m.text.trim());
    if (!runners.timing || first < 0 || fired.has('sla_breached')) return [];
    const replied = messages.some((m, i) => i > first && m.role === 'agent');
    if (replied) return [];
    const probe = async (at: number) => {
      const r = await runners.timing!({ ...base, messages: [...messages, { role: 'agent', text: PROBE_TEXT, at: new Date(at).toISOString() }] });
      const target = r.metrics['timing.firstResponseTargetSeconds'];
      return { target: typeof target === 'number' ? target : null, breach: r.findings.some((f) => f.code === 'timing.first_response_breach') };
    };
    const nowProbe = await probe(now);
    if (nowProbe.target === null) return [];
    const at = new Date(now).toISOString();
    if (nowProbe.breach) {
      fired.add('sla_breached');
      return [{ type: 'sla_breached', messageIndex: first, targetSeconds: nowProbe.target, at }];
    }
    if (fired.has('sla_at_risk')) return [];
    const within = options.warnWithinSeconds ?? Math.round(nowProbe.target * 0.2);
    if (!(await probe(now + within * 1000)).breach) return [];
    fired.add('sla_at_risk');
    return [{ type: 'sla_at_risk', messageIndex: first, targetSeconds: nowProbe.target, withinSeconds: within, at }];
  }

  async function close(): Promise<Result> {
    open('close');
    closed = true;
    return runners.inspect({ ...base, messages: [...messages] });
  }

  return {
    conversationId: base.id,
    messages,
    add: (m) => serial(() => add(m)),
    check: (now) => serial(() => check(now)),
    close: () => serial(close),
  };
}

function validateHeader(header: unknown): Conversation {
  const messages = (header as { messages?: unknown } | null)?.messages;
  if (messages !== undefined && !(Array.isArray(messages) && messages.length === 0))
    throw new CxqaError('invalid_conversation', 'session: start with a conversation header and no messages; add them with add()', { path: ['messages'] });
  const checked = ConversationSchema.safeParse({ ...(header as object), messages: [] });
  if (!checked.success) {
    const { issues, summary } = describeZodIssues(checked.error);
    throw new CxqaError('invalid_conversation', `session: ${summary}`, { issues });
  }
  return checked.data;
}

/**
 * The message that decided a finding on an earlier one (`rule.detail.objection`: the customer's
 * objection to a reply's laugh or tone), or null. Such a finding is an event when that message
 * arrives, and it may supersede the reply's own milder event (an info laugh becomes critical).
 */
function decidedBy(f: Finding): number | null {
  const objection = f.rule?.detail?.objection;
  return typeof objection === 'number' ? objection : null;
}

function kindOf(code: string, role: Message['role']): LiveFindingKind {
  if (code.startsWith('pii.')) return 'personal_data';
  if (code.startsWith('policy.')) return 'policy';
  if (code.startsWith('sentiment.')) return 'escalation';
  return role === 'customer' ? 'customer_abuse' : 'misconduct';
}
