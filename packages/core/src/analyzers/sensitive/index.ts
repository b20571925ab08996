export { sensitiveAnalyzer, SENSITIVE_ANALYZER_VERSION, type SensitiveOptions } from './sensitive-analyzer.js';
export { judgePii, MARKETPLACES } from './pii-severity.js';
