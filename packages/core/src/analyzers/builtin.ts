import type { Analyzer } from '../pipeline/analyze/contract.js';
import { type CourtesyOptions, courtesyAnalyzer } from './courtesy/index.js';
import { type ScriptOptions, scriptAnalyzer } from './script/index.js';
import { type SensitiveOptions, sensitiveAnalyzer } from './sensitive/index.js';
import { type SentimentOptions, sentimentAnalyzer } from './sentiment/index.js';
import { type TimingOptionsInput, timingAnalyzer } from './timing/index.js';

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
  return [
    timingAnalyzer(options.timing),
    sensitiveAnalyzer(options.sensitive),
    sentimentAnalyzer(options.sentiment),
    courtesyAnalyzer(options.courtesy),
    scriptAnalyzer(options.script),
  ];
}
