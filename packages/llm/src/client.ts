import { CxqaError } from '@cxqa/core';
import OpenAI from 'openai';

/** Where the judge sends its requests: any OpenAI-compatible chat-completions endpoint. */
export interface LlmEndpointOptions {
  /** Model name as the endpoint knows it (`gpt-4o-mini`, `deepseek-chat`, `qwen-plus`, `llama3.1:8b`). Required. */
  model?: string;
  /**
   * Base URL of the OpenAI-compatible API, e.g. `https://api.openai.com/v1`,
   * `https://api.deepseek.com`, `http://127.0.0.1:11434/v1` (Ollama). Required unless `client` is given:
   * nothing is contacted that was not named.
   */
  baseURL?: string;
  /** API key. Takes precedence over `apiKeyEnv`. */
  apiKey?: string;
  /** Name of the environment variable holding the API key (default `OPENAI_API_KEY`). */
  apiKeyEnv?: string;
  /** A ready `OpenAI` (or `AzureOpenAI`) client; `baseURL`, `apiKey` and `apiKeyEnv` are then ignored. */
  client?: OpenAI;
  /** Extra headers sent with every request (e.g. an organisation or gateway header). */
  headers?: Record<string, string>;
}

/** The client and model the judge uses, resolved and checked. */
export interface ResolvedEndpoint {
  client: OpenAI;
  model: string;
  /** `baseURL` as given, or the injected client's. */
  baseURL: string;
}

/**
 * Check the endpoint options and build an `openai` client for them. Building contacts nothing.
 * A missing model, base URL or key is a `CxqaError` (`invalid_option`) naming the option and the fix.
 *
 * @example
 * const { client, model } = resolveEndpoint({ baseURL: 'https://api.deepseek.com', apiKeyEnv: 'DEEPSEEK_API_KEY', model: 'deepseek-chat' });
 */
export function resolveEndpoint(options: LlmEndpointOptions, env: NodeJS.ProcessEnv = process.env): ResolvedEndpoint {
  const model = options.model?.trim();
  if (!model) {
    throw new CxqaError(
      'invalid_option',
      'llm: no model: pass `model` with the name your endpoint knows (e.g. "gpt-4o-mini", "deepseek-chat", "qwen-plus", "llama3.1:8b")',
      { path: ['model'] },
    );
  }
  if (options.client) return { client: options.client, model, baseURL: options.client.baseURL };
  if (!options.baseURL) {
    throw new CxqaError(
      'invalid_option',
      'llm: no endpoint: pass `baseURL` (e.g. "https://api.openai.com/v1" or "http://127.0.0.1:11434/v1" for Ollama) or a ready `client`; nothing is contacted unless named',
      { path: ['baseURL'] },
    );
  }
  let url: URL;
  try {
    url = new URL(options.baseURL);
  } catch {
    throw new CxqaError('invalid_option', `llm: \`baseURL\` "${options.baseURL}" is not a URL: write it with its scheme, e.g. "https://api.openai.com/v1"`, {
      path: ['baseURL'],
    });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new CxqaError('invalid_option', `llm: \`baseURL\` must be http or https, not ${url.protocol}`, { path: ['baseURL'] });
  }
  const envName = options.apiKeyEnv ?? 'OPENAI_API_KEY';
  const apiKey = options.apiKey ?? env[envName];
  if (!apiKey) {
    const how = options.apiKeyEnv
      ? `set the environment variable ${envName} (named by \`apiKeyEnv\`)`
      : `set OPENAI_API_KEY, name another variable with \`apiKeyEnv\``;
    throw new CxqaError(
      'invalid_option',
      `llm: no API key for ${options.baseURL}: pass \`apiKey\` or ${how}; local servers that need none (Ollama, vLLM, LM Studio) accept any placeholder such as apiKey: "local"`,
      { path: [options.apiKeyEnv ? 'apiKeyEnv' : 'apiKey'] },
    );
  }
  // retries are ours (429/5xx with Retry-After, never 400/401/403), so the SDK's are off
  const client = new OpenAI({ apiKey, baseURL: options.baseURL, maxRetries: 0, ...(options.headers ? { defaultHeaders: options.headers } : {}) });
  return { client, model, baseURL: options.baseURL };
}
