export { courtesyAnalyzer, COURTESY_ANALYZER_VERSION, type CourtesyOptions } from './courtesy-analyzer.js';
export { AddressRulesSchema, PhrasingRuleSchema, PhrasingRulesSchema, type AddressRules, type PhrasingRule, type PhrasingRules } from './rules.js';
export type { FormalityChoice } from './address.js';
