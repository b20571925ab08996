import { createHash } from 'node:crypto';
import type { AnalyzerContext, Conversation } from '@cxqa/core';
import { omissionMarker, PROMPT_VERSION, renderLine, renderUserMessage, SYSTEM_PROMPT } from './prompt.js';
import { applies, type Question, type QuestionSet } from './questions.js';
import { countChat, type TokenCounter } from './tokens.js';

/** USD per million tokens, by model name. */
export type PriceTable = Record<string, { input: number; output: number }>;

export interface BudgetOptions {
  /** Input tokens one request may take; a longer transcript is trimmed to fit, keeping both ends (default 16,000). */
  maxInputTokens?: number;
  /** Trim long conversations (default true); when false, a conversation over `maxInputTokens` is capped. */
  trim?: boolean;
  /** A single message longer than this many characters keeps its start and end around a marker (default 4,000). */
  maxMessageChars?: number;
  /** `max_tokens` sent with each request (default 1,500). */
  maxOutputTokens?: number;
  /** Output tokens expected per question, for cost estimates (default 90). */
  outputTokensPerQuestion?: number;
  /** Price table for cost estimates; a model not in it has cost null. */
  prices?: PriceTable;
}

/** What one conversation's judging will send and cost, computed without contacting anything. */
export interface RequestPlan {
  conversationId: string;
  questions: Question[];
  messages: { role: 'system' | 'user'; content: string }[];
  /** Input tokens of one request, counted on exactly the messages sent. */
  inputTokens: number;
  /** Expected output tokens of one request (per-question estimate, at most `maxOutputTokens`). */
  outputTokensEstimate: number;
  /** Requests the judging takes (self-consistency samples); 0 when nothing applies or capped. */
  requests: number;
  /** Messages left out by trimming, and messages whose middle was cut. */
  omittedMessages: number;
  cutMessages: number;
  /** Message indices the judge sees (quotes from others cannot be verified). */
  shown: ReadonlySet<number>;
  /** Set when the conversation will not be sent: why. */
  capped?: string;
  /** sha-256 of the rendered request (questions + transcript). */
  conversationHash: string;
  /** Estimated USD for all `requests` (input + estimated output), null without a price. */
  costUsd: number | null;
}

export interface PlanInput {
  conversation: Conversation;
  languages: readonly string[];
  /** Message indices in reading order (default: input order). */
  order?: readonly number[];
}

export interface PlanConfig extends BudgetOptions {
  model: string;
  questionSet: QuestionSet;
  counter: TokenCounter;
  samples: number;
}

function cutMiddle(text: string, max: number): string {
  if (text.length <= max) return text;
  const half = Math.floor((max - 40) / 2);
  return `${text.slice(0, half)} […${text.length - 2 * half} characters omitted…] ${text.slice(text.length - half)}`;
}

export function priceOf(prices: PriceTable | undefined, model: string, input: number, output: number): number | null {
  const p = prices?.[model];
  if (!p) return null;
  return (input * p.input + output * p.output) / 1e6;
}

/** Plan one conversation's request: which questions apply, the exact messages, their tokens, trimming, caps and cost. */
export function planRequest(input: PlanInput, cfg: PlanConfig): RequestPlan {
  const { conversation } = input;
  const maxInput = cfg.maxInputTokens ?? 16_000;
  const maxChars = cfg.maxMessageChars ?? 4_000;
  const maxOut = cfg.maxOutputTokens ?? 1_500;
  const questions = cfg.questionSet.questions.filter((q) =>
    applies(q, { inquiryType: conversation.inquiryType, platform: conversation.platform, languages: input.languages }),
  );
  const order = input.order ?? conversation.messages.map((_, i) => i);
  let cut = 0;
  const lines = order.map((i) => {
    const m = conversation.messages[i]!;
    const text = cutMiddle(m.text, maxChars);
    if (text !== m.text) cut++;
    return { index: i, line: renderLine({ index: i, role: m.role, text }) };
  });
  const build = (kept: typeof lines, omitted: { count: number; from: number; to: number; at: number } | null): RequestPlan['messages'] => {
    const rendered = kept.map((l) => l.line);
    if (omitted) rendered.splice(omitted.at, 0, omissionMarker(omitted.count, omitted.from, omitted.to));
    return [
      { role: 'system', content: SYSTEM_PROMPT },
      { role: 'user', content: renderUserMessage(questions, rendered) },
    ];
  };
  const outputTokensEstimate = Math.min(maxOut, 20 + questions.length * (cfg.outputTokensPerQuestion ?? 90));
  const finish = (messages: RequestPlan['messages'], kept: typeof lines, omittedMessages: number, capped?: string): RequestPlan => {
    const inputTokens = countChat(cfg.counter, messages);
    const requests = capped || !questions.length ? 0 : cfg.samples;
    return {
      conversationId: conversation.id,
      questions,
      messages,
      inputTokens,
      outputTokensEstimate: requests ? outputTokensEstimate : 0,
      requests,
      omittedMessages,
      cutMessages: cut,
      shown: new Set(kept.map((l) => l.index)),
      ...(capped ? { capped } : {}),
      conversationHash: createHash('sha256')
        .update(`${PROMPT_VERSION}\n${messages.map((m) => m.content).join('\n')}`)
        .digest('hex'),
      costUsd: requests ? priceOf(cfg.prices, cfg.model, inputTokens * requests, outputTokensEstimate * requests) : 0,
    };
  };

  const full = build(lines, null);
  const fullTokens = countChat(cfg.counter, full);
  if (fullTokens <= maxInput || !questions.length) return finish(full, lines, 0);
  const over = `needs ${fullTokens} input tokens, over maxInputTokens ${maxInput}`;
  if (cfg.trim === false) return finish(full, lines, 0, `${over} and trimming is off: raise maxInputTokens or set trim: true`);

  // keep both ends: take messages alternately from the start and the end while they fit
  const fixed = countChat(cfg.counter, build([], { count: lines.length, from: lines[0]?.index ?? 0, to: lines.at(-1)?.index ?? 0, at: 0 }));
  let room = maxInput - fixed;
  const lineCost = lines.map((l) => cfg.counter.count(l.line) + 1);
  let head = 0;
  let tail = lines.length;
  let fromHead = true;
  while (head < tail) {
    const i = fromHead ? head : tail - 1;
    if (lineCost[i]! > room) break;
    room -= lineCost[i]!;
    if (fromHead) head++;
    else tail--;
    fromHead = !fromHead;
  }
  if (head === 0 || tail === lines.length) {
    return finish(full, lines, 0, `${over}; even its first and last messages do not fit: raise maxInputTokens or lower maxMessageChars`);
  }
  const kept = [...lines.slice(0, head), ...lines.slice(tail)];
  const omitted = lines.slice(head, tail);
  const messages = build(kept, omitted.length ? { count: omitted.length, from: omitted[0]!.index, to: omitted.at(-1)!.index, at: head } : null);
  const plan = finish(messages, kept, omitted.length);
  if (plan.inputTokens > maxInput) return finish(full, lines, 0, `${over} and still ${plan.inputTokens} after trimming: raise maxInputTokens`);
  return plan;
}

/** Dominant languages and reading order from an analyzer context. */
export function planInputOf(ctx: Pick<AnalyzerContext, 'conversation' | 'languages' | 'chronological'>): PlanInput {
  return { conversation: ctx.conversation, languages: Object.values(ctx.languages), order: ctx.chronological };
}
