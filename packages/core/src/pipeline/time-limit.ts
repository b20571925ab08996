/** Outcome of running one analyzer step under a time limit. */
export type Timed<T> = { ok: true; value: T } | { ok: false; timedOut: boolean; error: unknown };

/**
 * Run `fn` with an AbortSignal that fires after `ms`; resolve with its value, its error, or a
 * time-out. A synchronous analyzer that never returns cannot be interrupted (JavaScript has
 * no pre-emption); asynchronous ones are abandoned at the limit and told via the signal.
 */
export async function withTimeLimit<T>(ms: number, fn: (signal: AbortSignal) => T | Promise<T>): Promise<Timed<T>> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<Timed<T>>((resolve) => {
    timer = setTimeout(() => {
      controller.abort(new Error(`time limit of ${ms} ms exceeded`));
      resolve({ ok: false, timedOut: true, error: new Error(`time limit of ${ms} ms exceeded`) });
    }, ms);
  });
  const run = (async (): Promise<Timed<T>> => {
    try {
      return { ok: true, value: await fn(controller.signal) };
    } catch (error) {
      return { ok: false, timedOut: false, error };
    }
  })();
  try {
    return await Promise.race([run, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
