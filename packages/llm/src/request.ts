import { APIConnectionError, APIError, APIUserAbortError } from 'openai';

export interface RetryOptions {
  /** Retries after the first attempt on 429, 408, 409, 5xx, timeouts and dropped connections (default 3). Never on other 4xx. */
  retries?: number;
  /** First backoff delay; doubles each retry, with full jitter between half and all of it (default 1,000 ms). */
  baseDelayMs?: number;
  /** Longest wait between attempts, Retry-After included (default 60,000 ms). */
  maxDelayMs?: number;
  /** Time one request may take before it is abandoned (and retried) (default 60,000 ms). */
  timeoutMs?: number;
}

export interface AttemptStats {
  attempts: number;
  /** Total time slept between attempts. */
  waitedMs: number;
}

/** Whether an error from the SDK is worth another attempt. */
export function isRetryable(error: unknown): boolean {
  if (error instanceof APIUserAbortError) return false;
  if (error instanceof APIError && typeof error.status === 'number') {
    const s = error.status;
    return s === 408 || s === 409 || s === 429 || s >= 500;
  }
  return error instanceof APIConnectionError; // includes APIConnectionTimeoutError
}

/** Milliseconds a `Retry-After` (seconds or an HTTP date) or `retry-after-ms` header asks for, or null. */
export function retryAfterMs(error: unknown, now = Date.now()): number | null {
  const headers = (error as { headers?: Headers | Record<string, string> }).headers;
  if (!headers) return null;
  const get = (k: string) => (typeof (headers as Headers).get === 'function' ? (headers as Headers).get(k) : (headers as Record<string, string>)[k]) ?? null;
  const ms = get('retry-after-ms');
  if (ms !== null && Number.isFinite(Number(ms)) && Number(ms) >= 0) return Number(ms);
  const ra = get('retry-after');
  if (ra === null) return null;
  if (/^\s*\d+(\.\d+)?\s*$/.test(ra)) return Number(ra) * 1000;
  const date = Date.parse(ra);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Run `attempt` until it succeeds, a non-retryable error occurs, retries run out or `signal` aborts.
 * The wait before retry k is Retry-After when the server sent one, else baseDelay × 2^k with jitter
 * (uniform between half and all of it), capped at `maxDelayMs`.
 */
export async function withRetries<T>(
  attempt: (n: number) => Promise<T>,
  options: RetryOptions & { signal?: AbortSignal; random?: () => number },
  stats: AttemptStats = { attempts: 0, waitedMs: 0 },
): Promise<T> {
  const retries = options.retries ?? 3;
  const base = options.baseDelayMs ?? 1_000;
  const max = options.maxDelayMs ?? 60_000;
  const random = options.random ?? Math.random;
  for (let n = 0; ; n++) {
    if (options.signal?.aborted) throw options.signal.reason;
    stats.attempts++;
    try {
      return await attempt(n);
    } catch (error) {
      if (options.signal?.aborted) throw options.signal.reason;
      if (n >= retries || !isRetryable(error)) throw error;
      const asked = retryAfterMs(error);
      const backoff = base * 2 ** n;
      const wait = Math.min(max, asked !== null ? asked : backoff / 2 + (random() * backoff) / 2);
      stats.waitedMs += wait;
      await sleep(wait, options.signal);
    }
  }
}
