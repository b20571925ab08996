import { readFileSync } from 'node:fs';
import { CxqaError, describeZodIssues } from '../../../errors.js';
import { corePackageFile } from '../../../util/package-file.js';
import { markShipped, parsingUserData } from '../../../util/pattern-engine.js';
import { type PolicyPack, type PolicyPackInput, PolicyPackSchema } from './schema.js';

/** Marketplace rule packs shipped in `@cxqa/core/policies/`. */
export const BUILTIN_POLICY_PACKS = ['generic', 'amazon', 'ebay', 'aliexpress', 'shopee'] as const;

let loaded: PolicyPack[] | undefined;

/**
 * Validate a policy pack given in code or read from JSON.
 *
 * @example
 * const mine = definePolicyPack({ id: 'acme', version: '1', platforms: ['*'], rules: [{ id: 'no_competitors', severity: 'minor', why: 'brand rule', terms: ['globex'] }] });
 */
export function definePolicyPack(input: PolicyPackInput): PolicyPack {
  // a brand's pack: its patterns must compile on RE2 (see util/pattern-engine.ts)
  return parsingUserData(() => parsePack(input));
}

function parsePack(input: PolicyPackInput): PolicyPack {
  const parsed = PolicyPackSchema.safeParse(input);
  if (!parsed.success) {
    const { issues, summary } = describeZodIssues(parsed.error);
    throw new CxqaError('invalid_option', `policy pack ${String((input as { id?: unknown })?.id ?? '')}: ${summary}`, { issues });
  }
  return parsed.data;
}

/**
 * The shipped packs: generic (every platform) plus amazon, ebay, aliexpress and shopee.
 *
 * @example
 * const policy = compilePolicy(builtinPolicyPacks());
 */
export function builtinPolicyPacks(): PolicyPack[] {
  if (loaded) return loaded;
  loaded = BUILTIN_POLICY_PACKS.map((name) => {
    const path = corePackageFile(`policies/${name}.json`);
    return markShipped(parsePack(JSON.parse(readFileSync(path, 'utf8')) as PolicyPackInput));
  });
  return loaded;
}
