import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** One model reply as stored: the raw content (validated before it was stored) and its usage. */
export interface CachedReply {
  content: string;
  mode: 'json_schema' | 'json_object';
  inputTokens: number | null;
  outputTokens: number | null;
}

/** Where replies are kept between runs. */
export interface ReplyCache {
  get(key: string): Promise<CachedReply | undefined>;
  set(key: string, reply: CachedReply): Promise<void>;
}

export interface CacheKeyParts {
  model: string;
  promptVersion: string;
  questionSetVersion: string;
  conversationHash: string;
  temperature: number;
  seed: number;
}

/** sha-256 over model, prompt version, question-set version, conversation hash, temperature and the sample's seed. */
export function cacheKey(parts: CacheKeyParts): string {
  return createHash('sha256')
    .update(JSON.stringify([parts.model, parts.promptVersion, parts.questionSetVersion, parts.conversationHash, parts.temperature, parts.seed]))
    .digest('hex');
}

/**
 * A cache of one JSON file per reply under `dir` (`<key>.json`, written atomically). A re-run over
 * the same conversations, model, prompt and questions sends no request.
 *
 * @example
 * llmJudgeAnalyzer({ ..., cache: diskCache('.cxqa-cache/llm') });
 */
export function diskCache(dir: string): ReplyCache {
  let made: Promise<unknown> | undefined;
  return {
    async get(key) {
      try {
        const data = JSON.parse(await readFile(join(dir, `${key}.json`), 'utf8')) as CachedReply;
        return typeof data.content === 'string' ? data : undefined;
      } catch {
        return undefined;
      }
    },
    async set(key, reply) {
      made ??= mkdir(dir, { recursive: true });
      await made;
      const tmp = join(dir, `${key}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`);
      await writeFile(tmp, JSON.stringify(reply));
      await rename(tmp, join(dir, `${key}.json`));
    },
  };
}

/** An in-memory cache (per process), e.g. for tests or one long-running service. */
export function memoryCache(): ReplyCache {
  const map = new Map<string, CachedReply>();
  return { get: async (k) => map.get(k), set: async (k, v) => void map.set(k, v) };
}
