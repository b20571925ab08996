/**
 * A cache keyed by something taken from input (a time zone, a country, a locale, a metric name):
 * entries not used for a while are dropped past `max`, so a stream with a million distinct values
 * stays in flat memory. Stores any value, `null` and `undefined` included.
 */
export interface BoundedCache<K, V> {
  get(key: K): V | undefined;
  set(key: K, value: V): void;
  readonly size: number;
}

/**
 * Two generations of at most `max / 2` entries each: new entries go to the recent one; when it is
 * full it becomes the older one and the older one is dropped; an entry read from the older one
 * moves back to the recent one. So at most `max` entries, every entry used within the last
 * `max / 2` insertions stays, and a hit in the recent generation (the common case: result masking
 * reads ≈ 70 vocabulary strings a Result from a few hundred) is one `Map` lookup — cheaper than a
 * least-recently-used list, which reorders on every hit (decision 152).
 *
 * @example
 * const formatters = boundedCache<string, Intl.DateTimeFormat>(64);
 */
export function boundedCache<K, V>(max: number): BoundedCache<K, V> {
  const half = Math.max(1, Math.floor(max / 2));
  let recent = new Map<K, V>();
  let older = new Map<K, V>();
  const insert = (key: K, value: V): void => {
    if (recent.size >= half) {
      older = recent;
      recent = new Map();
    }
    recent.set(key, value);
  };
  return {
    get(key) {
      const value = recent.get(key);
      if (value !== undefined || recent.has(key)) return value;
      if (!older.has(key)) return undefined;
      const kept = older.get(key) as V;
      older.delete(key);
      insert(key, kept);
      return kept;
    },
    set(key, value) {
      if (recent.has(key)) {
        recent.set(key, value);
        return;
      }
      older.delete(key);
      insert(key, value);
    },
    get size() {
      return recent.size + older.size;
    },
  };
}
