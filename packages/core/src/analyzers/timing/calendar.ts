import { publicHolidays } from './holidays.js';
import { addDays, localDate, wallTimeToInstant, type LocalDate } from './zone-time.js';

export { isValidTimezone } from './zone-time.js';

/** Weekly working hours in one time zone. `end <= start` means the window runs past midnight. */
export interface WorkingCalendar {
  timezone: string;
  /** ISO weekdays 1 = Monday … 7 = Sunday on which a window STARTS. */
  days: readonly number[];
  /** "HH:MM" local */
  start: string;
  end: string;
  /** ISO country whose public holidays are closed days; none when absent. */
  holidayCountry?: string | undefined;
}

/** Intervals longer than this are not walked day by day (they are almost surely bad data). */
export const MAX_CALENDAR_DAYS = 400;

function hm(s: string): [number, number] {
  const [h = '0', m = '0'] = s.split(':');
  return [Number(h), Number(m)];
}

/** The working window that starts on local `day`, or null if that day is closed. */
function windowOf(cal: WorkingCalendar, day: LocalDate): [number, number] | null {
  if (!cal.days.includes(day.weekday)) return null;
  if (cal.holidayCountry && publicHolidays(cal.holidayCountry, day.year)?.has(day.iso)) return null;
  const [sh, sm] = hm(cal.start);
  const [eh, em] = hm(cal.end);
  const overnight = eh * 60 + em <= sh * 60 + sm;
  const start = wallTimeToInstant(cal.timezone, day, sh, sm);
  const end = wallTimeToInstant(cal.timezone, overnight ? addDays(day, 1) : day, eh, em);
  return [start, end];
}

/**
 * Seconds of [fromMs, toMs) that fall inside the calendar's working windows, with real
 * time-zone arithmetic (a DST day has 23 or 25 hours). Null when the interval spans more
 * than MAX_CALENDAR_DAYS.
 */
export function workingSecondsBetween(cal: WorkingCalendar, fromMs: number, toMs: number): number | null {
  if (toMs <= fromMs) return 0;
  if (toMs - fromMs > MAX_CALENDAR_DAYS * 86_400_000) return null;
  let day = addDays(localDate(cal.timezone, fromMs), -1);
  const last = localDate(cal.timezone, toMs).iso;
  let totalMs = 0;
  for (;;) {
    const w = windowOf(cal, day);
    if (w) {
      const s = Math.max(w[0], fromMs);
      const e = Math.min(w[1], toMs);
      if (e > s) totalMs += e - s;
    }
    if (day.iso >= last) break;
    day = addDays(day, 1);
  }
  return totalMs / 1000;
}

/** Is the instant inside a working window? */
export function isWorkingTime(cal: WorkingCalendar, atMs: number): boolean {
  const today = localDate(cal.timezone, atMs);
  for (const day of [addDays(today, -1), today]) {
    const w = windowOf(cal, day);
    if (w && atMs >= w[0] && atMs < w[1]) return true;
  }
  return false;
}

/** Is the instant inside a daily clock window (e.g. a night shift 22:00–06:00), any weekday? */
export function isInDailyWindow(timezone: string, start: string, end: string, atMs: number): boolean {
  return isWorkingTime({ timezone, days: [1, 2, 3, 4, 5, 6, 7], start, end }, atMs);
}
