import type { WorkingCalendar } from '@cxqa/core';
import { formatDuration, isWorkingTime, parseDuration, workingSecondsBetween } from '@cxqa/core/timing';
import { describe, expect, it } from 'vitest';

const ms = (iso: string) => Date.parse(iso);
const berlin: WorkingCalendar = { timezone: 'Europe/Berlin', days: [1, 2, 3, 4, 5], start: '09:00', end: '18:00', holidayCountry: 'DE' };

describe('workingSecondsBetween', () => {
  it('counts only the business-hour part of an interval', () => {
    // Tue 17:00 → Wed 10:00 Berlin: 1 h on Tuesday + 1 h on Wednesday
    expect(workingSecondsBetween(berlin, ms('2026-03-03T17:00:00+01:00'), ms('2026-03-04T10:00:00+01:00'))).toBe(7200);
  });

  it('skips weekends', () => {
    // Fri 17:00 → Mon 10:00: 1 h + 1 h
    expect(workingSecondsBetween(berlin, ms('2026-03-06T17:00:00+01:00'), ms('2026-03-09T10:00:00+01:00'))).toBe(7200);
  });

  it('skips public holidays of the country and ends the day where a half-day holiday starts', () => {
    // Wed 23 Dec 17:00 → Mon 28 Dec 10:00: Wed 1 h + Thu 24 Dec 09:00–14:00 (Heiligabend, bank
    // holiday from 14:00) 5 h + Fri 25 Dec closed + Mon 1 h
    expect(workingSecondsBetween(berlin, ms('2026-12-23T17:00:00+01:00'), ms('2026-12-28T10:00:00+01:00'))).toBe(7 * 3600);
    const noHolidays = { ...berlin, holidayCountry: undefined };
    expect(workingSecondsBetween(noHolidays, ms('2026-12-23T17:00:00+01:00'), ms('2026-12-28T10:00:00+01:00'))).toBe(20 * 3600);
    expect(isWorkingTime(berlin, ms('2026-12-24T13:59:00+01:00'))).toBe(true);
    expect(isWorkingTime(berlin, ms('2026-12-24T14:00:00+01:00'))).toBe(false);
  });

  it('uses real offsets across a daylight-saving change', () => {
    // Fri 27 Mar 17:00 CET → Mon 30 Mar 10:00 CEST. Wall clock: 65 h − 1 h lost = 64 h.
    const from = ms('2026-03-27T17:00:00+01:00');
    const to = ms('2026-03-30T10:00:00+02:00');
    expect((to - from) / 3600_000).toBe(64);
    expect(workingSecondsBetween(berlin, from, to)).toBe(7200);
    // An always-open calendar counts the wall-clock hours
    const always: WorkingCalendar = { timezone: 'Europe/Berlin', days: [1, 2, 3, 4, 5, 6, 7], start: '00:00', end: '00:00' };
    expect(workingSecondsBetween(always, from, to)).toBe(64 * 3600);
  });

  it('handles windows that run past midnight (night shift)', () => {
    const night: WorkingCalendar = { timezone: 'Asia/Shanghai', days: [1, 2, 3, 4, 5], start: '22:00', end: '06:00' };
    // Mon 23:00 → Tue 07:00 Shanghai: 23:00–06:00 = 7 h
    expect(workingSecondsBetween(night, ms('2026-03-02T23:00:00+08:00'), ms('2026-03-03T07:00:00+08:00'))).toBe(7 * 3600);
    expect(isWorkingTime(night, ms('2026-03-03T02:00:00+08:00'))).toBe(true);
    expect(isWorkingTime(night, ms('2026-03-03T12:00:00+08:00'))).toBe(false);
  });

  it('returns 0 for empty or reversed intervals and null for implausibly long ones', () => {
    expect(workingSecondsBetween(berlin, 10, 10)).toBe(0);
    expect(workingSecondsBetween(berlin, 10, 5)).toBe(0);
    expect(workingSecondsBetween(berlin, ms('2020-01-01T00:00:00Z'), ms('2026-01-01T00:00:00Z'))).toBeNull();
  });
});

describe('durations', () => {
  it('parses configuration durations', () => {
    expect(parseDuration('5m')).toBe(300);
    expect(parseDuration('1h30m')).toBe(5400);
    expect(parseDuration('2d')).toBe(172800);
    expect(parseDuration(90)).toBe(90);
    expect(parseDuration('soon')).toBeNull();
    expect(parseDuration('5m later')).toBeNull();
  });

  it('formats durations for explanations', () => {
    expect(formatDuration(45)).toBe('45 s');
    expect(formatDuration(250)).toBe('4 min 10 s');
    expect(formatDuration(3 * 3600 + 12 * 60)).toBe('3 h 12 min');
    expect(formatDuration(2 * 3600 + 5 * 60)).toBe('2 h 05 min');
    expect(formatDuration(4 * 3600)).toBe('4 h');
    expect(formatDuration(2 * 86400 + 3 * 3600)).toBe('2 d 3 h');
  });
});

describe('zone arithmetic', () => {
  it('maps wall times to instants around daylight-saving changes', async () => {
    const { wallTimeToInstant, localDate, zoneOffset } = await import('@cxqa/core/timing');
    const spring = localDate('Europe/Berlin', Date.parse('2026-03-29T12:00:00Z'));
    expect(spring).toMatchObject({ iso: '2026-03-29', weekday: 7 });
    expect(new Date(wallTimeToInstant('Europe/Berlin', spring, 1, 30)).toISOString()).toBe('2026-03-29T00:30:00.000Z');
    // 02:30 does not exist that night: the instant just after the jump (03:30 CEST)
    expect(new Date(wallTimeToInstant('Europe/Berlin', spring, 2, 30)).toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(new Date(wallTimeToInstant('Europe/Berlin', spring, 9, 0)).toISOString()).toBe('2026-03-29T07:00:00.000Z');
    const autumn = localDate('Europe/Berlin', Date.parse('2026-10-25T12:00:00Z'));
    // 02:30 happens twice: the first occurrence (CEST)
    expect(new Date(wallTimeToInstant('Europe/Berlin', autumn, 2, 30)).toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(zoneOffset('Asia/Kolkata', Date.parse('2026-06-01T00:00:00Z'))).toBe(5.5 * 3600_000);
    expect(zoneOffset('America/St_Johns', Date.parse('2026-01-15T00:00:00Z'))).toBe(-3.5 * 3600_000);
  });
});
