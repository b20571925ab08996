import { createHash } from 'node:crypto';
import { CxqaError, describeThrown, type TranslateOptions, type Translator } from '@cxqa/core';
import { APIError } from 'openai';
import pLimit from 'p-limit';
import { diskCache, type ReplyCache } from './cache.js';
import { type LlmEndpointOptions, resolveEndpoint } from './client.js';
import { type CompleterOptions, type CompletionStats, createCompleter, parseJsonContent } from './complete.js';
import { compileGlossary, type Glossary, restorePlaceholders } from './glossary.js';
import { countChat, type Encoding, type TokenCounter, tiktokenCounter } from './tokens.js';
import {
  renderTranslationRequest,
  TRANSLATE_PROMPT_VERSION,
  TRANSLATE_SYSTEM_PROMPT,
  translationReplySchema,
  translationSchemaFormat,
} from './translate-prompt.js';

export interface LlmTranslatorOptions extends LlmEndpointOptions, CompleterOptions {
  /** What to keep verbatim through placeholders (default: every built-in protection, no terms). */
  glossary?: Glossary;
  /** Directory of the on-disk translation cache, or a cache object (the judge's `diskCache` / `memoryCache`). */
  cache?: string | ReplyCache;
  /** Requests in flight at once across all calls (default 4). */
  concurrency?: number;
  /** Texts per request at most (default 20). */
  batchSize?: number;
  /** Tokens of the texts of one request at most (counted after protection; default 3,000). A longer single text goes alone. */
  maxBatchTokens?: number;
  /** Sampling temperature (default 0) and seed (default 7). */
  temperature?: number;
  seed?: number;
  /** Extra attempts when a reply is not JSON or breaks the schema (default 1); after them the batch stays untranslated. */
  invalidReplyRetries?: number;
  /** Token counting for batching (default js-tiktoken o200k_base). */
  encoding?: Encoding;
  counter?: TokenCounter;
}

/** Counts since the translator was made (all calls). */
export interface TranslatorStats {
  /** HTTP requests sent, retries included. */
  requests: number;
  retries: number;
  /** Texts answered from the cache. */
  cacheHits: number;
  /** Texts translated (from the model or the cache). */
  translated: number;
  /** Texts left untranslated (`null`): a placeholder lost or altered, no entry in the reply, or no valid reply. */
  untranslated: { placeholders: number; missing: number; invalidReply: number };
  /** Tokens the endpoint reported. */
  inputTokens: number;
  outputTokens: number;
}

export interface LlmTranslator extends Translator {
  readonly model: string;
  readonly stats: TranslatorStats;
}

/** One distinct protected text of a call, with the call's slots that share it. */
interface Item {
  text: string;
  key: string;
  /** Tokens of `text`, counted only when it has to be sent. */
  tokens: number;
  slots: { index: number; values: string[] }[];
}

/** sha-256 over model, prompt version, glossary, source and target language and the protected text's hash. */
export function translationCacheKey(parts: { model: string; glossary: string; from: string | undefined; to: string; text: string }): string {
  const textHash = createHash('sha256').update(parts.text).digest('hex');
  return createHash('sha256')
    .update(JSON.stringify(['translate', parts.model, TRANSLATE_PROMPT_VERSION, parts.glossary, parts.from ?? 'auto', parts.to, textHash]))
    .digest('hex');
}

/**
 * A `Translator` on any OpenAI-compatible endpoint (the judge's client options, retries, timeout
 * and JSON-mode fallback). Each call's texts are protected by the glossary (SKUs, order ids, URLs,
 * e-mails, phones and other personal data, masks, amounts, brand terms become `⟦n⟧`, so they are
 * never sent), deduplicated, looked up in the cache, and the rest sent in batches of `batchSize`
 * texts / `maxBatchTokens` tokens, `concurrency` at once. A translation that loses or alters a
 * placeholder, or that the reply lacks, is `null` (the pipeline leaves that message untranslated
 * and counts it); only complete translations are cached. An HTTP failure after the retries rejects
 * (the pipeline records `translation_failed`). Texts are data in a delimited, escaped section,
 * like the judge's transcript.
 *
 * @example
 * const translator = llmTranslator({ baseURL: 'https://api.deepseek.com', apiKeyEnv: 'DEEPSEEK_API_KEY', model: 'deepseek-chat', cache: '.cxqa-cache/translate', glossary: { terms: ['ACME'] } });
 * const inspector = createInspector({ translation: { to: 'en', translator }, timeLimitMs: 60_000 });
 */
export function llmTranslator(options: LlmTranslatorOptions): LlmTranslator {
  const endpoint = resolveEndpoint(options);
  const glossary = compileGlossary(options.glossary);
  const batchSize = options.batchSize ?? 20;
  const maxBatchTokens = options.maxBatchTokens ?? 3_000;
  for (const [k, v] of [
    ['batchSize', batchSize],
    ['maxBatchTokens', maxBatchTokens],
    ['concurrency', options.concurrency ?? 4],
  ] as const) {
    if (!Number.isInteger(v) || v < 1) throw new CxqaError('invalid_option', `translation: \`${k}\` must be a positive integer, not ${v}`, { path: [k] });
  }
  const counter = options.counter ?? tiktokenCounter(options.encoding);
  const cache = typeof options.cache === 'string' ? diskCache(options.cache) : options.cache;
  const limit = pLimit(options.concurrency ?? 4);
  const completer = createCompleter(endpoint, options);
  const invalidRetries = options.invalidReplyRetries ?? 1;
  const stats: TranslatorStats = {
    requests: 0,
    retries: 0,
    cacheHits: 0,
    translated: 0,
    untranslated: { placeholders: 0, missing: 0, invalidReply: 0 },
    inputTokens: 0,
    outputTokens: 0,
  };

  /** Put a translation (of `item.text`) into every slot that shares it; whether it kept its placeholders. */
  function fill(out: (string | null)[], item: Item, translated: string, source: 'model' | 'cache'): boolean {
    const restored = item.slots.map((s) => restorePlaceholders(translated, s.values));
    if (restored.some((r) => r === null)) {
      if (source === 'cache') return false;
      for (const s of item.slots) out[s.index] = null;
      stats.untranslated.placeholders += item.slots.length;
      return false;
    }
    item.slots.forEach((s, k) => (out[s.index] = restored[k]!));
    stats.translated += item.slots.length;
    if (source === 'cache') stats.cacheHits += item.slots.length;
    return true;
  }

  function batches(items: Item[]): Item[][] {
    const out: Item[][] = [];
    let current: Item[] = [];
    let tokens = 0;
    for (const item of items) {
      if (current.length && (current.length >= batchSize || tokens + item.tokens > maxBatchTokens)) {
        out.push(current);
        current = [];
        tokens = 0;
      }
      current.push(item);
      tokens += item.tokens;
    }
    if (current.length) out.push(current);
    return out;
  }

  async function send(batch: Item[], from: string | undefined, to: string, signal: AbortSignal | undefined): Promise<Map<number, string> | null> {
    const messages = [
      { role: 'system' as const, content: TRANSLATE_SYSTEM_PROMPT },
      {
        role: 'user' as const,
        content: renderTranslationRequest(
          batch.map((b) => b.text),
          from,
          to,
        ),
      },
    ];
    const inputTokens = countChat(counter, messages);
    const maxTokens = Math.min(16_000, 256 + 3 * batch.reduce((s, b) => s + b.tokens + 8, 0));
    for (let attempt = 0; attempt <= invalidRetries; attempt++) {
      const st: CompletionStats = { attempts: 0, waitedMs: 0, fallbacks: 0 };
      try {
        const reply = await limit(() =>
          completer.complete(
            { messages, temperature: options.temperature ?? 0, seed: options.seed ?? 7, maxTokens, schemaFormat: translationSchemaFormat() },
            signal ?? new AbortController().signal,
            st,
          ),
        );
        stats.inputTokens += reply.inputTokens ?? inputTokens;
        stats.outputTokens += reply.outputTokens ?? 0;
        const json = parseJsonContent(reply.content);
        const parsed = json.ok ? translationReplySchema.safeParse(json.value) : null;
        if (parsed?.success) return new Map(parsed.data.translations.filter((t) => t.n < batch.length).map((t) => [t.n, t.text]));
      } catch (error) {
        if (signal?.aborted) throw new CxqaError('analyzer_timeout', `translation: aborted while waiting for ${endpoint.model}`, { cause: error });
        const status = error instanceof APIError && error.status ? ` (HTTP ${error.status})` : '';
        throw new CxqaError(
          'analyzer_failed',
          `translation: ${endpoint.model} at ${endpoint.baseURL} failed after ${st.attempts} attempt${st.attempts === 1 ? '' : 's'}${status}: ${describeThrown(error)}`,
          { cause: error },
        );
      } finally {
        stats.requests += st.attempts;
        stats.retries += Math.max(0, st.attempts - 1 - st.fallbacks);
      }
    }
    return null;
  }

  return {
    name: `llm:${endpoint.model}`,
    model: endpoint.model,
    stats,
    async translate(texts: readonly string[], { from, to, signal }: TranslateOptions): Promise<(string | null)[]> {
      if (!to?.trim()) throw new CxqaError('invalid_option', 'translation: no target language: pass `to` (ISO 639-1, e.g. "en")', { path: ['to'] });
      const out = new Array<string | null>(texts.length).fill(null);
      const items = new Map<string, Item>();
      texts.forEach((text, index) => {
        if (!text.trim()) {
          out[index] = text;
          return;
        }
        const p = glossary.protect(text);
        let item = items.get(p.text);
        if (!item) {
          const key = translationCacheKey({ model: endpoint.model, glossary: glossary.fingerprint, from, to, text: p.text });
          item = { text: p.text, key, tokens: 0, slots: [] };
          items.set(p.text, item);
        }
        item.slots.push({ index, values: p.values });
      });
      const todo: Item[] = [];
      for (const item of items.values()) {
        const hit = await cache?.get(item.key);
        if (hit && fill(out, item, hit.content, 'cache')) continue;
        item.tokens = counter.count(item.text);
        todo.push(item);
      }
      await Promise.all(
        batches(todo).map(async (batch) => {
          const got = await send(batch, from, to, signal);
          for (const [n, item] of batch.entries()) {
            const translated = got?.get(n);
            if (translated === undefined) {
              for (const s of item.slots) out[s.index] = null;
              if (got) stats.untranslated.missing += item.slots.length;
              else stats.untranslated.invalidReply += item.slots.length;
            } else if (fill(out, item, translated, 'model')) {
              await cache?.set(item.key, { content: translated, mode: completer.mode, inputTokens: null, outputTokens: null });
            }
          }
        }),
      );
      return out;
    },
  };
}
