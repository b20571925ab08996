export { isWorkingTime, type WorkingCalendar, workingSecondsBetween } from './calendar.js';
export { formatDuration, parseDuration } from './duration.js';
export { CLOSING_TYPES, type ClosedDays, type DayStatus, dayStatus, type HolidayYear, holidayYear, publicHolidays } from './holidays.js';
export { DEFAULT_SLA, type ResolvedTimingOptions, resolveTimingOptions, type TimingOptionsInput, TimingOptionsSchema } from './options.js';
export { COUNTRY_TIMEZONES, EUROPE, NORTH_AMERICA, SOUTHEAST_ASIA } from './regions.js';
export { TIMING_ANALYZER_VERSION, timingAnalyzer } from './timing-analyzer.js';
export { isValidTimezone, type LocalDate, localDate, wallTimeToInstant, zoneOffset } from './zone-time.js';
