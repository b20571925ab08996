/** Outcome of running one analyzer step under a time limit. */
export type Timed<T> = { ok: true; value: T } | { ok: false; timedOut: boolean; error: unknown };

/**
 * Run `fn` with an AbortSignal that fires after `ms`; resolve with its value, its error, or a
 * time-out. A synchronous result is returned at once (no timer is armed). A synchronous
 * analyzer that never returns cannot be interrupted (JavaScript has no pre-emption);
 * asynchronous ones are abandoned at the limit and told via the signal.
 */
export async function withTimeLimit<T>(ms: number, fn: (signal: AbortSignal) => T | Promise<T>): Promise<Timed<T>> {
  const controller = new AbortController();
  let value: T | Promise<T>;
  try {
    value = fn(controller.signal);
  } catch (error) {
    return { ok: false, timedOut: false, error };
  }
  if (!isThenable(value)) return { ok: true, value };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<Timed<T>>((resolve) => {
    timer = setTimeout(() => {
      const error = new Error(`time limit of ${ms} ms exceeded`);
      controller.abort(error);
      resolve({ ok: false, timedOut: true, error });
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
