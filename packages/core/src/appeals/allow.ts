import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { PolicyPack } from '../analyzers/sensitive/policy/schema.js';
import { CxqaError } from '../errors.js';
import type { Lexicon } from '../lexicon/schema.js';
import type { Analyzer, AnalyzerContext } from '../pipeline/analyze/contract.js';
import { FINDING_CODE as CODE, type Finding } from '../pipeline/validate/finding.js';
import { isShipped, markShipped } from '../util/pattern-engine.js';
import { sameConversation } from './conversation-id.js';

/**
 * A finding the inspector drops, for codes no lexicon or policy rule produces (script.*,
 * sentiment.*, timing.*, pii.*, kb.*): by `code` and the finding's span `text` (compared after
 * NFKC, lower case and collapsed whitespace), or by `code` in one conversation (and message):
 * `conversationId` as the conversation has it or as its Result shows it (masked, see
 * `sameConversation`: every conversation whose id masks to it).
 */
export const SuppressEntrySchema = z
  .strictObject({
    code: z.string().regex(CODE, 'a dotted finding code such as "script.missing_greeting"'),
    text: z.string().min(1).optional(),
    conversationId: z.string().min(1).optional(),
    messageIndex: z.number().int().nonnegative().optional(),
    /** Where the entry comes from (the appeal id and reason `cxqa appeals export` writes). */
    note: z.string().optional(),
  })
  .refine((e) => (e.text === undefined) !== (e.conversationId === undefined), { message: 'give either "text" or "conversationId"', path: ['text'] })
  .refine((e) => e.messageIndex === undefined || e.conversationId !== undefined, {
    message: '"messageIndex" goes with "conversationId"',
    path: ['messageIndex'],
  });

/**
 * What accepted appeals teach the rules (the `allow` key of a cxqa config): texts added to a
 * lexicon's allow-list (by lexicon id) or to a policy rule's (by finding code `policy.<rule>`),
 * and findings to suppress for every other code.
 */
export const AllowListSchema = z.strictObject({
  lexicons: z.record(z.string().min(1), z.array(z.string().min(1))).default({}),
  policies: z
    .record(z.string().regex(/^policy\.[a-z0-9_]+$/, 'a policy finding code such as "policy.off_platform_contact"'), z.array(z.string().min(1)))
    .default({}),
  findings: z.array(SuppressEntrySchema).default([]),
});

export type SuppressEntry = z.infer<typeof SuppressEntrySchema>;
export type AllowList = z.output<typeof AllowListSchema>;
export type AllowListInput = z.input<typeof AllowListSchema>;

/**
 * The lexicons with the allow-list's texts added to the `allow` of the lexicon each is keyed by;
 * a changed lexicon's version gets `+allow.<8 hex of its added texts>` (`2.0.0+allow.1a2b3c4d`).
 *
 * @throws CxqaError `invalid_config` naming `allow.lexicons.<id>` when no lexicon has that id.
 */
export function allowInLexicons(lexicons: readonly Lexicon[], allow: AllowList): Lexicon[] {
  for (const id of Object.keys(allow.lexicons))
    if (!lexicons.some((l) => l.id === id))
      throw new CxqaError('invalid_config', `allow.lexicons.${id}: no lexicon "${id}" (lexicons: ${lexicons.map((l) => l.id).join(', ')})`, {
        path: ['allow', 'lexicons', id],
      });
  return lexicons.map((l) => {
    const more = allow.lexicons[l.id];
    if (!more?.length) return l;
    // another version: compiled lexicons are cached by id@version, and rule ids show the lexicon was changed
    const tag = createHash('sha256').update(more.join('\u0000')).digest('hex').slice(0, 8);
    return { ...l, version: `${l.version}+allow.${tag}`, allow: [...l.allow, ...more] };
  });
}

/**
 * The policy packs with the allow-list's texts added to the `allow` of every rule its code names
 * (`policy.off_platform_contact` → rule `off_platform_contact` in each pack that has it).
 *
 * @throws CxqaError `invalid_config` naming `allow.policies.<code>` when no pack has that rule.
 */
export function allowInPolicyPacks(packs: readonly PolicyPack[], allow: AllowList): PolicyPack[] {
  const byRule = new Map(Object.entries(allow.policies).map(([code, texts]) => [code.slice('policy.'.length), texts]));
  for (const [rule, _] of byRule)
    if (!packs.some((p) => p.rules.some((r) => r.id === rule)))
      throw new CxqaError('invalid_config', `allow.policies.policy.${rule}: no policy rule "${rule}" in the packs`, {
        path: ['allow', 'policies', `policy.${rule}`],
      });
  return packs.map((p) => {
    if (!p.rules.some((r) => byRule.get(r.id)?.length)) return p;
    const pack = { ...p, rules: p.rules.map((r) => (byRule.get(r.id)?.length ? { ...r, allow: [...r.allow, ...byRule.get(r.id)!] } : r)) };
    // still the shipped pack (its patterns keep the engine they were checked for)
    return isShipped(p) ? markShipped(pack) : pack;
  });
}

/** NFKC, lower case, whitespace collapsed: how suppression texts are compared. */
export const suppressionText = (s: string): string => s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

function suppressed(f: Finding, entries: readonly SuppressEntry[], ctx: AnalyzerContext): boolean {
  return entries.some((e) => {
    if (e.code !== f.code) return false;
    if (e.conversationId !== undefined)
      return sameConversation(ctx.conversation.id, e.conversationId) && (e.messageIndex === undefined || e.messageIndex === f.messageIndex);
    const m = f.messageIndex === undefined ? undefined : ctx.messages[f.messageIndex];
    return !!m && !!f.span && suppressionText(m.text.slice(f.span.start, f.span.end)) === suppressionText(e.text!);
  });
}

/**
 * The analyzer with the findings `entries` name dropped from its output (scores and metrics
 * untouched). The name and version stay the analyzer's.
 *
 * @example
 * const script = suppressFindings(scriptAnalyzer(), [{ code: 'script.missing_greeting', conversationId: 'c-17' }]);
 */
export function suppressFindings(analyzer: Analyzer, entries: readonly SuppressEntry[]): Analyzer {
  if (entries.length === 0) return analyzer;
  return {
    name: analyzer.name,
    version: analyzer.version,
    async analyze(ctx) {
      const out = await analyzer.analyze(ctx);
      return { ...out, findings: out.findings.filter((f) => !suppressed(f, entries, ctx)) };
    },
  };
}
