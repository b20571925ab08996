import { createRequire } from 'node:module';

interface HolidayEntry { date: string; type: string }
interface HolidaysInstance { getHolidays(year: number): HolidayEntry[] | undefined }
type HolidaysCtor = new (country?: string) => HolidaysInstance;

let Ctor: HolidaysCtor | undefined;
const cache = new Map<string, Set<string> | null>();

/** Loaded on first use: date-holidays carries a large data set. */
function holidaysCtor(): HolidaysCtor {
  if (!Ctor) {
    const mod = createRequire(import.meta.url)('date-holidays') as HolidaysCtor | { default: HolidaysCtor };
    Ctor = typeof mod === 'function' ? mod : mod.default;
  }
  return Ctor;
}

/**
 * Local dates (`YYYY-MM-DD`) of the country's public holidays (type `public` in date-holidays,
 * national level) in `year`, or null when the country is unknown to date-holidays.
 */
export function publicHolidays(country: string, year: number): Set<string> | null {
  const key = `${country}:${year}`;
  if (cache.has(key)) return cache.get(key)!;
  let set: Set<string> | null = null;
  try {
    const list = new (holidaysCtor())(country).getHolidays(year);
    if (list) set = new Set(list.filter((h) => h.type === 'public').map((h) => h.date.slice(0, 10)));
  } catch {
    set = null;
  }
  cache.set(key, set);
  return set;
}
