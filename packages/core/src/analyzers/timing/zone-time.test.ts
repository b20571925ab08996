import { describe, expect, it } from 'vitest';
import { cachedOffsetCount, MAX_CACHED_OFFSETS, zoneOffset } from './zone-time.js';

/** The offset as Intl names it ("GMT+05:30", "GMT-04:00", "GMT"), in milliseconds: a second way to the same answer. */
function intlOffset(zone: string, t: number): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
    .formatToParts(new Date(t))
    .find((p) => p.type === 'timeZoneName')!.value;
  const m = /^GMT(?:([+-])(\d{2}):(\d{2}))?$/.exec(name);
  if (!m) throw new Error(`unexpected offset name ${name}`);
  return m[1] ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 3_600_000 + Number(m[3]) * 60_000) : 0;
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
