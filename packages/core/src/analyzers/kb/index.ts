export { kbAnalyzer, KB_ANALYZER_VERSION, type KbOptions } from './kb-analyzer.js';
