import { DateTime, IANAZone } from 'luxon';
import { publicHolidays } from './holidays.js';

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

export function isValidTimezone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}

function hm(s: string): [number, number] {
  const [h = '0', m = '0'] = s.split(':');
  return [Number(h), Number(m)];
}

function isHoliday(cal: WorkingCalendar, day: DateTime): boolean {
  if (!cal.holidayCountry) return false;
  return publicHolidays(cal.holidayCountry, day.year)?.has(day.toISODate()!) ?? false;
}

/** The working window that starts on local `day`, or null if that day is closed. */
function windowOf(cal: WorkingCalendar, day: DateTime): [number, number] | null {
  if (!cal.days.includes(day.weekday) || isHoliday(cal, day)) return null;
  const [sh, sm] = hm(cal.start);
  const [eh, em] = hm(cal.end);
  const start = day.set({ hour: sh, minute: sm, second: 0, millisecond: 0 });
  let end = day.set({ hour: eh, minute: em, second: 0, millisecond: 0 });
  if (end <= start) end = end.plus({ days: 1 }).set({ hour: eh, minute: em });
  return [start.toMillis(), end.toMillis()];
}

/**
 * Seconds of [fromMs, toMs) that fall inside the calendar's working windows, with real
 * time-zone arithmetic (a DST day has 23 or 25 hours). Null when the interval spans more
 * than MAX_CALENDAR_DAYS.
 */
export function workingSecondsBetween(cal: WorkingCalendar, fromMs: number, toMs: number): number | null {
  if (toMs <= fromMs) return 0;
  if (toMs - fromMs > MAX_CALENDAR_DAYS * 86_400_000) return null;
  let day = DateTime.fromMillis(fromMs, { zone: cal.timezone }).startOf('day').minus({ days: 1 });
  const last = DateTime.fromMillis(toMs, { zone: cal.timezone }).startOf('day');
  let totalMs = 0;
  while (day <= last) {
    const w = windowOf(cal, day);
    if (w) {
      const s = Math.max(w[0], fromMs);
      const e = Math.min(w[1], toMs);
      if (e > s) totalMs += e - s;
    }
    day = day.plus({ days: 1 });
  }
  return totalMs / 1000;
}

/** Is the instant inside a working window? */
export function isWorkingTime(cal: WorkingCalendar, atMs: number): boolean {
  const today = DateTime.fromMillis(atMs, { zone: cal.timezone }).startOf('day');
  for (const day of [today.minus({ days: 1 }), today]) {
    const w = windowOf(cal, day);
    if (w && atMs >= w[0] && atMs < w[1]) return true;
  }
  return false;
}

/** Is the instant inside a daily clock window (e.g. a night shift 22:00–06:00), any weekday? */
export function isInDailyWindow(timezone: string, start: string, end: string, atMs: number): boolean {
  return isWorkingTime({ timezone, days: [1, 2, 3, 4, 5, 6, 7], start, end }, atMs);
}
