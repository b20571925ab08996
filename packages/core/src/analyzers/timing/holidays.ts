import { boundedCache } from '../../util/bounded-cache.js';
import { type ClosedDays, dateHolidaysClosedDays } from './holiday-entries.js';
import { noticesYear, REPLACING_SOURCES } from './official-calendars.js';

export { CLOSING_TYPES, type ClosedDays, entryDays, isGroupOnly } from './holiday-entries.js';

/** One country's working-day calendar for one year, as the timing analyzer uses it. */
export interface HolidayYear {
  /** Local date `YYYY-MM-DD` → minute of the day from which businesses are closed (0 = all day). */
  closed: ClosedDays;
  /** Weekend dates that are official working days (make-up days, CN 调休 / VN swaps). */
  workdays: ReadonlySet<string>;
  /** Data sources used, in order. */
  sources: readonly string[];
}

/** What a local date is in a country's calendar. */
export interface DayStatus {
  /** Minute of the day from which the day is closed (0 = whole day), or null when it is not a holiday. */
  closedFrom: number | null;
  /** True for a weekend day that is an official working day. */
  workday: boolean;
}

/** Country and year come from input: at most this many years are kept. */
const cache = boundedCache<string, HolidayYear | null>(2_000);
const OPEN: DayStatus = { closedFrom: null, workday: false };

/**
 * The holidays and make-up working days of `country` (ISO 3166-1 alpha-2) in `year`:
 * 1. a maintained official calendar where one covers the year (CN: `chinese-days`, the State
 *    Council notice with make-up days; KR: `@hyunbinseo/holidays-kr`, the official almanac),
 * 2. else date-holidays, types `public` and `bank`, every day of a multi-day holiday, without
 *    days off for one group only (CN Children's and Youth Day …),
 * 3. plus the government notices in official-notices.json (VN Tết and National Day breaks).
 * Cached per country and year. Null when no source knows the country.
 */
export function holidayYear(country: string, year: number): HolidayYear | null {
  const key = `${country}:${year}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const official = REPLACING_SOURCES[country]?.(year) ?? null;
  let result: HolidayYear | null = official ? { closed: official.closed, workdays: official.workdays, sources: [official.source] } : null;
  if (!result) {
    const closed = dateHolidaysClosedDays(country, year);
    result = closed ? { closed, workdays: new Set<string>(), sources: ['date-holidays'] } : null;
  }
  const extra = noticesYear(country, year);
  if (extra) {
    const closed = new Map(result?.closed ?? []);
    for (const [d, from] of extra.closed) closed.set(d, Math.min(from, closed.get(d) ?? 1440));
    result = { closed, workdays: new Set([...(result?.workdays ?? []), ...extra.workdays]), sources: [...(result?.sources ?? []), extra.source] };
  }
  cache.set(key, result);
  return result;
}

/** Status of local date `iso` (`YYYY-MM-DD`) in `country`'s calendar. */
export function dayStatus(country: string, iso: string): DayStatus {
  const y = holidayYear(country, Number(iso.slice(0, 4)));
  if (!y) return OPEN;
  const from = y.closed.get(iso);
  const workday = y.workdays.has(iso);
  return from === undefined && !workday ? OPEN : { closedFrom: from ?? null, workday };
}

/**
 * Local dates (`YYYY-MM-DD`) on which the country's businesses are closed all day in `year`
 * (see holidayYear), or null when no source knows the country.
 */
export function publicHolidays(country: string, year: number): Set<string> | null {
  const y = holidayYear(country, year);
  if (!y) return null;
  return new Set([...y.closed].filter(([, from]) => from === 0).map(([d]) => d));
}
