import { describe, expect, it } from 'vitest';
import { cachedOffsetCount, MAX_CACHED_OFFSETS, zoneOffset } from './zone-time.js';

/** The offset straight from Intl, minute precision: local wall time read back as UTC minus the instant. */
function intlOffset(zone: string, t: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  }).formatToParts(new Date(t));
  const p: Record<string, number> = Object.fromEntries(parts.filter((x) => x.type !== 'literal').map((x) => [x.type, Number(x.value)]));
  const at = Math.floor(t / 60_000) * 60_000;
  return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!) - at;
}

describe('zoneOffset cache', () => {
  it('holds at most MAX_CACHED_OFFSETS offsets over all zones, and answers right after dropping them', () => {
    const zones = ['Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe'];
    const start = Date.UTC(2026, 0, 1);
    const quarter = 15 * 60_000;
    // More distinct (zone, bucket) pairs than the cache holds: ~1.2 × the bound.
    const perZone = Math.ceil((MAX_CACHED_OFFSETS * 1.2) / zones.length);
    let highest = 0;
    for (const zone of zones)
      for (let i = 0; i < perZone; i++) {
        zoneOffset(zone, start + i * quarter + 7 * 60_000);
        highest = Math.max(highest, cachedOffsetCount());
      }
    expect(highest).toBe(MAX_CACHED_OFFSETS);
    expect(cachedOffsetCount()).toBeLessThan(MAX_CACHED_OFFSETS);
    // After the drop, every answer (old buckets recomputed, DST edges included) still agrees with Intl.
    for (const zone of zones)
      for (let i = 0; i < perZone; i += 97) {
        const t = start + i * quarter + 7 * 60_000;
        expect(zoneOffset(zone, t), `${zone} ${new Date(t).toISOString()}`).toBe(intlOffset(zone, t));
      }
  });
});
