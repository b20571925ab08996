import { z } from 'zod';
import { SeveritySchema } from '../schemas/finding.js';

export const LexiconTermSchema = z.union([
  z.string().min(1),
  z.object({
    text: z.string().min(1),
    category: z.string().optional(),
    severity: SeveritySchema.optional(),
    languages: z.array(z.string()).optional(),
    /** `word` (default for alphabetic scripts) or `none` (substring; default for CJK). */
    boundary: z.enum(['word', 'none']).optional(),
    /** Spellings the normalizer cannot derive (abbreviations, pinyin, deliberate misspellings). */
    variants: z.array(z.string().min(1)).optional(),
    note: z.string().optional(),
  }),
]);

/** A lexicon file or object: terms with categories and severities, plus an allow-list. */
export const LexiconSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/, 'lower-case id such as "cxqa.profanity"'),
  version: z.string(),
  description: z.string().optional(),
  license: z.string().optional(),
  defaults: z
    .object({ category: z.string().default('sensitive'), severity: SeveritySchema.default('major'), languages: z.array(z.string()).optional() })
    .prefault({}),
  terms: z.array(LexiconTermSchema),
  /** Innocent words that contain or resemble a term; an overlapping allow-list hit always wins. */
  allow: z.array(z.string().min(1)).default([]),
});

export type LexiconInput = z.input<typeof LexiconSchema>;
export type Lexicon = z.output<typeof LexiconSchema>;
export type LexiconTerm = z.output<typeof LexiconTermSchema>;
