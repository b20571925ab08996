import { createMatcher, type Matcher, type MatchTerm } from '../matcher/matcher.js';
import { findPhrase } from '../matcher/phrases.js';
import type { TextView } from '../normalize/text-view.js';
import type { Role } from '../schemas/conversation.js';
import type { PolicyPack, PolicyRule } from './schema.js';
import { findUrls, hostAllowed } from './urls.js';

export interface PolicyHit {
  rule: PolicyRule;
  pack: string;
  start: number;
  end: number;
  matched: string;
  /** The terms (or link) that made the rule fire. */
  evidence: string[];
  obfuscated: boolean;
}

export interface CompiledPolicy {
  readonly version: string;
  /** Rules judged on a message from `role` of a conversation on `platform`. */
  evaluate(view: TextView, role: Role, platform: string | undefined): PolicyHit[];
}

interface RuleSet {
  rules: { rule: PolicyRule; pack: string }[];
  matcher: Matcher;
}

/**
 * Compile policy packs: generic packs (`*`) apply everywhere, a platform pack's rules replace
 * generic rules with the same id. One matcher per platform, built on first use.
 *
 * @example
 * const policy = compilePolicy(builtinPolicyPacks());
 * policy.evaluate(normalizeText('add me on w.e.c.h.a.t'), 'agent', 'amazon')[0].rule.id; // 'off_platform_contact'
 */
export function compilePolicy(packs: readonly PolicyPack[]): CompiledPolicy {
  const version = packs.map((p) => `${p.id}@${p.version}`).join('+');
  const perPlatform = new Map<string, RuleSet>();
  const ruleSet = (platform: string): RuleSet => {
    let set = perPlatform.get(platform);
    if (set) return set;
    const byId = new Map<string, { rule: PolicyRule; pack: string }>();
    for (const pack of packs.filter((p) => p.platforms.includes('*'))) for (const rule of pack.rules) byId.set(rule.id, { rule, pack: pack.id });
    for (const pack of packs.filter((p) => !p.platforms.includes('*') && p.platforms.includes(platform))) for (const rule of pack.rules) byId.set(rule.id, { rule, pack: pack.id });
    const rules = [...byId.values()];
    const terms: MatchTerm[] = [];
    rules.forEach(({ rule }, r) => {
      rule.terms.forEach((t, k) => terms.push({ id: `${r}|t|${k}`, text: t, category: rule.id, severity: rule.severity }));
      rule.phrases.forEach((ph, p) => ph.all.forEach((group, g) => group.forEach((t, k) => terms.push({ id: `${r}|p${p}|${g}|${k}`, text: t, category: rule.id, severity: rule.severity }))));
    });
    set = { rules, matcher: createMatcher(terms) };
    perPlatform.set(platform, set);
    return set;
  };

  return {
    version,
    evaluate(view, role, platform) {
      const { rules, matcher } = ruleSet((platform ?? '').toLowerCase());
      const hits: PolicyHit[] = [];
      const matches = matcher.match(view);
      const text = view.original;
      rules.forEach(({ rule, pack }, r) => {
        if (!rule.roles.includes(role) || (platform && rule.exceptPlatforms.includes(platform.toLowerCase()))) return;
        if (rule.kind === 'url') {
          for (const u of findUrls(view.original)) {
            if (!hostAllowed(u.host, rule.allowDomains)) hits.push({ rule, pack, start: u.start, end: u.end, matched: u.url, evidence: [u.host], obfuscated: false });
          }
          return;
        }
        for (const m of matches) {
          if (m.term.id.startsWith(`${r}|t|`)) hits.push({ rule, pack, start: m.start, end: m.end, matched: m.matched, evidence: [m.term.text], obfuscated: m.obfuscated });
        }
        rule.phrases.forEach((ph, p) => {
          const groups = ph.all.map((_, g) => matches.filter((m) => m.term.id.startsWith(`${r}|p${p}|${g}|`)));
          const found = findPhrase(text, { groups, within: ph.within });
          if (!found || hits.some((h) => h.rule === rule && h.start <= found.start && found.end <= h.end)) return;
          hits.push({ rule, pack, start: found.start, end: found.end, matched: text.slice(found.start, found.end), evidence: found.chain.map((c) => c.term.text), obfuscated: found.chain.some((c) => c.obfuscated) });
        });
      });
      return hits.sort((a, b) => a.start - b.start);
    },
  };
}

