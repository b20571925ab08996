import { type Analyzer, type AnalyzerContext, type AnalyzerOutput, CxqaError, describeThrown, type Finding, type MetricValue } from '@cxqa/core';
import { APIError } from 'openai';
import pLimit from 'p-limit';
import { type CachedReply, cacheKey, diskCache, type ReplyCache } from './cache.js';
import { type LlmEndpointOptions, resolveEndpoint } from './client.js';
import { type CompleterOptions, createCompleter, parseJsonContent } from './complete.js';
import { type BudgetOptions, planInputOf, planRequest, priceOf, type RequestPlan } from './plan.js';
import { jsonSchemaFormat, PROMPT_VERSION, type Reply, replySchema } from './prompt.js';
import { defaultQuestionSet, loadQuestionSet, type Question, type QuestionSet } from './questions.js';
import { type Encoding, type TokenCounter, tiktokenCounter } from './tokens.js';
import { locateQuote } from './verify.js';

export const LLM_ANALYZER_VERSION = '0.1.0';

export interface LlmJudgeOptions extends LlmEndpointOptions, BudgetOptions, CompleterOptions {
  /** A question set, or the path of a YAML/JSON one (default: the shipped questions). */
  questions?: QuestionSet | string;
  /** Analyzer name, finding-code and metric prefix (default `llm`). */
  name?: string;
  /** Sampling temperature (default 0; 0.7 when `samples` > 1 and not given). */
  temperature?: number;
  /** Seed sent with each request; sample k uses seed + k (default 7). */
  seed?: number;
  /** Self-consistency: requests per conversation, majority answer per question (default 1). */
  samples?: number;
  /** Directory of the on-disk reply cache, or a cache object. */
  cache?: string | ReplyCache;
  /** Requests in flight at once across all conversations (default 4). */
  concurrency?: number;
  /** Input + estimated output tokens the whole run may spend; later conversations are capped. */
  maxRunTokens?: number;
  /** Token counting (default js-tiktoken o200k_base). */
  encoding?: Encoding;
  counter?: TokenCounter;
  /** Extra attempts when a reply is not JSON or breaks the schema (default 1). */
  invalidReplyRetries?: number;
}

export interface LlmJudgeAnalyzer extends Analyzer {
  readonly model: string;
  readonly questionSet: QuestionSet;
  /** Plan a conversation's request without sending it (what `dryRun` uses). */
  plan(ctx: Pick<AnalyzerContext, 'conversation' | 'languages' | 'chronological'>): RequestPlan;
  /** Tokens reserved so far against `maxRunTokens`. */
  readonly runTokens: number;
}

type Answer = Reply['answers'][number];
type Status = 'answered' | 'na' | 'unverified' | 'missing';

interface Judged {
  question: Question;
  status: Status;
  answer?: string;
  confidence?: number;
  quotes: { message: number; text: string; start: number; end: number }[];
  agreement?: number;
}

/** Resolve the question option. */
export function resolveQuestions(q: QuestionSet | string | undefined): QuestionSet {
  if (q === undefined) return defaultQuestionSet();
  return typeof q === 'string' ? loadQuestionSet(q) : q;
}

function scoreOf(q: Question, answer: string): number | null {
  if (answer === 'na') return null;
  if (q.answer === 'yes_no') return answer === 'yes' ? 1 : 0;
  return (Number(answer) - 1) / 4;
}

function isBad(q: Question, answer: string): boolean {
  if (answer === 'na') return false;
  if (q.answer === 'yes_no') return answer === 'no';
  return Number(answer) <= (q.badAtOrBelow ?? 2);
}

function validAnswer(q: Question, answer: string): boolean {
  return answer === 'na' || (q.answer === 'yes_no' ? answer === 'yes' || answer === 'no' : /^[1-5]$/.test(answer));
}

/** Parse a reply's content: JSON (fences tolerated in JSON mode), then the reply schema. */
export function parseReply(content: string, questions: readonly Question[]): { ok: true; reply: Reply } | { ok: false; problem: string } {
  const json = parseJsonContent(content);
  if (!json.ok) return json;
  const raw = json.value;
  const r = replySchema(questions).safeParse(raw);
  if (!r.success)
    return {
      ok: false,
      problem: `outside the reply schema: ${r.error.issues
        .slice(0, 3)
        .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
        .join('; ')}`,
    };
  return { ok: true, reply: r.data };
}

/**
 * An analyzer that asks an LLM the rubric questions that apply to each conversation, in one request
 * per conversation, and keeps only answers whose evidence quotes are found verbatim (whitespace
 * aside) in the messages they cite. Bad answers become findings `llm.<question id>`; each question
 * scores its dimension (yes 1, no 0, scale (v − 1) / 4). Any failure to get a valid reply rejects,
 * so the pipeline marks the conversation `partial` and keeps the other analyzers' output.
 *
 * @example
 * const judge = llmJudgeAnalyzer({ baseURL: 'https://api.openai.com/v1', model: 'gpt-4o-mini', cache: '.cxqa-cache/llm' });
 * const inspector = createInspector({ analyzers: [...builtinAnalyzers(), judge] });
 */
export function llmJudgeAnalyzer(options: LlmJudgeOptions): LlmJudgeAnalyzer {
  const endpoint = resolveEndpoint(options);
  const questionSet = resolveQuestions(options.questions);
  const name = options.name ?? 'llm';
  if (!/^[a-z0-9_]+$/.test(name))
    throw new CxqaError('invalid_option', `llm: \`name\` "${name}" must be lower-case letters, digits and _ (it prefixes finding codes and metrics)`, {
      path: ['name'],
    });
  const samples = options.samples ?? 1;
  if (!Number.isInteger(samples) || samples < 1 || samples > 15)
    throw new CxqaError('invalid_option', 'llm: `samples` must be an integer from 1 to 15', { path: ['samples'] });
  const temperature = options.temperature ?? (samples > 1 ? 0.7 : 0);
  const seed = options.seed ?? 7;
  const counter = options.counter ?? tiktokenCounter(options.encoding);
  const cache = typeof options.cache === 'string' ? diskCache(options.cache) : options.cache;
  const limit = pLimit(options.concurrency ?? 4);
  const invalidRetries = options.invalidReplyRetries ?? 1;
  const completer = createCompleter(endpoint, options);
  let runTokens = 0;
  const planConfig = { ...options, model: endpoint.model, questionSet, counter, samples };
  const plan = (ctx: Pick<AnalyzerContext, 'conversation' | 'languages' | 'chronological'>) => planRequest(planInputOf(ctx), planConfig);

  async function sample(p: RequestPlan, k: number, signal: AbortSignal, m: Record<string, number>): Promise<Reply> {
    const key = cacheKey({
      model: endpoint.model,
      promptVersion: PROMPT_VERSION,
      questionSetVersion: questionSet.version,
      conversationHash: p.conversationHash,
      temperature,
      seed: seed + k,
    });
    const hit = await cache?.get(key);
    if (hit) {
      const parsed = parseReply(hit.content, p.questions);
      if (parsed.ok) {
        m.cacheHits!++;
        return parsed.reply;
      }
    }
    let problem = '';
    for (let attempt = 0; attempt <= invalidRetries; attempt++) {
      const stats = { attempts: 0, waitedMs: 0, fallbacks: 0 };
      let reply: CachedReply;
      try {
        reply = await limit(() =>
          completer.complete(
            {
              messages: p.messages,
              temperature,
              seed: seed + k,
              maxTokens: options.maxOutputTokens ?? 1_500,
              schemaFormat: jsonSchemaFormat(p.questions),
            },
            signal,
            stats,
          ),
        );
      } catch (error) {
        m.requests! += stats.attempts;
        if (signal.aborted) throw new CxqaError('analyzer_timeout', `llm: aborted while waiting for ${endpoint.model}`, { cause: error });
        const status = error instanceof APIError && error.status ? ` (HTTP ${error.status})` : '';
        throw new CxqaError(
          'analyzer_failed',
          `llm: ${endpoint.model} at ${endpoint.baseURL} failed after ${stats.attempts} attempt${stats.attempts === 1 ? '' : 's'}${status}: ${describeThrown(error)}`,
          { cause: error },
        );
      }
      m.requests! += stats.attempts;
      m.retries! += stats.attempts - 1 - stats.fallbacks;
      m.outputTokens! += reply.outputTokens ?? 0;
      const parsed = parseReply(reply.content, p.questions);
      if (parsed.ok) {
        await cache?.set(key, reply);
        return parsed.reply;
      }
      m.invalidReplies!++;
      problem = parsed.problem;
    }
    throw new CxqaError('analyzer_failed', `llm: ${endpoint.model}'s reply was ${problem} (${invalidRetries + 1} tries)`);
  }

  function verify(ctx: AnalyzerContext, p: RequestPlan, a: Answer | undefined, q: Question, m: Record<string, number>): Judged {
    if (!a || !validAnswer(q, a.answer)) {
      if (a) m.invalidAnswers!++;
      return { question: q, status: 'missing', quotes: [] };
    }
    const quotes: Judged['quotes'] = [];
    for (const e of a.evidence) {
      const msg = ctx.conversation.messages[e.message];
      const allowed = msg && p.shown.has(e.message) && (!q.evidenceFrom || q.evidenceFrom.includes(msg.role));
      const span = allowed ? locateQuote(msg.text, e.text) : null;
      if (!span || !msg) {
        m.quotesDropped!++;
        continue;
      }
      quotes.push({ message: e.message, text: msg.text.slice(span.start, span.end), ...span });
    }
    if (a.answer === 'na') return { question: q, status: 'na', answer: 'na', confidence: a.confidence, quotes };
    if (!quotes.length) return { question: q, status: 'unverified', answer: a.answer, confidence: a.confidence, quotes };
    return { question: q, status: 'answered', answer: a.answer, confidence: a.confidence, quotes };
  }

  /** Majority over samples of the verified answers; agreement = share of samples giving it. */
  function majority(runs: Judged[]): Judged {
    const counted = runs.filter((r) => r.status === 'answered' || r.status === 'na');
    if (!counted.length) return { ...runs[0]!, agreement: 0 };
    const tally = new Map<string, number>();
    for (const r of counted) tally.set(r.answer!, (tally.get(r.answer!) ?? 0) + 1);
    let best = counted[0]!.answer!;
    for (const r of counted) if (tally.get(r.answer!)! > tally.get(best)!) best = r.answer!;
    const winners = counted.filter((r) => r.answer === best);
    const confidence = winners.reduce((s, r) => s + (r.confidence ?? 0), 0) / winners.length;
    return { ...winners[0]!, confidence, agreement: winners.length / runs.length };
  }

  return {
    name,
    version: LLM_ANALYZER_VERSION,
    model: endpoint.model,
    questionSet,
    plan,
    get runTokens() {
      return runTokens;
    },
    async analyze(ctx): Promise<AnalyzerOutput> {
      const p = plan(ctx);
      const dims = [...new Set(questionSet.questions.map((q) => q.dimension))];
      const scores: Record<string, number | null> = Object.fromEntries(dims.map((d) => [d, null]));
      const m: Record<string, number> = { requests: 0, cacheHits: 0, retries: 0, invalidReplies: 0, invalidAnswers: 0, quotesDropped: 0, outputTokens: 0 };
      const metrics: Record<string, MetricValue> = {
        [`${name}.questions`]: p.questions.length,
        [`${name}.inputTokens`]: p.requests ? p.inputTokens : 0,
        [`${name}.omittedMessages`]: p.omittedMessages,
        [`${name}.cutMessages`]: p.cutMessages,
      };
      if (!p.questions.length) return { scores, findings: [], metrics: { ...metrics, [`${name}.requests`]: 0 } };
      if (p.capped) throw new CxqaError('analyzer_failed', `llm: conversation not sent: it ${p.capped}`);
      const reserve = (p.inputTokens + p.outputTokensEstimate) * p.requests;
      if (options.maxRunTokens !== undefined && runTokens + reserve > options.maxRunTokens) {
        throw new CxqaError(
          'analyzer_failed',
          `llm: conversation not sent: it needs ${reserve} tokens and the run has ${Math.max(0, options.maxRunTokens - runTokens)} of maxRunTokens ${options.maxRunTokens} left`,
        );
      }
      runTokens += reserve;

      const replies = await Promise.all(Array.from({ length: samples }, (_, k) => sample(p, k, ctx.signal, m)));
      const judged = p.questions.map((q) => {
        const runs = replies.map((r) =>
          verify(
            ctx,
            p,
            r.answers.find((a) => a.id === q.id),
            q,
            m,
          ),
        );
        return samples > 1 ? majority(runs) : runs[0]!;
      });

      const findings: Finding[] = [];
      const byDim = new Map<string, number[]>();
      for (const j of judged) {
        const q = j.question;
        metrics[`${name}.answer.${q.id}`] = j.status === 'answered' || j.status === 'na' ? j.answer! : j.status;
        if (j.status !== 'answered') continue;
        const s = scoreOf(q, j.answer!);
        if (s !== null) byDim.set(q.dimension, [...(byDim.get(q.dimension) ?? []), s]);
        if (!isBad(q, j.answer!)) continue;
        const first = j.quotes[0]!;
        findings.push({
          analyzer: name,
          code: `${name}.${q.id}`,
          severity: q.severity,
          messageIndex: first.message,
          span: { start: first.start, end: first.end },
          evidence: first.text,
          explanation: `${endpoint.model} answered "${j.answer}" to: ${q.question}`,
          rule: {
            id: `${name}.${q.id}@${q.version}`,
            kind: 'llm',
            score: j.confidence ?? 0,
            detail: {
              model: endpoint.model,
              promptVersion: PROMPT_VERSION,
              questionSetVersion: questionSet.version,
              questionVersion: q.version,
              answer: j.answer,
              confidence: j.confidence,
              quotes: j.quotes.map((x) => ({ message: x.message, text: x.text })),
              ...(j.agreement !== undefined ? { agreement: j.agreement } : {}),
            },
          },
        });
      }
      for (const [d, list] of byDim) scores[d] = list.reduce((a, b) => a + b, 0) / list.length;
      const count = (s: Status) => judged.filter((j) => j.status === s).length;
      const agreements = judged.filter((j) => j.agreement !== undefined).map((j) => j.agreement!);
      return {
        scores,
        findings,
        metrics: {
          ...metrics,
          [`${name}.answered`]: count('answered'),
          [`${name}.na`]: count('na'),
          [`${name}.unverified`]: count('unverified'),
          [`${name}.missing`]: count('missing'),
          ...Object.fromEntries(Object.entries(m).map(([k, v]) => [`${name}.${k}`, v])),
          [`${name}.mode`]: m.cacheHits === samples ? 'cache' : completer.mode,
          [`${name}.costUsd`]: m.requests
            ? priceOf(options.prices, endpoint.model, p.inputTokens * m.requests, m.outputTokens || p.outputTokensEstimate * m.requests)
            : 0,
          ...(samples > 1 ? { [`${name}.agreement`]: agreements.length ? agreements.reduce((a, b) => a + b, 0) / agreements.length : null } : {}),
        },
      };
    },
  };
}
