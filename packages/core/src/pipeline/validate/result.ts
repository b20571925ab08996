import { z } from 'zod';
import { RESULT_SCHEMA_VERSION } from '../../version.js';
import { FindingSchema } from './finding.js';

/** A UTC instant as results write it (`…Z`, RFC 3339): real calendar dates only (no 2026-02-30), four-digit years. */
export const UtcTimestampSchema = z.iso.datetime({
  error: 'expected an RFC 3339 UTC timestamp with a real calendar date, e.g. 2026-03-02T10:00:00.000Z',
});

export const ResultStatusSchema = z.enum(['ok', 'partial', 'invalid']);

export const IssueSchema = z.object({
  code: z.string(),
  message: z.string(),
  /** Path inside the input record, e.g. `["messages", 3, "at"]`. */
  path: z.array(z.union([z.string(), z.number()])).optional(),
  analyzer: z.string().optional(),
  /** 1-based line (JSONL) or row (CSV) of the input file, when known. */
  line: z.number().int().positive().optional(),
});

export const DimensionResultSchema = z.object({
  name: z.string(),
  label: z.string().optional(),
  /** 0–100, or null when the dimension had nothing to judge (N/A). */
  score: z.number().min(0).max(100).nullable(),
  weight: z.number().nonnegative(),
  explanation: z.string(),
});

export const MetricValueSchema = z.union([z.number(), z.string(), z.null()]);

export const VersionsSchema = z.object({
  engine: z.string(),
  scorecard: z.string(),
  analyzers: z.record(z.string(), z.string()),
});

export const ReviewSchema = z.object({
  /** True when a person should read this conversation, whatever its score. */
  needed: z.boolean(),
  /** Why, as the scorecard's review reasons (`customer_dissatisfied`, `escalation_threat`, `agent_misconduct`, …). */
  reasons: z.array(z.string()),
});

/** One message's machine translation, for reviewers (the original text stays the evidence). */
export const TranslationSchema = z.object({
  /** Index in `messages` of the input conversation. */
  messageIndex: z.number().int().nonnegative(),
  /** Detected language of the original (ISO 639-1). */
  from: z.string(),
  /** Review language it was translated into (ISO 639-1). */
  to: z.string(),
  /** The translation, personal data masked like every output string. */
  text: z.string(),
});

export const ResultSchema = z.object({
  /** Shape of this record: 2 since the aggregation fields below; results without it are version 1 (read with the defaults). */
  schemaVersion: z
    .number()
    .int()
    .positive()
    .max(RESULT_SCHEMA_VERSION, `a result schema newer than this cxqa reads (at most ${RESULT_SCHEMA_VERSION}): upgrade cxqa`)
    .default(1),
  conversationId: z.string().nullable(),
  /** Agents who wrote in the conversation (`agentId`, then agent messages' `authorId`, first appearance first), masked. */
  agentIds: z.array(z.string()).default([]),
  /** Earliest and latest message time, UTC ISO-8601 (`…Z`); null when invalid or without messages. */
  startedAt: UtcTimestampSchema.nullable().default(null),
  endedAt: UtcTimestampSchema.nullable().default(null),
  platform: z.string().nullable().default(null),
  channel: z.string().nullable().default(null),
  inquiryType: z.string().nullable().default(null),
  /** `customer.id` (hashed when it carries personal data), else a salted hash of `customer.contact` (`h:` + 24 hex); never the raw contact. */
  customerKey: z.string().nullable().default(null),
  /** The conversation's `resolved`, `csat` and `metadata.converted` (boolean), null when absent. */
  resolved: z.boolean().nullable().default(null),
  csat: z.number().nullable().default(null),
  converted: z.boolean().nullable().default(null),
  status: ResultStatusSchema,
  /** 0–100; null when invalid or when every dimension is N/A. */
  score: z.number().min(0).max(100).nullable(),
  pass: z.boolean().nullable(),
  dimensions: z.array(DimensionResultSchema),
  findings: z.array(FindingSchema),
  /** Flat `analyzer.camelCaseName` → value. */
  metrics: z.record(z.string(), MetricValueSchema),
  issues: z.array(IssueSchema),
  /** Whether a person should read it (results written before 0.2 have none: read as not needed). */
  review: ReviewSchema.default({ needed: false, reasons: [] }),
  versions: VersionsSchema,
  /**
   * Present only when a translator was configured: the translation of each message not in the
   * review language (messages it could not translate are left out and counted in
   * `translation.untranslated`). Results written without a translator have none.
   */
  translations: z.array(TranslationSchema).optional(),
});

export type ResultStatus = z.infer<typeof ResultStatusSchema>;
export type Issue = z.infer<typeof IssueSchema>;
export type DimensionResult = z.infer<typeof DimensionResultSchema>;
export type MetricValue = z.infer<typeof MetricValueSchema>;
export type Versions = z.infer<typeof VersionsSchema>;
export type Result = z.infer<typeof ResultSchema>;
export type Review = z.infer<typeof ReviewSchema>;
export type Translation = z.infer<typeof TranslationSchema>;
