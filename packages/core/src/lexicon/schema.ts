import { z } from 'zod';
import { SeveritySchema } from '../pipeline/validate/finding.js';

export const LexiconTermSchema = z.union([
  z.string().min(1),
  z.object({
    text: z.string().min(1),
    category: z.string().optional(),
    severity: SeveritySchema.optional(),
    languages: z.array(z.string()).optional(),
    /**
     * `word` (default: alphabetic terms whole words, Chinese/Japanese whole words by ICU
     * segmentation, Hangul anywhere), `none` (substring) or `start` (must begin a word, anything
     * may follow: Korean particles and endings, compound heads).
     */
    boundary: z.enum(['word', 'none', 'start']).optional(),
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
  /**
   * Phrase rules for what single words cannot say: a term from every group in one sentence,
   * each within `within` characters of the previous, unless a term of `unless` (a negation)
   * ends just before one of them.
   */
  phrases: z
    .array(
      z.object({
        id: z.string().regex(/^[a-z0-9_]+$/),
        category: z.string().optional(),
        severity: SeveritySchema.optional(),
        all: z.array(z.array(z.string().min(1)).min(1)).min(2),
        within: z.number().int().positive().default(40),
        unless: z.array(z.string().min(1)).default([]),
        /** Languages the phrase applies in (default: the lexicon's `defaults.languages`, else all). */
        languages: z.array(z.string()).optional(),
        note: z.string().optional(),
      }),
    )
    .default([]),
  /**
   * Innocent words and phrases that contain or resemble a term ("a chink of light", "flame
   * retardant", 有害废物); an overlapping allow-list hit always wins, in every language.
   */
  allow: z.array(z.string().min(1)).default([]),
});

export type LexiconInput = z.input<typeof LexiconSchema>;
export type Lexicon = z.output<typeof LexiconSchema>;
export type LexiconTerm = z.output<typeof LexiconTermSchema>;
