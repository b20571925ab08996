/** Outcome of running one analyzer step under a time limit. */
export type Timed<T> = { ok: true; value: T } | { ok: false; timedOut: boolean; error: unknown };

/**
 * Run `fn` under a time limit of `ms` milliseconds; resolve with its value, its error, or a
 * time-out. `fn` gets `signal()`, which returns an AbortSignal that fires at the limit: it is made
 * on the first call only (an AbortController costs more than a synchronous analyzer's whole run
 * on a short chat, and the built-in ones read the signal only when they call a model), and a
 * signal first asked for after the limit is already aborted. A synchronous result is returned at
 * once (no timer is armed). A synchronous analyzer that never returns cannot be interrupted
 * (JavaScript has no pre-emption); asynchronous ones are abandoned at the limit and told via the
 * signal.
 */
export async function withTimeLimit<T>(ms: number, fn: (signal: () => AbortSignal) => T | Promise<T>): Promise<Timed<T>> {
  let controller: AbortController | undefined;
  let expired: Error | undefined;
  const signal = (): AbortSignal => {
    if (!controller) {
      controller = new AbortController();
      if (expired) controller.abort(expired);
    }
    return controller.signal;
  };
  let value: T | Promise<T>;
  try {
    value = fn(signal);
  } catch (error) {
    return { ok: false, timedOut: false, error };
  }
  if (!isThenable(value)) return { ok: true, value };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<Timed<T>>((resolve) => {
    timer = setTimeout(() => {
      expired = new Error(`time limit of ${ms} ms exceeded`);
      controller?.abort(expired);
      resolve({ ok: false, timedOut: true, error: expired });
    }, ms);
  });
  const run = Promise.resolve(value).then(
    (v): Timed<T> => ({ ok: true, value: v }),
    (error: unknown): Timed<T> => ({ ok: false, timedOut: false, error }),
  );
  try {
    return await Promise.race([run, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function isThenable<T>(v: T | Promise<T>): v is Promise<T> {
  return typeof (v as { then?: unknown } | null)?.then === 'function';
}
