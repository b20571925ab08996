import { dayStatus } from './holidays.js';
import { addDays, type LocalDate, localDate, wallTimeToInstant } from './zone-time.js';

export { isValidTimezone } from './zone-time.js';

/** Weekly working hours in one time zone. `end <= start` means the window runs past midnight. */
export interface WorkingCalendar {
  timezone: string;
  /** ISO weekdays 1 = Monday … 7 = Sunday on which a window STARTS. */
  days: readonly number[];
  /** "HH:MM" local */
  start: string;
  end: string;
  /**
   * ISO country whose holidays are closed days and whose official make-up working days are open
   * (see holidayYear); none when absent.
   */
  holidayCountry?: string | undefined;
}

/** Intervals longer than this are not walked day by day (they are almost surely bad data). */
export const MAX_CALENDAR_DAYS = 400;

function hm(s: string): [number, number] {
  const [h = '0', m = '0'] = s.split(':');
  return [Number(h), Number(m)];
}

/**
 * The working window that starts on local `day`, or null if that day is closed: a weekly
 * working day unless it is a holiday, or an official make-up working day. A holiday that starts
 * during the day (DE 24 Dec from 14:00) ends the window there.
 */
function windowOf(cal: WorkingCalendar, day: LocalDate): [number, number] | null {
  const status = cal.holidayCountry ? dayStatus(cal.holidayCountry, day.iso) : null;
  const weekly = cal.days.includes(day.weekday);
  if (weekly ? status?.closedFrom === 0 : !status?.workday) return null;
  const [sh, sm] = hm(cal.start);
  const [eh, em] = hm(cal.end);
  const overnight = eh * 60 + em <= sh * 60 + sm;
  const start = wallTimeToInstant(cal.timezone, day, sh, sm);
  let end = wallTimeToInstant(cal.timezone, overnight ? addDays(day, 1) : day, eh, em);
  const closedFrom = status?.closedFrom;
  if (closedFrom) end = Math.min(end, wallTimeToInstant(cal.timezone, day, Math.floor(closedFrom / 60), closedFrom % 60));
  return end > start ? [start, end] : null;
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
