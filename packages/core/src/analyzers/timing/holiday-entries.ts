import { createRequire } from 'node:module';
import { boundedCache } from '../../util/bounded-cache.js';
import groupOnly from './group-only-holidays.json' with { type: 'json' };

/** One holiday as date-holidays returns it (`date` is local: `YYYY-MM-DD hh:mm:ss[ ±hhmm]`). */
export interface HolidayEntry {
  date: string;
  start: Date;
  end: Date;
  type: string;
  name: string;
  note?: string;
  rule?: string;
}
interface HolidaysInstance {
  getHolidays(year: number): HolidayEntry[] | undefined;
  getCountries(): Record<string, string> | undefined;
}
type HolidaysCtor = new (country?: string) => HolidaysInstance;

/**
 * date-holidays types that close businesses: `public` (statutory day off) and `bank` ("banks and
 * offices are closed": JP 2–3 Jan and 31 Dec, DE/AT 24 and 31 Dec from 14:00, SE midsummer eve).
 * `optional`, `school` and `observance` close nothing.
 */
export const CLOSING_TYPES: ReadonlySet<string> = new Set(['public', 'bank']);

/** Local date `YYYY-MM-DD` → minute of the day from which it is closed (0 = the whole day). */
export type ClosedDays = Map<string, number>;

let Ctor: HolidaysCtor | undefined;
let known: Set<string> | undefined;
/** Country codes come from input: at most this many instances are kept. */
const instances = boundedCache<string, HolidaysInstance | null>(300);

/** Loaded on first use: date-holidays carries a large data set. */
function instance(country: string): HolidaysInstance | null {
  let cached = instances.get(country);
  if (cached === undefined) {
    if (!Ctor) {
      const mod = createRequire(import.meta.url)('date-holidays') as HolidaysCtor | { default: HolidaysCtor };
      Ctor = typeof mod === 'function' ? mod : mod.default;
    }
    known ??= new Set(Object.keys(new Ctor().getCountries() ?? {}));
    let h: HolidaysInstance | null = null;
    try {
      if (known.has(country)) h = new Ctor(country);
    } catch {
      h = null;
    }
    instances.set(country, h);
    cached = h;
  }
  return cached;
}

interface GroupOnlyRow {
  note?: string;
  name?: string;
  reason: string;
}
const GROUP_ONLY = groupOnly as unknown as Record<string, GroupOnlyRow[] | string>;

/** Is this entry a day off for one group or trade only (see group-only-holidays.json)? */
export function isGroupOnly(country: string, e: Pick<HolidayEntry, 'note' | 'name'>): boolean {
  const rows = GROUP_ONLY[country];
  if (!Array.isArray(rows)) return false;
  return rows.some((r) => (r.note !== undefined && r.note === e.note) || (r.name !== undefined && r.name === e.name));
}

const DATE = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})(?::\d{2})?( [+-]\d{4})?$/;

/**
 * Every local day an entry covers, with the minute it starts closing: a multi-day entry
 * ("P3D", Tết's five days) yields each of its days; a half day ("12-24 14:00") its start
 * minute. A date with an offset suffix (Islamic days begin at the previous sunset) counts by
 * civil days from its date. Durations are rounded to whole days, so a DST day does not matter.
 */
export function entryDays(e: Pick<HolidayEntry, 'date' | 'start' | 'end'>): Array<[string, number]> {
  const m = DATE.exec(e.date);
  if (!m) return [];
  const [, y, mo, d, hh, mm, offset] = m;
  const startMinute = offset ? 0 : Number(hh) * 60 + Number(mm);
  const minutes = Math.round((e.end.getTime() - e.start.getTime()) / 60_000);
  const days = startMinute === 0 ? Math.max(1, Math.round(minutes / 1440)) : 1 + Math.max(0, Math.round((minutes - (1440 - startMinute)) / 1440));
  const out: Array<[string, number]> = [];
  for (let i = 0; i < days; i++) {
    const u = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d) + i));
    out.push([u.toISOString().slice(0, 10), i === 0 ? startMinute : 0]);
  }
  return out;
}

/**
 * Years date-holidays is asked about. Outside them it has no rules worth reading (its calendars
 * are modern), and for some it never returns: `getHolidays(1)` and `getHolidays(-1)` for CN loop
 * forever inside moment (found by a differential fuzzer with a conversation dated 0001-01-01; a
 * synchronous loop that no analyzer time limit can stop). 1899–2200 returned for 22 countries
 * (CN VN KR TW HK SG JP SA IL IN US DE FR BR MX ID MY TH AE EG IR PH) at every year. Decision 256.
 */
export const DATE_HOLIDAYS_YEARS = { from: 1900, to: 2199 } as const;

/**
 * The closed days of `country` in `year` by date-holidays (national level): entries of a
 * closing type, every day of multi-day ones (also those starting in the previous year), minus
 * group-only days. Null when date-holidays does not know the country; no day for a year outside
 * DATE_HOLIDAYS_YEARS.
 */
export function dateHolidaysClosedDays(country: string, year: number): ClosedDays | null {
  const h = instance(country);
  if (!h) return null;
  const closed: ClosedDays = new Map();
  if (!(year >= DATE_HOLIDAYS_YEARS.from && year <= DATE_HOLIDAYS_YEARS.to)) return closed;
  const prefix = `${year}-`;
  for (const y of [year - 1, year]) {
    for (const e of h.getHolidays(y) ?? []) {
      if (!CLOSING_TYPES.has(e.type) || isGroupOnly(country, e)) continue;
      for (const [iso, from] of entryDays(e)) {
        if (!iso.startsWith(prefix)) continue;
        closed.set(iso, Math.min(from, closed.get(iso) ?? 1440));
      }
    }
  }
  return closed;
}
