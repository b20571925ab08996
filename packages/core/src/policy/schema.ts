import { z } from 'zod';
import { SeveritySchema } from '../schemas/finding.js';

export const PolicyRuleSchema = z.object({
  /** Becomes the finding code `policy.<id>`; a platform pack's rule replaces the generic rule of the same id. */
  id: z.string().regex(/^[a-z0-9_]+$/),
  severity: SeveritySchema,
  /** Why the rule exists: quoted in every finding. */
  why: z.string(),
  suggestion: z.string().optional(),
  /** `terms` (default) or `url` (links whose host is not in allowDomains). */
  kind: z.enum(['terms', 'url']).default('terms'),
  /** Any one of these fires the rule (obfuscation-proof through the matcher). */
  terms: z.array(z.string().min(1)).default([]),
  /** A term from every group, each within `within` characters of the previous group's hit. */
  phrases: z.array(z.object({ all: z.array(z.array(z.string().min(1)).min(1)).min(2), within: z.number().int().positive().default(40) })).default([]),
  allowDomains: z.array(z.string()).default([]),
  /** Platforms where this rule does not apply (e.g. the seller's own shop or WhatsApp for off-platform rules). */
  exceptPlatforms: z.array(z.string()).default([]),
  /** Roles whose messages the rule judges (default: agent and bot). */
  roles: z.array(z.enum(['customer', 'agent', 'bot', 'system'])).default(['agent', 'bot']),
});

export const PolicyPackSchema = z.object({
  id: z.string(),
  version: z.string(),
  /** Platforms the pack applies to (`conversation.platform`, lower case); `*` = all. */
  platforms: z.array(z.string()).min(1),
  description: z.string().optional(),
  rules: z.array(PolicyRuleSchema),
});

export type PolicyRule = z.output<typeof PolicyRuleSchema>;
export type PolicyPack = z.output<typeof PolicyPackSchema>;
export type PolicyPackInput = z.input<typeof PolicyPackSchema>;
