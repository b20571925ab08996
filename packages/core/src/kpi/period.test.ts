/**
 * Periods of the years 0001–0099: `Date.UTC` reads a year below 100 as 19xx, so those periods
 * came out in the 20th century. The Gregorian calendar repeats every 400 years (146,097 days,
 * exactly 20,871 weeks): a time's period 400 years later is the same period with 400 added to
 * its year, which checks every period of the first century against ones `Date.UTC` gets right.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { utcTime } from '../util/utc.js';
import { periodOf } from './period.js';

const YEARS_400 = 146_097 * 86_400_000;
const shift = (key: string, years: number) => key.replace(/^\d{4}/, (y) => String(Number(y) + years).padStart(4, '0'));

describe('periodOf in the years 0001–0099', () => {
  it('gives the ISO week, month, quarter and day of the year as written (worked by hand: Python date.isocalendar)', () => {
    const t = Date.parse('0026-03-04T12:00:00Z');
    expect(periodOf('week', 'UTC', t)).toEqual({ key: '0026-W10', start: '0026-03-02', days: 7 });
    expect(periodOf('month', 'UTC', t)).toEqual({ key: '0026-03', start: '0026-03-01', days: 31 });
    expect(periodOf('quarter', 'UTC', t)).toEqual({ key: '0026-Q1', start: '0026-01-01', days: 90 });
    expect(periodOf('day', 'Europe/Berlin', t)).toEqual({ key: '0026-03-04', start: '0026-03-04', days: 1 });
    expect(periodOf('week', 'UTC', Date.parse('0001-01-01T00:00:00Z')).key).toBe('0001-W01');
    expect(periodOf('week', 'UTC', Date.parse('0099-12-31T23:00:00Z')).key).toBe('0099-W53');
    expect(periodOf('week', 'UTC', Date.parse('0004-12-28T00:00:00Z')).key).toBe('0004-W53');
    // a leap year (4) and a year that is not one (1900 would have been taken instead of 0100's neighbours)
    expect(periodOf('month', 'UTC', Date.parse('0004-02-10T00:00:00Z')).days).toBe(29);
    expect(periodOf('month', 'UTC', Date.parse('0003-02-10T00:00:00Z')).days).toBe(28);
  });

  it('is the period 400 years later with 400 taken off its year, for any time of the first century, in any zone', () => {
    const first = Date.parse('0001-01-02T00:00:00Z');
    const last = Date.parse('0099-12-30T00:00:00Z');
    fc.assert(
      fc.property(
        fc.integer({ min: first, max: last }),
        fc.constantFrom('week', 'month', 'quarter', 'day') as fc.Arbitrary<'week' | 'month' | 'quarter' | 'day'>,
        fc.constantFrom('UTC', 'Asia/Tokyo', 'America/New_York'),
        (t, period, zone) => {
          const early = periodOf(period, zone, t);
          const later = periodOf(period, zone, t + YEARS_400);
          expect(early.key).toMatch(/^00\d\d-/);
          expect(shift(early.key, 400)).toBe(later.key);
          expect(shift(early.start, 400)).toBe(later.start);
          expect(early.days).toBe(later.days);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('utcTime takes the year as given where Date.UTC does not', () => {
    expect(new Date(utcTime(99, 11, 31)).toISOString()).toBe('0099-12-31T00:00:00.000Z');
    expect(new Date(utcTime(0, 1, 29)).toISOString()).toBe('0000-02-29T00:00:00.000Z');
    expect(new Date(utcTime(26, 0, 32, 25, 61, 61)).toISOString()).toBe('0026-02-02T02:02:01.000Z');
    expect(utcTime(2026, 2, 2, 9, 30)).toBe(Date.UTC(2026, 2, 2, 9, 30));
  });
});
