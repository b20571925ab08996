/**
 * Milliseconds since the epoch of a UTC calendar time, right for every year: `Date.UTC` (and
 * `new Date(y, …)`) read the years 0–99 as 1900–1999 (`Date.UTC(26, 0, 1)` is 1926-01-01), this
 * takes the year as given (`utcTime(26, 0, 1)` is 0026-01-01, `utcTime(0, 1, 29)` the leap day of
 * year 0). `monthIndex` counts from 0; days, hours, minutes and seconds out of range roll over as
 * in `Date.UTC` (`utcTime(2026, 0, 32)` is 1 February).
 *
 * @example
 * new Date(utcTime(99, 11, 31)).toISOString() // '0099-12-31T00:00:00.000Z'
 */
export function utcTime(year: number, monthIndex: number, day = 1, hours = 0, minutes = 0, seconds = 0): number {
  // Date.UTC where it is right (every year outside 0–99): the timing analyzer calls this per day
  if (year < 0 || year > 99) return Date.UTC(year, monthIndex, day, hours, minutes, seconds);
  const t = new Date(0);
  t.setUTCFullYear(year, monthIndex, day);
  t.setUTCHours(hours, minutes, seconds, 0);
  return t.getTime();
}

/**
 * False for a calendar day that does not exist as written (`2026-02-30`, `2027-02-29`), which
 * `Date.parse` and `new Date` roll over to the next month. `text` starts with `YYYY-MM-DD`; the
 * rest (a time, an offset) is not read.
 *
 * @example
 * isRealDay('2026-02-28T10:00:00Z') // true
 * isRealDay('2026-02-30') // false
 */
export function isRealDay(text: string): boolean {
  const [y, m, d] = text.slice(0, 10).split('-').map(Number) as [number, number, number];
  return new Date(utcTime(y, m - 1, d)).getUTCDate() === d;
}
