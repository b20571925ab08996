import pLimit from 'p-limit';

export interface MapOrderedOptions {
  /** Items processed at once (default 4). Memory stays bounded by about 2 × concurrency items. */
  concurrency?: number;
  signal?: AbortSignal;
}

/**
 * Map a (sync or async) iterable through an async function with bounded concurrency, yielding
 * results in input order. The source is pulled lazily, so a million-item stream never sits in
 * memory.
 *
 * @example
 * for await (const r of mapOrdered(lines, (l) => inspector.inspect(JSON.parse(l)), { concurrency: 8 })) write(r);
 */
export async function* mapOrdered<T, R>(
  source: Iterable<T> | AsyncIterable<T>,
  fn: (item: T, index: number) => Promise<R> | R,
  options: MapOrderedOptions = {},
): AsyncGenerator<R> {
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? 4));
  const limit = pLimit(concurrency);
  const window: Promise<R>[] = [];
  let index = 0;
  for await (const item of source as AsyncIterable<T>) {
    options.signal?.throwIfAborted();
    const i = index++;
    const pending = limit(() => fn(item, i));
    pending.catch(() => undefined); // surfaced when its turn to be yielded comes
    window.push(pending);
    if (window.length >= concurrency * 2) yield await window.shift()!;
  }
  while (window.length) yield await window.shift()!;
}
