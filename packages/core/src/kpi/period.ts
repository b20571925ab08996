import { addDays, localDate } from '../analyzers/timing/zone-time.js';
import { utcTime } from '../util/utc.js';
import type { KpiPeriod } from './options.js';

export interface PeriodSlot {
  /** `2026-W10`, `2026-03`, `2026-Q1`, `2026-03-02` or `all`. */
  key: string;
  /** First local day of the period, YYYY-MM-DD (empty for `all`). */
  start: string;
  /** Calendar days in the period (0 for `all`). */
  days: number;
}

const pad = (n: number) => String(n).padStart(2, '0');
/** A year as ISO 8601 writes it: four digits (`0026`). */
const year4 = (y: number) => String(y).padStart(4, '0');
const daysInMonth = (y: number, m: number) => new Date(utcTime(y, m, 0)).getUTCDate();

/** The period that contains instant `ms` in `zone`: ISO weeks start on Monday; week-years as ISO 8601. */
export function periodOf(period: KpiPeriod, zone: string, ms: number): PeriodSlot {
  const d = localDate(zone, ms);
  switch (period) {
    case 'all':
      return { key: 'all', start: '', days: 0 };
    case 'day':
      return { key: d.iso, start: d.iso, days: 1 };
    case 'month':
      return { key: `${year4(d.year)}-${pad(d.month)}`, start: `${year4(d.year)}-${pad(d.month)}-01`, days: daysInMonth(d.year, d.month) };
    case 'quarter': {
      const q = Math.floor((d.month - 1) / 3);
      const days = [1, 2, 3].reduce((n, i) => n + daysInMonth(d.year, q * 3 + i), 0);
      return { key: `${year4(d.year)}-Q${q + 1}`, start: `${year4(d.year)}-${pad(q * 3 + 1)}-01`, days };
    }
    case 'week': {
      const monday = addDays(d, 1 - d.weekday);
      const thursday = addDays(monday, 3);
      const jan1 = utcTime(thursday.year, 0, 1);
      const week = Math.floor((utcTime(thursday.year, thursday.month - 1, thursday.day) - jan1) / 86_400_000 / 7) + 1;
      return { key: `${year4(thursday.year)}-W${pad(week)}`, start: monday.iso, days: 7 };
    }
  }
}

/** The local calendar day of `ms` in `zone`, YYYY-MM-DD. */
export function dayOf(zone: string, ms: number): string {
  return localDate(zone, ms).iso;
}
