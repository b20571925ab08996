export { PolicyPackSchema, PolicyRuleSchema, type PolicyPack, type PolicyPackInput, type PolicyRule } from './schema.js';
export { compilePolicy, type CompiledPolicy, type PolicyHit } from './engine.js';
export { builtinPolicyPacks, definePolicyPack, BUILTIN_POLICY_PACKS } from './builtin.js';
export { findUrls, hostAllowed, type FoundUrl } from './urls.js';
