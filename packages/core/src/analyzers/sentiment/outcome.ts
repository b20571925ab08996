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
/** A message that asks something: a question mark anywhere (full-width included). */
const ASKS = /[?？]/u;

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

/** What the customer had to go through on the way to the end, counted from the message sequence. */
export interface CustomerEffort {
  /**
   * Customer messages asking a question (a "?" or "？") after the agent's first reply, that no agent
   * message follows before the customer's next message or the end: follow-up questions left unanswered.
   */
  unansweredQuestions: number;
  /** Agent messages that move the conversation to another channel (a private message, a hotline, e-mail). */
  channelRedirects: number;
}

/**
 * Count the customer's unanswered follow-up questions and the agent's moves to another channel.
 * Questions before the agent's first reply are not counted (a customer who splits an opening
 * question over two messages has not been ignored).
 */
export function customerEffort({ sequence, redirects }: Pick<OutcomeInput, 'sequence' | 'redirects'>): CustomerEffort {
  let agentSpoke = false;
  let unansweredQuestions = 0;
  let channelRedirects = 0;
  sequence.forEach((s, k) => {
    if (s.m.role === 'agent') {
      agentSpoke = true;
      if (redirects?.(s.m)) channelRedirects++;
    } else if (agentSpoke && s.m.role === 'customer' && ASKS.test(s.m.text) && sequence[k + 1]?.m.role !== 'agent') unansweredQuestions++;
  });
  return { unansweredQuestions, channelRedirects };
}

/** Each unanswered follow-up question and each move to another channel lowers the outcome base by this much. */
export const EFFORT_PENALTY = 0.1;
/** At most this many of each count. */
export const EFFORT_CAP = 3;

/**
 * The `outcome` dimension's base (0 … 1) from how the customer ends: 0.5 + 0.5 × the end mood
 * score (−1 … 1), capped at 0.35 when dissatisfied and 0.6 when unresolved, then lowered by 0.1
 * for each unanswered follow-up question and each move to another channel (at most 3 of each),
 * not below 0. Null when the outcome is unknown or no customer message has a mood.
 */
export function outcomeBase(outcome: CustomerOutcome, endScore: number | null, effort: CustomerEffort): number | null {
  if (outcome === 'unknown' || endScore === null) return null;
  const capped = Math.min(0.5 + 0.5 * endScore, outcome === 'dissatisfied' ? 0.35 : outcome === 'unresolved' ? 0.6 : 1);
  const lowered = capped - EFFORT_PENALTY * (Math.min(effort.unansweredQuestions, EFFORT_CAP) + Math.min(effort.channelRedirects, EFFORT_CAP));
  return Math.round(Math.max(0, lowered) * 1000) / 1000;
}
