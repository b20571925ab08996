export { KB_ANALYZER_VERSION, type KbOptions, kbAnalyzer } from './kb-analyzer.js';
