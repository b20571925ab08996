export { PolicyPackSchema, PolicyRuleSchema, PolicyPhraseSchema, type PolicyPack, type PolicyPackInput, type PolicyRule, type PolicyPhrase, type PolicyPhraseGroup } from './schema.js';
export { compilePolicy, type CompiledPolicy, type PolicyHit } from './engine.js';
export { builtinPolicyPacks, definePolicyPack, BUILTIN_POLICY_PACKS } from './builtin.js';
export { findUrls, hostAllowed, type FoundUrl } from './urls.js';
