import { CxqaError } from '@cxqa/core';
import { APIError } from 'openai';
import type { CachedReply } from './cache.js';
import type { ResolvedEndpoint } from './client.js';
import { type AttemptStats, type RetryOptions, withRetries } from './request.js';

/** How replies are constrained: JSON Schema structured output, or plain JSON mode. */
export type OutputMode = 'json_schema' | 'json_object';

export interface CompleterOptions extends RetryOptions {
  /** `auto` (default): JSON schema, falling back to JSON mode when the endpoint rejects it. */
  structuredOutput?: 'auto' | OutputMode;
}

export interface CompletionRequest {
  messages: { role: 'system' | 'user'; content: string }[];
  temperature: number;
  seed?: number;
  maxTokens: number;
  /** The `response_format` used while the endpoint accepts JSON Schema. */
  schemaFormat: { type: 'json_schema'; json_schema: { name: string; strict: boolean; schema: Record<string, unknown> } };
}

/** Attempts of one completion; `fallbacks` counts the switch to JSON mode (not a retry). */
export type CompletionStats = AttemptStats & { fallbacks: number };

export interface Completer {
  /** The mode the next request uses (json_schema until the endpoint rejected it). */
  readonly mode: OutputMode;
  /** One chat completion with retries; rejects with the SDK error after the last attempt. */
  complete(request: CompletionRequest, signal: AbortSignal, stats: CompletionStats): Promise<CachedReply>;
}

/**
 * Chat completions with structured output on one endpoint, shared by the judge and the
 * translator: retries (429/5xx/timeouts, `Retry-After` honoured, never 400/401/403), a per-request
 * timeout, and — unless `structuredOutput` pins a mode — one switch from JSON Schema to JSON mode
 * when the endpoint answers 400/422 about `response_format`, kept for later requests.
 */
export function createCompleter(endpoint: ResolvedEndpoint, options: CompleterOptions): Completer {
  let mode: OutputMode = options.structuredOutput === 'json_object' ? 'json_object' : 'json_schema';
  async function complete(request: CompletionRequest, signal: AbortSignal, stats: CompletionStats): Promise<CachedReply> {
    return withRetries(
      async () => {
        const body = {
          model: endpoint.model,
          messages: request.messages,
          temperature: request.temperature,
          ...(request.seed !== undefined ? { seed: request.seed } : {}),
          max_tokens: request.maxTokens,
          response_format: mode === 'json_schema' ? request.schemaFormat : { type: 'json_object' as const },
        };
        try {
          const r = await endpoint.client.chat.completions.create(body, { signal, timeout: options.timeoutMs ?? 60_000, maxRetries: 0 });
          const content = r.choices[0]?.message?.content;
          if (typeof content !== 'string') throw new CxqaError('analyzer_failed', `llm: ${endpoint.model} replied without message content`);
          return { content, mode: body.response_format.type, inputTokens: r.usage?.prompt_tokens ?? null, outputTokens: r.usage?.completion_tokens ?? null };
        } catch (error) {
          // an endpoint without structured output rejects json_schema with a 400: fall back to JSON mode once
          if (
            mode === 'json_schema' &&
            options.structuredOutput !== 'json_schema' &&
            error instanceof APIError &&
            (error.status === 400 || error.status === 422) &&
            /response_format|json_schema|structured|schema/i.test(error.message)
          ) {
            mode = 'json_object';
            stats.fallbacks++;
            return complete(request, signal, stats);
          }
          throw error;
        }
      },
      { ...options, signal },
      stats,
    );
  }
  return {
    get mode() {
      return mode;
    },
    complete,
  };
}

/** Parse reply content as JSON, tolerating a Markdown code fence (JSON mode replies sometimes carry one). */
export function parseJsonContent(content: string): { ok: true; value: unknown } | { ok: false; problem: string } {
  const text = content.trim().replace(/^```(?:json)?\s*\n?([\s\S]*?)\n?```$/, '$1');
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, problem: `not JSON (${error instanceof Error ? error.message : String(error)})` };
  }
}
