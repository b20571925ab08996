export { timingAnalyzer, TIMING_ANALYZER_VERSION } from './timing-analyzer.js';
export { DEFAULT_SLA, resolveTimingOptions, TimingOptionsSchema, type TimingOptionsInput, type ResolvedTimingOptions } from './options.js';
export { workingSecondsBetween, isWorkingTime, type WorkingCalendar } from './calendar.js';
export { parseDuration, formatDuration } from './duration.js';
export { COUNTRY_TIMEZONES, NORTH_AMERICA, EUROPE, SOUTHEAST_ASIA } from './regions.js';
export { publicHolidays, holidayYear, dayStatus, CLOSING_TYPES, type HolidayYear, type DayStatus, type ClosedDays } from './holidays.js';
export { isValidTimezone, zoneOffset, localDate, wallTimeToInstant, type LocalDate } from './zone-time.js';
