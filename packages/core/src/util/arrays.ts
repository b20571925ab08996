/**
 * Array helpers whose cost does not depend on the call stack: `push(...items)` and
 * `Math.max(...items)` pass every item as an argument and throw RangeError ("Maximum call stack
 * size exceeded") past roughly 100,000 items, so code that sees input-sized arrays uses these.
 */

/** Append every item of `items` to `target` (in place); returns `target`. */
export function pushAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}

/** The largest number in `values`, or `-Infinity` when empty (as `Math.max()`). */
export function maxOf(values: Iterable<number>): number {
  let max = -Infinity;
  for (const v of values) if (v > max || Number.isNaN(v)) max = v;
  return max;
}

/** The smallest number in `values`, or `Infinity` when empty (as `Math.min()`). */
export function minOf(values: Iterable<number>): number {
  let min = Infinity;
  for (const v of values) if (v < min || Number.isNaN(v)) min = v;
  return min;
}
