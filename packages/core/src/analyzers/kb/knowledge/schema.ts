import { z } from 'zod';
import { RegexSource } from '../../../util/regex-source.js';

/** One structured fact of an entry: "return window = 30 days", "free return shipping = no". */
export const KbFactSchema = z.object({
  name: z.string().min(1),
  value: z.union([z.number(), z.boolean(), z.string()]),
  /** For numbers: day, hour, week, month, year, minute, percent, or a currency code (USD, EUR, CNY …). */
  unit: z.string().optional(),
  /** Words that name the fact in answers (any language), e.g. ["return", "devolución", "退货"]. */
  keywords: z.array(z.string()).optional(),
});

export const KbEntrySchema = z.object({
  id: z.string().min(1),
  intent: z.string().optional(),
  questions: z.array(z.string().min(1)).default([]),
  answer: z.string().default(''),
  facts: z.array(KbFactSchema).optional(),
  /** Phrases (regex sources, case-insensitive) a complete answer must contain. */
  mustMention: z.array(RegexSource).optional(),
  language: z.string().min(2).default('en'),
  tags: z.array(z.string()).optional(),
});

export const KnowledgeBaseSchema = z.object({
  /** Recorded in every finding so a result can be replayed against the same KB. */
  version: z.string().min(1),
  entries: z.array(KbEntrySchema).min(1),
});

export type KbFact = z.infer<typeof KbFactSchema>;
export type KbEntry = z.infer<typeof KbEntrySchema>;
export type KbEntryInput = z.input<typeof KbEntrySchema>;
export type KnowledgeBase = z.infer<typeof KnowledgeBaseSchema>;
export type KnowledgeBaseInput = z.input<typeof KnowledgeBaseSchema>;
