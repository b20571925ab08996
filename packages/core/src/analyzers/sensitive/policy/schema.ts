import { z } from 'zod';
import { SeveritySchema } from '../../../pipeline/validate/finding.js';
import { RegexSource } from '../../../util/regex-source.js';

/**
 * One part of a phrase rule: a list of terms (any one of them, through the obfuscation-proof
 * matcher) or `{ pattern }`, a regex matched on the message's normalized view (NFKC, lower case,
 * whitespace collapsed), for what terms cannot list (a handle, an account number, a link).
 */
export const PolicyPhraseGroupSchema = z.union([z.array(z.string().min(1)).min(1), z.object({ pattern: RegexSource })]);

/**
 * A term from every group in one sentence (ICU sentence boundaries: "$4.99" and "shop.com" do not
 * end one), each within `within` characters of the previous group's hit.
 */
export const PolicyPhraseSchema = z.object({
  all: z.array(PolicyPhraseGroupSchema).min(2),
  within: z.number().int().positive().default(40),
  /** The groups appear left to right (default: any order). */
  ordered: z.boolean().default(false),
  /** No clause break (`,` `;` `:` `，` `；` `、`, "but", 但, でも …) between the parts (default false). */
  clause: z.boolean().default(false),
  /** Negation cues for this phrase only, added to the rule's `unless`. */
  unless: z.array(z.string().min(1)).default([]),
  note: z.string().optional(),
});

export const PolicyRuleSchema = z.object({
  /** Becomes the finding code `policy.<id>`; a platform pack's rule replaces the generic rule of the same id. */
  id: z.string().regex(/^[a-z0-9_]+$/),
  severity: SeveritySchema,
  /** Why the rule exists: quoted in every finding. */
  why: z.string(),
  suggestion: z.string().optional(),
  /** `terms` (default) or `url` (links whose host is not in allowDomains). */
  kind: z.enum(['terms', 'url']).default('terms'),
  /**
   * Any one of these fires the rule (obfuscation-proof through the matcher). Only for words that
   * are the act themselves (好评返现, "whatsapp me"): a name alone is a mention, not an act.
   * Terms in Han, kana or Hangul match as substrings (ICU's word segmentation splits 微信号 as
   * 微|信号); `allow` removes the compounds that are other words.
   */
  terms: z.array(z.string().min(1)).default([]),
  /** A term from every group, each within `within` characters of the previous group's hit. */
  phrases: z.array(PolicyPhraseSchema).default([]),
  /** Regexes on the normalized view; any match fires the rule (e.g. `wa.me/…` links). */
  patterns: z.array(RegexSource).default([]),
  /**
   * Negation cues: a hit is dropped when one ends at most `unlessWithin` characters before it, in
   * the same clause ("we never ask you to pay outside Amazon", 请勿加微信).
   */
  unless: z.array(z.string().min(1)).default([]),
  /** Negation cues that follow the act (Japanese, Korean): a hit is dropped when one starts within 6 characters after it (LINEで連絡しないで). */
  unlessAfter: z.array(z.string().min(1)).default([]),
  /** How far before a hit a negation cue may end (characters, default 30). */
  unlessWithin: z.number().int().positive().default(30),
  /** Innocent compounds (微信公众号, "WeChat Pay", 参加): a term hit overlapping one of them is ignored. */
  allow: z.array(z.string().min(1)).default([]),
  allowDomains: z.array(z.string()).default([]),
  /** Platforms where this rule does not apply (e.g. the seller's own shop or WhatsApp for off-platform rules). */
  exceptPlatforms: z.array(z.string()).default([]),
  /** Roles whose messages the rule judges (default: agent and bot). */
  roles: z.array(z.enum(['customer', 'agent', 'bot', 'system'])).default(['agent', 'bot']),
  /** For maintainers: what act the rule fires on and what it leaves alone. */
  note: z.string().optional(),
});

export const PolicyPackSchema = z.object({
  id: z.string(),
  version: z.string(),
  /** Platforms the pack applies to (`conversation.platform`, lower case); `*` = all. */
  platforms: z.array(z.string()).min(1),
  description: z.string().optional(),
  rules: z.array(PolicyRuleSchema),
});

export type PolicyPhrase = z.output<typeof PolicyPhraseSchema>;
export type PolicyPhraseGroup = z.output<typeof PolicyPhraseGroupSchema>;
export type PolicyRule = z.output<typeof PolicyRuleSchema>;
export type PolicyPack = z.output<typeof PolicyPackSchema>;
export type PolicyPackInput = z.input<typeof PolicyPackSchema>;
