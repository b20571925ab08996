import type { MessageView } from '../../pipeline/analyze/contract.js';
import type { MessageMood } from './model/mood.js';

/** How the conversation ended for the customer. */
export type CustomerOutcome = 'resolved' | 'unresolved' | 'dissatisfied' | 'unknown';

export interface MoodedMessage {
  m: MessageView;
  mood: MessageMood;
}

export interface OutcomeInput {
  /** Customer and agent messages in chronological order, with a mood for customer messages that have one. */
  sequence: readonly { m: MessageView; mood: MessageMood | null }[];
  /** Message indices with an escalation threat. */
  threats: ReadonlySet<number>;
  /** Does this agent message move the conversation to another channel? */
  redirects?: (m: MessageView) => boolean;
}

export interface OutcomeJudgement {
  outcome: CustomerOutcome;
  /** Why, in a few words (for explanations and review reasons). */
  why: string;
  /** The message that decided it. */
  messageIndex: number | null;
}

const QUESTION = /[?？]\s*$/u;

/**
 * The customer's outcome at the end of the conversation:
 * - `dissatisfied`: the last customer message is negative, or the customer threatened to
 *   escalate in one of their last two messages;
 * - `unresolved`: the customer's last message is a question or request no agent message answers,
 *   the customer wrote two or more messages in a row at the end with no reply, or the agent's last
 *   message moves the conversation elsewhere (a private message, a hotline) and the customer does
 *   not end content;
 * - `resolved`: the customer ends positive or neutral and was answered;
 * - `unknown`: no customer message has a mood (language without cues or model).
 */
export function judgeOutcome({ sequence, threats, redirects }: OutcomeInput): OutcomeJudgement {
  const customer = sequence.filter((s) => s.m.role === 'customer');
  const moods = customer.filter((s): s is { m: MessageView; mood: MessageMood } => s.mood !== null);
  const last = moods.at(-1);
  if (!last) return { outcome: 'unknown', why: 'no customer message could be read', messageIndex: null };
  const threat = customer.slice(-2).find((s) => threats.has(s.m.index));
  if (threat) return { outcome: 'dissatisfied', why: 'the customer threatens to escalate', messageIndex: threat.m.index };
  if (last.mood.label === 'negative') return { outcome: 'dissatisfied', why: 'the customer ends negative', messageIndex: last.m.index };
  let trailing = 0;
  for (let k = sequence.length - 1; k >= 0 && sequence[k]!.m.role === 'customer'; k--) trailing++;
  const lastCustomer = customer.at(-1)!;
  if (trailing >= 2 || (trailing === 1 && QUESTION.test(lastCustomer.m.text.trim()) && customer.length > 1)) {
    return {
      outcome: 'unresolved',
      why: trailing >= 2 ? `the customer wrote ${trailing} messages at the end with no reply` : 'the customer ends with an unanswered question',
      messageIndex: lastCustomer.m.index,
    };
  }
  const lastAgent = [...sequence].reverse().find((s) => s.m.role === 'agent');
  if (lastAgent && last.mood.label !== 'positive' && redirects?.(lastAgent.m)) {
    return {
      outcome: 'unresolved',
      why: 'the agent moved the conversation to another channel and the customer did not confirm a solution',
      messageIndex: lastAgent.m.index,
    };
  }
  return { outcome: 'resolved', why: `the customer ends ${last.mood.label}`, messageIndex: last.m.index };
}
