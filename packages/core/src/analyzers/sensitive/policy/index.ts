export { BUILTIN_POLICY_PACKS, builtinPolicyPacks, definePolicyPack } from './builtin.js';
export { type CompiledPolicy, compilePolicy, type PolicyHit } from './engine.js';
export {
  type PolicyPack,
  type PolicyPackInput,
  PolicyPackSchema,
  type PolicyPhrase,
  type PolicyPhraseGroup,
  PolicyPhraseSchema,
  type PolicyRule,
  PolicyRuleSchema,
} from './schema.js';
export { type FoundUrl, findUrls, hostAllowed } from './urls.js';
