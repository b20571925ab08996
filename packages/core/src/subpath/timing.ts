/** `@cxqa/core/timing`: working time, time zones, holidays, SLA options and durations behind the timing analyzer. */
export * from '../analyzers/timing/index.js';
export { isRealDay, utcTime } from '../util/utc.js';
