import { COUNTRY_TIMEZONES, createInspector, dayStatus, holidayYear, timingAnalyzer, type WorkingCalendar } from '@cxqa/core';
import { isWorkingTime, publicHolidays } from '@cxqa/core/timing';
import { describe, expect, it } from 'vitest';
import groupOnly from './group-only-holidays.json' with { type: 'json' };
import { entryDays, isGroupOnly } from './holidays.js';
import notices from './official-notices.json' with { type: 'json' };

/**
 * Every day of each multi-day holiday in CN KR VN JP for 2025 and 2026, written from the
 * governments' own notices (not from the libraries under test):
 * CN: State Council notices 国办发明电〔2024〕12号 (2025) and 国办发明电〔2025〕7号 (2026);
 * KR: the official almanac (월력요항) 2025/2026; VN: Government Office letters on Tết and National
 * Day (official-notices.json cites each); JP: the National Holidays Act, plus the 2–3 Jan and
 * 31 Dec bank holidays (year-end closure).
 * `closed`: whole days closed; `workdays`: weekend make-up working days; `open`: weekdays next
 * to a break, observances and group-only days that close nothing.
 */
interface Row {
  country: string;
  holiday: string;
  closed: string[];
  workdays?: string[];
  open?: string[];
}

function days(spec: string): string[] {
  const [a, b = a] = spec.split('..') as [string, string?];
  const out: string[] = [];
  for (let t = Date.parse(`${a}T00:00:00Z`); t <= Date.parse(`${b}T00:00:00Z`); t += 86_400_000) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

const TABLE: Row[] = [
  // China 2025
  { country: 'CN', holiday: '元旦 2025', closed: days('2025-01-01'), open: ['2025-01-02'] },
  { country: 'CN', holiday: '春节 2025', closed: days('2025-01-28..2025-02-04'), workdays: ['2025-01-26', '2025-02-08'], open: ['2025-01-27', '2025-02-05'] },
  { country: 'CN', holiday: '清明 2025', closed: days('2025-04-04..2025-04-06'), open: ['2025-04-03', '2025-04-07'] },
  { country: 'CN', holiday: '劳动节 2025', closed: days('2025-05-01..2025-05-05'), workdays: ['2025-04-27'], open: ['2025-04-30', '2025-05-06'] },
  { country: 'CN', holiday: '端午 2025', closed: days('2025-05-31..2025-06-02'), open: ['2025-05-30', '2025-06-03'] },
  {
    country: 'CN',
    holiday: '国庆·中秋 2025',
    closed: days('2025-10-01..2025-10-08'),
    workdays: ['2025-09-28', '2025-10-11'],
    open: ['2025-09-30', '2025-10-09'],
  },
  // China 2026
  { country: 'CN', holiday: '元旦 2026', closed: days('2026-01-01..2026-01-03'), workdays: ['2026-01-04'], open: ['2025-12-31', '2026-01-05'] },
  { country: 'CN', holiday: '春节 2026', closed: days('2026-02-15..2026-02-23'), workdays: ['2026-02-14', '2026-02-28'], open: ['2026-02-13', '2026-02-24'] },
  { country: 'CN', holiday: '清明 2026', closed: days('2026-04-04..2026-04-06'), open: ['2026-04-03', '2026-04-07'] },
  { country: 'CN', holiday: '劳动节 2026', closed: days('2026-05-01..2026-05-05'), workdays: ['2026-05-09'], open: ['2026-04-30', '2026-05-06'] },
  { country: 'CN', holiday: '端午 2026', closed: days('2026-06-19..2026-06-21'), open: ['2026-06-18', '2026-06-22'] },
  { country: 'CN', holiday: '中秋 2026', closed: days('2026-09-25..2026-09-27'), open: ['2026-09-24', '2026-09-28'] },
  { country: 'CN', holiday: '国庆 2026', closed: days('2026-10-01..2026-10-07'), workdays: ['2026-09-20', '2026-10-10'], open: ['2026-09-30', '2026-10-08'] },
  // China: days off for one group only close nothing
  { country: 'CN', holiday: 'group-only days', closed: [], open: ['2026-06-01', '2025-08-01', '2024-03-08', '2023-05-04', '2027-06-01'] },
  // South Korea
  { country: 'KR', holiday: '설날 2025 (+ temporary holiday 27 Jan)', closed: days('2025-01-27..2025-01-30'), open: ['2025-01-24', '2025-01-31'] },
  {
    country: 'KR',
    holiday: '추석 2025 (+ substitute 8 Oct, 한글날 9 Oct)',
    closed: ['2025-10-03', ...days('2025-10-05..2025-10-09')],
    open: ['2025-10-02', '2025-10-10'],
  },
  { country: 'KR', holiday: '설날 2026', closed: days('2026-02-16..2026-02-18'), open: ['2026-02-13', '2026-02-19'] },
  { country: 'KR', holiday: '추석 2026', closed: days('2026-09-24..2026-09-26'), open: ['2026-09-23', '2026-09-28'] },
  {
    country: 'KR',
    holiday: 'substitute days 2026',
    closed: ['2026-03-02', '2026-05-25', '2026-08-17', '2026-10-05'],
    open: ['2026-03-03', '2026-05-26', '2026-08-18', '2026-10-06', '2026-05-08'],
  },
  // Vietnam
  { country: 'VN', holiday: 'Tết 2025', closed: days('2025-01-25..2025-02-02'), open: ['2025-01-24', '2025-02-03'] },
  { country: 'VN', holiday: '30/4–1/5 2025', closed: days('2025-04-30..2025-05-04'), workdays: ['2025-04-26'], open: ['2025-04-29', '2025-05-05'] },
  { country: 'VN', holiday: 'Quốc khánh 2025', closed: days('2025-08-30..2025-09-02'), open: ['2025-08-29', '2025-09-03'] },
  { country: 'VN', holiday: 'Tết Dương lịch 2026', closed: days('2026-01-01..2026-01-04'), open: ['2025-12-31', '2026-01-05'] },
  { country: 'VN', holiday: 'Tết 2026', closed: days('2026-02-14..2026-02-22'), open: ['2026-02-13', '2026-02-23'] },
  { country: 'VN', holiday: 'Giỗ tổ Hùng Vương 2026 (Sunday, compensated Monday)', closed: ['2026-04-26', '2026-04-27'], open: ['2026-04-24', '2026-04-28'] },
  { country: 'VN', holiday: '30/4–1/5 2026', closed: ['2026-04-30', '2026-05-01'], open: ['2026-04-29', '2026-05-04'] },
  { country: 'VN', holiday: 'Quốc khánh 2026', closed: days('2026-08-29..2026-09-02'), workdays: ['2026-08-22'], open: ['2026-08-28', '2026-09-03'] },
  { country: 'VN', holiday: 'observances', closed: [], open: ['2026-06-01', '2026-09-25', '2026-02-03', '2026-03-03'] },
  // Japan
  { country: 'JP', holiday: '年末年始 2024–2025', closed: ['2024-12-31', ...days('2025-01-01..2025-01-03')], open: ['2024-12-30', '2025-01-06'] },
  { country: 'JP', holiday: 'Golden Week 2025', closed: ['2025-04-29', ...days('2025-05-03..2025-05-06')], open: ['2025-04-30', '2025-05-02', '2025-05-07'] },
  { country: 'JP', holiday: '年末年始 2025–2026', closed: ['2025-12-31', ...days('2026-01-01..2026-01-03')], open: ['2025-12-30', '2026-01-05'] },
  { country: 'JP', holiday: 'Golden Week 2026', closed: ['2026-04-29', ...days('2026-05-03..2026-05-06')], open: ['2026-04-28', '2026-05-01', '2026-05-07'] },
  { country: 'JP', holiday: 'Silver Week 2026', closed: days('2026-09-21..2026-09-23'), open: ['2026-09-18', '2026-09-24'] },
  { country: 'JP', holiday: 'observances', closed: [], open: ['2026-12-25'] },
  // Another country with a multi-day holiday (date-holidays, 3 days of Eid al-Adha)
  { country: 'AE', holiday: 'عيد الأضحى 2026', closed: days('2026-05-27..2026-05-29'), open: ['2026-05-25', '2026-06-01'] },
];

const weekdayOf = (iso: string) => new Date(`${iso}T00:00:00Z`).getUTCDay() || 7;
const calendarOf = (country: string): WorkingCalendar => ({
  timezone: COUNTRY_TIMEZONES[country]!,
  days: [1, 2, 3, 4, 5],
  start: '09:00',
  end: '18:00',
  holidayCountry: country,
});
/** 10:00 local on `iso` (all these zones have a fixed offset). */
function tenAm(country: string, iso: string): number {
  const noonUtc = Date.parse(`${iso}T10:00:00Z`);
  const local = new Intl.DateTimeFormat('en-GB', { timeZone: COUNTRY_TIMEZONES[country], hour: 'numeric', hourCycle: 'h23' }).format(noonUtc);
  return noonUtc - (Number(local) - 10) * 3600_000;
}

describe('official working-day calendars, every day of each multi-day holiday', () => {
  describe.each(TABLE)('$country $holiday', ({ country, closed, workdays = [], open = [] }) => {
    const cal = calendarOf(country);
    it.each(closed)('%s is closed', (iso) => {
      expect(dayStatus(country, iso).closedFrom).toBe(0);
      expect(isWorkingTime(cal, tenAm(country, iso))).toBe(false);
    });
    it.each(workdays)('%s is a make-up working day', (iso) => {
      expect(weekdayOf(iso)).toBeGreaterThanOrEqual(6);
      expect(dayStatus(country, iso)).toEqual({ closedFrom: null, workday: true });
      expect(isWorkingTime(cal, tenAm(country, iso))).toBe(true);
    });
    it.each(open)('%s is open', (iso) => {
      expect(weekdayOf(iso)).toBeLessThanOrEqual(5);
      expect(dayStatus(country, iso).closedFrom).toBeNull();
      expect(isWorkingTime(cal, tenAm(country, iso))).toBe(true);
    });
  });

  it('keeps a make-up day closed for a customer whose calendar has no holiday country', () => {
    expect(isWorkingTime({ ...calendarOf('CN'), holidayCountry: undefined }, tenAm('CN', '2026-02-14'))).toBe(false);
  });
});

describe('holiday data', () => {
  it('expands a date-holidays entry into every local day it covers', () => {
    // KR Chuseok 2026 as date-holidays gives it: one entry, three days
    expect(entryDays({ date: '2026-09-24 00:00:00', start: new Date('2026-09-23T15:00:00Z'), end: new Date('2026-09-26T15:00:00Z') })).toEqual([
      ['2026-09-24', 0],
      ['2026-09-25', 0],
      ['2026-09-26', 0],
    ]);
    // a half day from 14:00 (DE Heiligabend)
    expect(entryDays({ date: '2026-12-24 14:00:00', start: new Date('2026-12-24T13:00:00Z'), end: new Date('2026-12-24T23:00:00Z') })).toEqual([
      ['2026-12-24', 840],
    ]);
    // an Islamic day begins at the previous sunset: civil days from the date
    expect(entryDays({ date: '2026-05-27 00:00:00 -0600', start: new Date('2026-05-26T14:00:00Z'), end: new Date('2026-05-29T14:00:00Z') })).toEqual([
      ['2026-05-27', 0],
      ['2026-05-28', 0],
      ['2026-05-29', 0],
    ]);
    // a three-day holiday across a DST change (71 h) is still three days
    expect(entryDays({ date: '2026-03-28 00:00:00', start: new Date('2026-03-27T23:00:00Z'), end: new Date('2026-03-30T22:00:00Z') })).toHaveLength(3);
    expect(entryDays({ date: 'not a date', start: new Date(0), end: new Date(0) })).toEqual([]);
  });

  it('knows which days off are for one group only', () => {
    expect(isGroupOnly('CN', { note: 'Children below the age of 14', name: '六一儿童节' })).toBe(true);
    expect(isGroupOnly('CN', { name: '国庆节' })).toBe(false);
    expect(isGroupOnly('GT', { name: 'Día del Empleado Bancario' })).toBe(true);
    expect(isGroupOnly('FR', { note: 'Women', name: 'x' })).toBe(false);
  });

  it('names its sources and falls back to date-holidays for years no official calendar covers', () => {
    expect(holidayYear('CN', 2026)!.sources).toEqual(['chinese-days (State Council notice)']);
    expect(holidayYear('KR', 2026)!.sources).toEqual(['@hyunbinseo/holidays-kr (official almanac)']);
    expect(holidayYear('VN', 2026)!.sources).toEqual(['date-holidays', 'official-notices.json']);
    expect(holidayYear('CN', 2031)!.sources).toEqual(['date-holidays']);
    // the fallback still closes every day of National Day and no group-only day
    expect(['2031-10-01', '2031-10-02', '2031-10-03'].every((d) => publicHolidays('CN', 2031)!.has(d))).toBe(true);
    expect(publicHolidays('CN', 2031)!.has('2031-06-01')).toBe(false);
    expect(holidayYear('XX', 2026)).toBeNull();
  });

  it('keeps every notice row well-formed: dates, weekend make-up days, a source', () => {
    const iso = /^\d{4}-\d{2}-\d{2}$/;
    for (const [country, rows] of Object.entries(notices)) {
      if (country.startsWith('$')) continue;
      for (const n of rows as Array<{ holiday: string; notice: string; source: string; closed: string[]; workdays: string[] }>) {
        expect(n.holiday && n.notice, country).toBeTruthy();
        expect(n.source, n.holiday).toMatch(/^https?:\/\/\S+$/);
        expect(n.closed, n.holiday).toHaveLength(2);
        for (const d of [...n.closed, ...n.workdays]) expect(d, n.holiday).toMatch(iso);
        expect(Date.parse(n.closed[0]!) <= Date.parse(n.closed[1]!), n.holiday).toBe(true);
        for (const w of n.workdays) expect(weekdayOf(w), `${n.holiday} ${w}`).toBeGreaterThanOrEqual(6);
      }
    }
    for (const [country, rows] of Object.entries(groupOnly)) {
      if (country.startsWith('$')) continue;
      for (const r of rows as Array<{ note?: string; name?: string; reason: string }>) expect(Boolean(r.reason && (r.note || r.name)), country).toBe(true);
    }
  });

  it('asks date-holidays only about years 1900–2199: a conversation dated 0001 or 9999 is inspected, not hung (date-holidays loops forever on CN year 1)', async () => {
    expect(holidayYear('CN', 2)!.closed.size).toBe(0);
    expect(holidayYear('CN', 1)!.sources).toEqual(['date-holidays']);
    expect(holidayYear('US', 9999)!.closed.size).toBe(0);
    expect(holidayYear('US', 2199)!.closed.size).toBeGreaterThan(5);
    expect(holidayYear('US', 1900)!.closed.size).toBeGreaterThan(3);
    const inspector = createInspector({ analyzers: [timingAnalyzer()] });
    for (const year of ['0001', '0002', '9999']) {
      const r = await inspector.inspect({
        id: `year-${year}`,
        customer: { country: 'CN', timezone: 'Europe/Paris' },
        messages: [
          { role: 'customer', text: '你好，什么时候发货？', at: `${year}-01-01T00:00:00+05:30` },
          { role: 'agent', text: '您好，今天发货。', at: `${year}-01-01T00:20:00Z` },
        ],
      });
      expect(r.status, year).toBe('ok');
      expect(r.metrics['timing.firstResponseSeconds'], year).toBeTypeOf('number');
    }
  });

  it('counts a multi-day holiday that starts in the previous year in the year it reaches', () => {
    // JP 31 Dec 2025 (bank) belongs to 2025; 1–3 Jan 2026 to 2026; none leaks into the other year
    expect(publicHolidays('JP', 2026)!.has('2025-12-31')).toBe(false);
    expect(publicHolidays('JP', 2025)!.has('2025-12-31')).toBe(true);
  });

  it('is fast once a country-year is loaded', () => {
    holidayYear('VN', 2025);
    const t = performance.now();
    for (let i = 0; i < 100_000; i++) dayStatus('VN', '2025-01-27');
    expect(performance.now() - t).toBeLessThan(500);
  });
});
