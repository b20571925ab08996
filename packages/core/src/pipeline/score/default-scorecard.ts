import { type Scorecard, ScorecardSchema } from '../validate/scorecard.js';

/**
 * The scorecard used when none is given (see docs/scorecards.md for why each weight is what it
 * is and the agreement with customer satisfaction it reaches). Dimensions without an analyzer
 * that judged them are N/A and their weight is shared among the others.
 *
 * - conduct: the agent's behaviour toward the customer; critical misconduct fails the conversation
 * - outcome: how the customer ends (resolved, unresolved, dissatisfied) and their mood on the way
 * - timeliness, compliance, courtesy and script, accuracy against the knowledge base
 */
export const DEFAULT_SCORECARD: Scorecard = ScorecardSchema.parse({
  name: 'cxqa-default',
  version: '2.2.0',
  passThreshold: 65,
  deductions: { info: 0, minor: 5, major: 15, critical: 40 },
  dimensions: [
    {
      name: 'conduct',
      label: 'Agent conduct',
      weight: 20,
      findings: ['politeness.*', 'culture.informal_address', 'culture.formal_address'],
      deductions: { info: 0, minor: 10, major: 30, critical: 60 },
    },
    { name: 'outcome', label: 'Customer outcome', weight: 35, findings: ['sentiment.*'], deductions: { info: 0, minor: 0, major: 0, critical: 0 } },
    { name: 'timeliness', label: 'Response timeliness', weight: 20, findings: ['timing.*'], deductions: { info: 0, minor: 10, major: 25, critical: 50 } },
    { name: 'compliance', label: 'Compliance and privacy', weight: 15, findings: ['sensitive.*', 'pii.*', 'policy.*'] },
    { name: 'courtesy', label: 'Courtesy and script', weight: 5, findings: ['culture.calque', 'culture.mt_artefact', 'script.*'] },
    { name: 'accuracy', label: 'Answer accuracy', weight: 5, findings: ['kb.*'] },
  ],
  // auto-fail (score 0) is kept for codes measured at ≥ 0.95 precision on real conversations; no
  // critical code fires often enough there to be measured, so critical findings fail (failOn) and keep their score
  autoFail: [],
  failOn: [
    { code: 'pii.*', minSeverity: 'critical', reason: 'the agent exposed personal data' },
    { code: 'policy.*', minSeverity: 'critical', reason: 'a marketplace policy violation can cost the account' },
    { code: 'sensitive.*', minSeverity: 'critical', reason: 'hate, slurs or threats from the agent' },
    { code: 'politeness.*', minSeverity: 'critical', reason: 'misconduct toward the customer' },
    { code: 'sensitive.*', minSeverity: 'major', reason: 'the agent used offensive language' },
    { code: 'culture.informal_address', minSeverity: 'major', reason: 'the wrong form of address for this customer' },
  ],
  review: [
    { metric: 'sentiment.outcome', equals: ['dissatisfied'], reason: 'customer_dissatisfied' },
    // the customer's last message reads neutral (mood score within ±0.3: a question, a request, no cue) but the
    // polarity model leans negative (≤ −0.2, so a mood score ≤ −0.06): not dissatisfied, not content either (decision 92)
    { metric: 'sentiment.customerEnd', atLeast: -0.3, atMost: -0.06, reason: 'customer_ends_uneasy' },
    { code: 'sentiment.escalation_risk', reason: 'escalation_threat' },
    { code: 'politeness.*', minSeverity: 'critical', reason: 'agent_misconduct' },
    // the customer objected to the agent's tone: a human looks, whoever was at fault (decision 161)
    { code: 'politeness.tone_objected', reason: 'customer_objected_to_tone' },
    // an agent reply the conduct model reads as misconduct that no rule flagged (info, decision 210)
    { code: 'politeness.possible_misconduct', reason: 'possible_agent_misconduct' },
    { code: 'culture.informal_address', minSeverity: 'major', reason: 'agent_misconduct' },
    { code: 'sensitive.*', minSeverity: 'major', reason: 'agent_misconduct' },
    { code: 'pii.*', minSeverity: 'critical', reason: 'privacy' },
    { code: 'policy.*', minSeverity: 'critical', reason: 'marketplace_policy' },
  ],
});
