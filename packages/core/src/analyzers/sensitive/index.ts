export { judgePii, MARKETPLACES } from './pii-severity.js';
export { SENSITIVE_ANALYZER_VERSION, type SensitiveOptions, sensitiveAnalyzer } from './sensitive-analyzer.js';
