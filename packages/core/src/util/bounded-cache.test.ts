import { describe, expect, it } from 'vitest';
import { boundedCache } from './bounded-cache.js';

describe('boundedCache', () => {
  it('returns what was set, null and undefined included, and nothing for a key never set', () => {
    const cache = boundedCache<string, string | null | undefined>(8);
    cache.set('a', 'A');
    cache.set('n', null);
    cache.set('u', undefined);
    expect([cache.get('a'), cache.get('n'), cache.get('u'), cache.get('x')]).toEqual(['A', null, undefined, undefined]);
    cache.set('a', 'A2');
    expect(cache.get('a')).toBe('A2');
    expect(cache.size).toBe(3);
  });

  it('never holds more than max entries, however many distinct keys pass', () => {
    const cache = boundedCache<number, number>(100);
    for (let k = 0; k < 10_000; k++) {
      cache.set(k, k * 2);
      expect(cache.size).toBeLessThanOrEqual(100);
    }
    // the last max / 2 keys set are all there, with their values
    for (let k = 9_950; k < 10_000; k++) expect(cache.get(k)).toBe(k * 2);
    expect(cache.get(0)).toBeUndefined();
  });

  it('keeps an entry that is read while others come and go', () => {
    const cache = boundedCache<string, number>(10);
    cache.set('kept', 1);
    for (let k = 0; k < 1_000; k++) {
      cache.set(`k${k}`, k);
      expect(cache.get('kept')).toBe(1);
    }
    expect(cache.size).toBeLessThanOrEqual(10);
  });
});
