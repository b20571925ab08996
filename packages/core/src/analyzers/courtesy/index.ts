export { courtesyAnalyzer, COURTESY_ANALYZER_VERSION, type CourtesyOptions } from './courtesy-analyzer.js';
export { AddressRulesSchema, PhrasingRuleSchema, PhrasingRulesSchema, type AddressRules, type PhrasingRule, type PhrasingRules } from './rules.js';
export type { FormalityChoice } from './address.js';
export { compileConduct, type CompiledConduct, type ConductHit } from './conduct.js';
export { CONDUCT_KINDS, CONDUCT_LANGUAGES, ConductRuleSchema, ConductRulesSchema, shippedConductRules, type ConductKind, type ConductRule, type ConductRules, type ConductRulesInput } from './conduct-rules.js';
