import { createRequire } from 'node:module';
import * as krPresets from '@hyunbinseo/holidays-kr/all';
import type { ClosedDays } from './holiday-entries.js';
import notices from './official-notices.json' with { type: 'json' };

/** A year of a government's working-day calendar. */
export interface OfficialYear {
  /** Closed local dates (whole days; weekends inside a break included). */
  closed: ClosedDays;
  /** Weekend dates that are working days (CN 调休 make-up days, VN swapped days). */
  workdays: Set<string>;
  /** Where it came from, for explanations and docs. */
  source: string;
}

const requireData = createRequire(import.meta.url);

/**
 * China's State Council holiday arrangement for `year` (holidays and make-up working days), from
 * the `chinese-days` package (MIT; its years/YYYY.json, one file per notice year, read on first
 * use). Null for a year whose notice the installed version does not carry.
 */
export function chinaYear(year: number): OfficialYear | null {
  let data: { holidays?: Record<string, string>; workdays?: Record<string, string> };
  try {
    data = requireData(`chinese-days/dist/years/${year}.json`) as typeof data;
  } catch {
    return null;
  }
  if (!data.holidays) return null;
  return {
    closed: new Map(Object.keys(data.holidays).map((d) => [d, 0])),
    workdays: new Set(Object.keys(data.workdays ?? {})),
    source: 'chinese-days (State Council notice)',
  };
}

const KR = krPresets as unknown as Record<string, Readonly<Record<string, readonly string[]>> | undefined>;

/**
 * South Korea's public holidays for `year` as the official almanac (월력요항) lists them, from
 * `@hyunbinseo/holidays-kr` (MIT): Seollal and Chuseok with the days before and after, substitute
 * days, and one-off days (elections, temporary holidays). Null for a year it does not carry.
 */
export function koreaYear(year: number): OfficialYear | null {
  const preset = KR[`y${year}`];
  if (!preset) return null;
  return { closed: new Map(Object.keys(preset).map((d) => [d, 0])), workdays: new Set(), source: '@hyunbinseo/holidays-kr (official almanac)' };
}

interface Notice {
  holiday: string;
  notice: string;
  source: string;
  closed: [string, string];
  workdays: string[];
}
const NOTICES = notices as unknown as Record<string, Notice[] | string>;

/**
 * Government arrangements kept in official-notices.json (e.g. Vietnam's Tết and National Day
 * breaks and their swapped days) that touch `year`; null when there is none.
 */
export function noticesYear(country: string, year: number): OfficialYear | null {
  const list = NOTICES[country];
  if (!Array.isArray(list)) return null;
  const prefix = `${year}-`;
  const closed: ClosedDays = new Map();
  const workdays = new Set<string>();
  let any = false;
  for (const n of list) {
    const [first, last] = n.closed;
    for (let t = Date.parse(`${first}T00:00:00Z`); t <= Date.parse(`${last}T00:00:00Z`); t += 86_400_000) {
      const iso = new Date(t).toISOString().slice(0, 10);
      if (iso.startsWith(prefix)) {
        closed.set(iso, 0);
        any = true;
      }
    }
    for (const w of n.workdays) {
      if (w.startsWith(prefix)) {
        workdays.add(w);
        any = true;
      }
    }
  }
  return any ? { closed, workdays, source: 'official-notices.json' } : null;
}

/** Official calendars that replace date-holidays for the years they cover. */
export const REPLACING_SOURCES: Readonly<Record<string, (year: number) => OfficialYear | null>> = { CN: chinaYear, KR: koreaYear };
