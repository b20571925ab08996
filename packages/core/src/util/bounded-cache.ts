import { LRUCache } from 'lru-cache';

/**
 * A cache keyed by something taken from input (a time zone, a country, a locale): least recently
 * used entries are dropped past `max`, so a stream with a million distinct values stays in flat
 * memory. Stores any value, `null` included (`lru-cache` underneath, which does not).
 */
export interface BoundedCache<K, V> {
  get(key: K): V | undefined;
  set(key: K, value: V): void;
  readonly size: number;
}

export function boundedCache<K extends {}, V>(max: number): BoundedCache<K, V> {
  const lru = new LRUCache<K, { value: V }>({ max });
  return {
    get: (key) => lru.get(key)?.value,
    set: (key, value) => void lru.set(key, { value }),
    get size() {
      return lru.size;
    },
  };
}
