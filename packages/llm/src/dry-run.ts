import { type AnalyzerContext, type ConversationInput, CxqaError } from '@cxqa/core';
import { buildAnalyzerContext } from '@cxqa/core/testing';
import { type LlmJudgeOptions, resolveQuestions } from './judge.js';
import { planInputOf, planRequest, type RequestPlan } from './plan.js';
import { tiktokenCounter } from './tokens.js';

export interface DryRunConversation {
  id: string;
  questions: string[];
  requests: number;
  inputTokens: number;
  outputTokensEstimate: number;
  omittedMessages: number;
  capped?: string;
  costUsd: number | null;
}

export interface DryRunReport {
  model: string;
  counter: string;
  conversations: DryRunConversation[];
  totals: { conversations: number; requests: number; capped: number; inputTokens: number; outputTokensEstimate: number; costUsd: number | null };
}

type Input = ConversationInput | Pick<AnalyzerContext, 'conversation' | 'languages' | 'chronological'>;

/**
 * What judging these conversations would send and cost, contacting nothing: per conversation the
 * applicable questions, requests, input tokens (counted on the exact messages the analyzer would
 * send), estimated output tokens, trimming, caps (per conversation and `maxRunTokens`) and cost.
 * Needs only `model` (for the price table): no key, no base URL.
 *
 * @example
 * const report = await dryRun(conversations, { model: 'gpt-4o-mini', prices: { 'gpt-4o-mini': { input: 0.15, output: 0.6 } } });
 * console.log(report.totals.inputTokens, report.totals.costUsd);
 */
export async function dryRun(
  inputs: Iterable<Input> | AsyncIterable<Input>,
  options: Pick<
    LlmJudgeOptions,
    | 'model'
    | 'questions'
    | 'samples'
    | 'encoding'
    | 'counter'
    | 'maxRunTokens'
    | 'maxInputTokens'
    | 'trim'
    | 'maxMessageChars'
    | 'maxOutputTokens'
    | 'outputTokensPerQuestion'
    | 'prices'
  >,
): Promise<DryRunReport> {
  const model = options.model?.trim();
  if (!model) throw new CxqaError('invalid_option', 'llm: no model: pass `model` (the price table and the plan name it)', { path: ['model'] });
  const counter = options.counter ?? tiktokenCounter(options.encoding);
  const cfg = { ...options, model, questionSet: resolveQuestions(options.questions), counter, samples: options.samples ?? 1 };
  const conversations: DryRunConversation[] = [];
  let run = 0;
  for await (const input of inputs) {
    const ctx = 'chronological' in input ? input : await buildAnalyzerContext(input as ConversationInput);
    const p: RequestPlan = planRequest(planInputOf(ctx), cfg);
    let capped = p.capped;
    const reserve = (p.inputTokens + p.outputTokensEstimate) * p.requests;
    if (!capped && p.requests && options.maxRunTokens !== undefined) {
      if (run + reserve > options.maxRunTokens)
        capped = `needs ${reserve} tokens and the run has ${Math.max(0, options.maxRunTokens - run)} of maxRunTokens ${options.maxRunTokens} left`;
      else run += reserve;
    }
    const sent = !capped && p.requests > 0;
    conversations.push({
      id: p.conversationId,
      questions: p.questions.map((q) => q.id),
      requests: sent ? p.requests : 0,
      inputTokens: sent ? p.inputTokens : 0,
      outputTokensEstimate: sent ? p.outputTokensEstimate : 0,
      omittedMessages: p.omittedMessages,
      ...(capped ? { capped } : {}),
      costUsd: sent ? p.costUsd : 0,
    });
  }
  const sum = (f: (c: DryRunConversation) => number) => conversations.reduce((s, c) => s + f(c), 0);
  const priced = conversations.every((c) => c.costUsd !== null);
  return {
    model,
    counter: counter.name,
    conversations,
    totals: {
      conversations: conversations.length,
      requests: sum((c) => c.requests),
      capped: conversations.filter((c) => c.capped).length,
      inputTokens: sum((c) => c.inputTokens * c.requests),
      outputTokensEstimate: sum((c) => c.outputTokensEstimate * c.requests),
      costUsd: priced ? sum((c) => c.costUsd ?? 0) : null,
    },
  };
}
