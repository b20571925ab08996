import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { CxqaError, describeZodIssues } from '../../errors.js';
import { SeveritySchema } from '../../pipeline/validate/finding.js';
import { corePackageFile } from '../../util/package-file.js';
import { markShipped, parsingUserData } from '../../util/pattern-engine.js';
import { RegexSource } from '../../util/regex-source.js';

export const PhrasingRuleSchema = z.object({
  id: z.string().min(1),
  code: z.string().regex(/^(?:politeness|culture)\.[a-z_]+$/),
  severity: SeveritySchema,
  /** Message languages (ISO 639-1, `und`, or `*` for all). */
  languages: z.array(z.string()).min(1),
  /** Customer countries the rule applies to; omitted = all. */
  markets: z.array(z.string().length(2)).optional(),
  /** JavaScript regex source, matched case-insensitively. */
  pattern: RegexSource,
  /** The whole message must match. */
  whole: z.boolean().optional(),
  /** Only after the customer complained. */
  afterComplaint: z.boolean().optional(),
  why: z.string().min(1),
  suggestion: z.string().min(1),
});
export const PhrasingRulesSchema = z.object({ version: z.string(), about: z.string().optional(), rules: z.array(PhrasingRuleSchema) });

export const Formality = z.enum(['formal', 'informal', 'any']);
export const AddressRulesSchema = z.object({
  version: z.string(),
  about: z.string().optional(),
  /** Expected form of address per language when the brand says nothing. */
  defaults: z.record(z.string(), Formality),
  /**
   * Customer country → the language whose address rules apply; a country with several (CH, BE,
   * CA) lists them, the first applying unless the customer writes in another of them.
   */
  markets: z.record(z.string(), z.union([z.string(), z.array(z.string()).min(1)])),
  /** Customer country → expected form of address in that market, over `defaults` (Portugal: formal, Brazil: any). */
  marketDefaults: z.record(z.string(), Formality).optional(),
  languages: z.record(
    z.string(),
    z.object({
      informal: RegexSource,
      formal: RegexSource,
      /** Patterns test the end of each sentence (ja, ko). */
      sentenceEnd: z.boolean().optional(),
      /** The formal forms are told apart by case only (de `Sie` vs `sie`). */
      formalCaseSensitive: z.boolean().optional(),
      /**
       * More signs that the customer writes informally, read in the customer's messages only (a
       * casual greeting: it "Ciao", fr "Salut", de "Hey Leute"), so the agent may mirror them.
       */
      customerInformal: RegexSource.optional(),
      why: z.string(),
      suggestion: z.string(),
    }),
  ),
});

export type PhrasingRules = z.infer<typeof PhrasingRulesSchema>;
export type PhrasingRule = z.infer<typeof PhrasingRuleSchema>;
export type AddressRules = z.infer<typeof AddressRulesSchema>;

/** Validate rule data (a brand's edited copy, or the shipped file) with errors that say where. */
export function parseRules<T>(schema: z.ZodType<T>, data: unknown, source: string): T {
  // a brand's rules: their patterns must compile on RE2 (see util/pattern-engine.ts)
  return parsingUserData(() => parseWith(schema, data, source));
}

/** Parse a rule file shipped in this package (its patterns run on V8; see `markShipped`). */
export function parseShippedRules<T>(schema: z.ZodType<T>, data: unknown, source: string): T {
  const parsed = parseWith(schema, data, source);
  return parsed && typeof parsed === 'object' ? markShipped(parsed) : parsed;
}

function parseWith<T>(schema: z.ZodType<T>, data: unknown, source: string): T {
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const { issues, summary } = describeZodIssues(parsed.error);
    throw new CxqaError('invalid_config', `${source}: ${summary}`, { path: [source], issues });
  }
  return parsed.data;
}

const cache = new Map<string, unknown>();
/** A rule file shipped in `@cxqa/core/courtesy/`, validated once. */
export function shippedRules<T>(name: string, schema: z.ZodType<T>): T {
  if (!cache.has(name)) {
    const path = corePackageFile(`courtesy/${name}.json`);
    cache.set(name, parseShippedRules(schema, JSON.parse(readFileSync(path, 'utf8')), `courtesy/${name}.json`));
  }
  return cache.get(name) as T;
}
