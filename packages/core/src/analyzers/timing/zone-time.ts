import { boundedCache } from '../../util/bounded-cache.js';
import { utcTime } from '../../util/utc.js';

/**
 * Time-zone arithmetic on top of Intl, with offsets cached per zone and 15-minute bucket
 * (every real zone changes its offset on a quarter hour, so a bucket has one offset).
 * About 10× faster than going through a general date library for the calendar walk.
 */

/** Zone names come from input: at most this many are kept (least recently used dropped). */
const MAX_ZONES = 1_000;
const formatters = boundedCache<string, Intl.DateTimeFormat | null>(MAX_ZONES);
let offsets = boundedCache<string, Map<number, number>>(MAX_ZONES);
const BUCKET = 15 * 60_000;
/**
 * Offsets kept over all zones together (≈ 25 bytes each): past this many, every zone's offsets
 * are dropped and recomputed on demand (a few µs each). A stream spread over a year in nine zones
 * reaches ~300,000 (zone, bucket) pairs, so a per-zone bound alone let the heap grow for the
 * whole of a million-conversation run (decision 138).
 */
export const MAX_CACHED_OFFSETS = 65_536;
let cachedOffsets = 0;

/** Offsets cached since the last drop (an upper bound on those held: a zone the LRU dropped still counts); never above `MAX_CACHED_OFFSETS`. */
export function cachedOffsetCount(): number {
  return cachedOffsets;
}

function formatter(zone: string): Intl.DateTimeFormat | null {
  let f = formatters.get(zone);
  if (f === undefined) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      f = null;
    }
    formatters.set(zone, f);
  }
  return f;
}

/** Is `zone` an IANA time-zone name this runtime knows? */
export function isValidTimezone(zone: string): boolean {
  return formatter(zone) !== null;
}

/** UTC offset of `zone` at instant `t`, in milliseconds (local = t + offset). */
export function zoneOffset(zone: string, t: number): number {
  const bucket = Math.floor(t / BUCKET);
  let cache = offsets.get(zone);
  if (!cache) offsets.set(zone, (cache = new Map()));
  const hit = cache.get(bucket);
  if (hit !== undefined) return hit;
  const f = formatter(zone);
  if (!f) throw new RangeError(`unknown time zone "${zone}"`);
  const at = bucket * BUCKET;
  const p: Record<string, number> = {};
  for (const part of f.formatToParts(new Date(at))) if (part.type !== 'literal') p[part.type] = Number(part.value);
  const asUtc = utcTime(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
  const off = asUtc - at;
  if (cachedOffsets >= MAX_CACHED_OFFSETS) {
    offsets = boundedCache<string, Map<number, number>>(MAX_ZONES);
    offsets.set(zone, (cache = new Map()));
    cachedOffsets = 0;
  }
  cache.set(bucket, off);
  cachedOffsets++;
  return off;
}

export interface LocalDate {
  year: number;
  month: number;
  day: number;
  /** ISO weekday, 1 = Monday … 7 = Sunday */
  weekday: number;
  /** YYYY-MM-DD */
  iso: string;
}

/** The local calendar date of instant `t` in `zone`. */
export function localDate(zone: string, t: number): LocalDate {
  return dateFromUtcFields(new Date(t + zoneOffset(zone, t)));
}

/** The calendar date `days` after `d`. */
export function addDays(d: LocalDate, days: number): LocalDate {
  return dateFromUtcFields(new Date(utcTime(d.year, d.month - 1, d.day + days)));
}

function dateFromUtcFields(u: Date): LocalDate {
  const year = u.getUTCFullYear();
  const month = u.getUTCMonth() + 1;
  const day = u.getUTCDate();
  const iso = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return { year, month, day, weekday: u.getUTCDay() || 7, iso };
}

/**
 * The instant of local wall time `date hh:mm` in `zone`. A wall time skipped by a DST jump
 * maps to the instant after the jump; an ambiguous one (autumn) to its first occurrence.
 */
export function wallTimeToInstant(zone: string, date: LocalDate, hour: number, minute: number): number {
  const asUtc = utcTime(date.year, date.month - 1, date.day, hour, minute);
  // Offsets half a day either side bracket any DST transition near this wall time.
  const before = zoneOffset(zone, asUtc - 43_200_000);
  const after = zoneOffset(zone, asUtc + 43_200_000);
  const early = asUtc - before;
  const late = asUtc - after;
  const earlyValid = zoneOffset(zone, early) === before;
  const lateValid = zoneOffset(zone, late) === after;
  if (earlyValid && lateValid) return Math.min(early, late); // ambiguous: first occurrence
  if (earlyValid) return early;
  if (lateValid) return late;
  return early; // skipped wall time: the old offset lands just after the jump
}
