import type { Analyzer } from '../analyzer/contract.js';
import { courtesyAnalyzer, type CourtesyOptions } from './courtesy/index.js';
import { scriptAnalyzer, type ScriptOptions } from './script/index.js';
import { sensitiveAnalyzer, type SensitiveOptions } from './sensitive/index.js';
import { sentimentAnalyzer, type SentimentOptions } from './sentiment/index.js';
import { timingAnalyzer, type TimingOptionsInput } from './timing/index.js';

/** Options for the built-in analyzers, keyed by analyzer name. */
export interface BuiltinAnalyzerOptions {
  timing?: TimingOptionsInput;
  sensitive?: SensitiveOptions;
  sentiment?: SentimentOptions;
  courtesy?: CourtesyOptions;
  script?: ScriptOptions;
}

/**
 * Every built-in offline analyzer, configured. This is what `createInspector()` runs by default.
 *
 * @example
 * const analyzers = builtinAnalyzers({ timing: { holidays: false } });
 */
export function builtinAnalyzers(options: BuiltinAnalyzerOptions = {}): Analyzer[] {
  return [timingAnalyzer(options.timing), sensitiveAnalyzer(options.sensitive), sentimentAnalyzer(options.sentiment), courtesyAnalyzer(options.courtesy), scriptAnalyzer(options.script)];
}
