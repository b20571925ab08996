import { ScorecardSchema, type Scorecard } from '../schemas/scorecard.js';

/**
 * The scorecard used when none is given. Dimensions without an analyzer that judged them
 * are N/A and their weight is shared among the others.
 */
export const DEFAULT_SCORECARD: Scorecard = ScorecardSchema.parse({
  name: 'cxqa-default',
  version: '1.0.0',
  passThreshold: 80,
  deductions: { info: 0, minor: 5, major: 15, critical: 40 },
  dimensions: [
    { name: 'timeliness', label: 'Response timeliness', weight: 30, findings: ['timing.*'], deductions: { info: 0, minor: 10, major: 25, critical: 50 } },
    { name: 'compliance', label: 'Compliance and privacy', weight: 25, findings: ['sensitive.*', 'pii.*', 'policy.*'] },
    { name: 'courtesy', label: 'Courtesy and script', weight: 20, findings: ['politeness.*', 'culture.*', 'script.*'] },
    { name: 'sentiment', label: 'Customer sentiment', weight: 15, findings: ['sentiment.*'] },
    { name: 'accuracy', label: 'Answer accuracy', weight: 10, findings: ['kb.*'] },
  ],
  autoFail: [
    { code: 'pii.*', minSeverity: 'critical', reason: 'the agent exposed personal data' },
    { code: 'policy.*', minSeverity: 'critical', reason: 'a marketplace policy violation can cost the account' },
    { code: 'sensitive.*', minSeverity: 'critical' },
  ],
});
