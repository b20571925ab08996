import { Tiktoken } from 'js-tiktoken/lite';
import cl100k_base from 'js-tiktoken/ranks/cl100k_base';
import o200k_base from 'js-tiktoken/ranks/o200k_base';

/** Counts tokens of a text. The judge plans, trims, caps and prices with it. */
export interface TokenCounter {
  readonly name: string;
  count(text: string): number;
}

export type Encoding = 'o200k_base' | 'cl100k_base';
const cache = new Map<Encoding, TokenCounter>();

/**
 * A pure-JS BPE counter (`js-tiktoken`, ranks shipped in the package: nothing is downloaded).
 * `o200k_base` is GPT-4o / 4.1 / o-series; `cl100k_base` GPT-4 / 3.5. For other model families
 * (Qwen, DeepSeek, Llama) it is an estimate: see docs/llm.md for how far off it runs.
 *
 * @example
 * tiktokenCounter().count('Where is my parcel?'); // 5
 */
export function tiktokenCounter(encoding: Encoding = 'o200k_base'): TokenCounter {
  let counter = cache.get(encoding);
  if (!counter) {
    const enc = new Tiktoken(encoding === 'o200k_base' ? o200k_base : cl100k_base);
    counter = { name: `js-tiktoken/${encoding}`, count: (text) => enc.encode(text, [], []).length };
    cache.set(encoding, counter);
  }
  return counter;
}

/** Tokens a chat request's messages take: each message's role and content plus 3 framing tokens, and 3 that prime the reply (OpenAI's published accounting). */
export function countChat(counter: TokenCounter, messages: readonly { role: string; content: string }[]): number {
  let n = 3;
  for (const m of messages) n += 3 + counter.count(m.role) + counter.count(m.content);
  return n;
}
