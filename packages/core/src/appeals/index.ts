export * from './allow.js';
export * from './apply.js';
export * from './export.js';
export * from './journal.js';
export * from './log.js';
export * from './report.js';
export * from './schema.js';
