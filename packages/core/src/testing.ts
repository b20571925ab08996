/** Test helpers for analyzer authors: `import { checkAnalyzerConformance } from '@cxqa/core/testing'`. */
export { buildAnalyzerContext, checkAnalyzerConformance } from './conformance/check.js';
export { conformanceSamples } from './conformance/samples.js';
export { checkOutput as checkAnalyzerOutput } from './pipeline/analyze/run-analyzer.js';
