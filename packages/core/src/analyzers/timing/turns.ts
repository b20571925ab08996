import type { MessageView } from '../../pipeline/analyze/contract.js';

export interface ResponseTurn {
  /** Index of the first customer message of the turn. */
  customerIndex: number;
  /** Index of the agent message that answered it, or null. */
  agentIndex: number | null;
  startMs: number;
  /** Seconds until the agent answered, or null when nobody did. */
  seconds: number | null;
}

export interface TurnAnalysis {
  firstCustomer: MessageView | null;
  firstAgentReply: MessageView | null;
  firstBotReply: MessageView | null;
  turns: ResponseTurn[];
  lastAgent: MessageView | null;
  last: MessageView | null;
  /** First message (input order) whose timestamp is earlier than the one before it. */
  outOfOrderIndex: number | null;
}

/**
 * Walk the conversation in time order. A customer turn starts at a customer message that is
 * not already waiting for an answer and ends at the next agent message; bot and system
 * messages never answer a turn.
 */
export function analyzeTurns(messages: readonly MessageView[], chronological: readonly number[]): TurnAnalysis {
  let firstCustomer: MessageView | null = null;
  let firstAgentReply: MessageView | null = null;
  let firstBotReply: MessageView | null = null;
  let lastAgent: MessageView | null = null;
  let last: MessageView | null = null;
  const turns: ResponseTurn[] = [];
  let open: ResponseTurn | null = null;
  for (const i of chronological) {
    const m = messages[i]!;
    last = m;
    if (m.role === 'customer') {
      firstCustomer ??= m;
      if (!open) {
        open = { customerIndex: m.index, agentIndex: null, startMs: m.time, seconds: null };
        turns.push(open);
      }
    } else if (m.role === 'agent') {
      lastAgent = m;
      if (firstCustomer && !firstAgentReply) firstAgentReply = m;
      if (open) {
        open.agentIndex = m.index;
        open.seconds = (m.time - open.startMs) / 1000;
        open = null;
      }
    } else if (m.role === 'bot' && firstCustomer && !firstBotReply) {
      firstBotReply = m;
    }
  }
  let outOfOrderIndex: number | null = null;
  for (let i = 1; i < messages.length; i++) {
    if (messages[i]!.time < messages[i - 1]!.time) {
      outOfOrderIndex = i;
      break;
    }
  }
  return { firstCustomer, firstAgentReply, firstBotReply, turns, lastAgent, last, outOfOrderIndex };
}

export function mean(xs: readonly number[]): number | null {
  if (!xs.length) return null;
  // left to right, as `xs.reduce((a, b) => a + b, 0)`, without a closure per call (decision 204)
  let sum = 0;
  for (const x of xs) sum += x;
  return sum / xs.length;
}

const ascending = (a: number, b: number): number => a - b;

export function median(xs: readonly number[]): number | null {
  if (!xs.length) return null;
  const s = [...xs].sort(ascending);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
