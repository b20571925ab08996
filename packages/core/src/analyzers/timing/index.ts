export { timingAnalyzer, TIMING_ANALYZER_VERSION } from './timing-analyzer.js';
export { DEFAULT_SLA, resolveTimingOptions, TimingOptionsSchema, type TimingOptionsInput, type ResolvedTimingOptions } from './options.js';
export { workingSecondsBetween, isWorkingTime, type WorkingCalendar } from './calendar.js';
export { parseDuration, formatDuration } from './duration.js';
export { COUNTRY_TIMEZONES, NORTH_AMERICA, EUROPE, SOUTHEAST_ASIA } from './regions.js';
export { publicHolidays } from './holidays.js';
export { isValidTimezone, zoneOffset, localDate, wallTimeToInstant, type LocalDate } from './zone-time.js';
