export type { FormalityChoice } from './address.js';
export { type CompiledConduct, type ConductHit, compileConduct } from './conduct.js';
export {
  CONDUCT_KINDS,
  CONDUCT_LANGUAGES,
  type ConductKind,
  type ConductRule,
  ConductRuleSchema,
  type ConductRules,
  type ConductRulesInput,
  ConductRulesSchema,
  shippedConductRules,
} from './conduct-rules.js';
export { COURTESY_ANALYZER_VERSION, type CourtesyOptions, courtesyAnalyzer } from './courtesy-analyzer.js';
export { type AddressRules, AddressRulesSchema, type PhrasingRule, PhrasingRuleSchema, type PhrasingRules, PhrasingRulesSchema } from './rules.js';
