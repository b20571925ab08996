import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { MessageAnalysis } from '../../pipeline/analyze/message-analysis.js';
import { SeveritySchema } from '../../pipeline/validate/finding.js';
import { compileRuleRegex, LinearRegexSource, requiredLiterals } from '../../util/linear-regex.js';
import { corePackageFile } from '../../util/package-file.js';
import { compilePattern, isShipped } from '../../util/pattern-engine.js';
import { type SharedFilter, sharedPrefixScan } from '../../util/shared-prefix-scan.js';
import { parseShippedRules } from './rules.js';

/** The kinds of agent misconduct toward a customer; each is the finding code `politeness.<kind>`. */
export const CONDUCT_KINDS = ['blaming', 'condescending', 'impatient', 'dismissive', 'sarcastic', 'commanding', 'deflecting', 'curt'] as const;
export type ConductKind = (typeof CONDUCT_KINDS)[number];

export const ConductRuleSchema = z.object({
  id: z.string().regex(/^[a-z]{2}\.[a-z_]+\.[a-z_]+$/, 'an id like "en.blaming.should_have"'),
  kind: z.enum(CONDUCT_KINDS),
  /** Default critical: misconduct toward a customer fails the conversation. */
  severity: SeveritySchema.default('critical'),
  /** Regex sources matched on the normalized (lower-cased) view; linear-time (no nested repetition). */
  patterns: z.array(LinearRegexSource).min(1),
  /** A match of one of these in the same sentence cancels the hit. */
  unless: z.array(LinearRegexSource).default([]),
  /** A match of one of these anywhere in the message cancels the hit (an alternative was offered). */
  unlessInMessage: z.array(LinearRegexSource).default([]),
  /**
   * One of these must match somewhere in the message outside the hit (empty: no condition): a
   * warranty refusal is blame only next to a cause laid on the customer's use (decision 181).
   */
  withInMessage: z.array(LinearRegexSource).default([]),
  /** The whole message must match (patterns anchored with ^…$). */
  whole: z.boolean().default(false),
  /** Only in a reply after the customer complained. */
  afterComplaint: z.boolean().default(false),
  why: z.string().min(1),
  suggestion: z.string().min(1),
  /** Messages that must fire this rule, and messages that must fire no rule of the file (tested). */
  examples: z.object({ fire: z.array(z.string()).default([]), innocent: z.array(z.string()).default([]) }).prefault({}),
});

/**
 * The strict form of `politeness.no_acknowledgement`: a real grievance answered with nothing but a
 * bare request. All lists are regex sources on the normalized (lower-cased) view.
 */
export const UnacknowledgedSchema = z.object({
  /** In the customer's complaint: a real problem (broken, damaged, money lost) or anger. */
  grievance: z.array(LinearRegexSource).min(1),
  /** The reply's first sentence is a bare request ("please send a photo", 请提供订单号, 写真を送ってください). */
  request: z.array(LinearRegexSource).min(1),
  /**
   * A greeting or address the reply may open with and still be bare ("Hello,", 您好，, "Buen día,",
   * 안녕하세요 고객님): matched at the reply's start and cut off, with a short name after it, before
   * the first sentence is judged. A greeting is no acknowledgement (decision 141).
   */
  opening: z.array(LinearRegexSource).default([]),
  /** Anywhere in the reply, each cancels the strict form: a move to a private channel ("DM us"), service for the customer ("for you"), an immediate remedy ("I've refunded…", 马上给您补发). */
  softeners: z.array(LinearRegexSource).default([]),
  /** [customer, agent] pairs that must be strict, and pairs that must not (tested). */
  examples: z
    .object({
      fire: z.array(z.tuple([z.string(), z.string()])).default([]),
      innocent: z.array(z.tuple([z.string(), z.string()])).default([]),
    })
    .prefault({}),
});

/** Customer messages that object to something in the agent's reply just before, as regex sources on the normalized (lower-cased) view. */
export const ObjectionListSchema = z.object({
  patterns: z.array(LinearRegexSource).default([]),
  /** Customer messages that must match, and ones that must not (tested). */
  examples: z.object({ fire: z.array(z.string()).default([]), innocent: z.array(z.string()).default([]) }).prefault({}),
});

/**
 * The customer objecting, in their next message, to the agent's reply (decisions 160, 161).
 */
export const CalledOutSchema = z.object({
  /** To its laugh ("what's so funny?", 你呵呵什么, 笑いごとではありません): the laugh was taken as mockery. */
  laugh: ObjectionListSchema.prefault({}),
  /** To its tone or attitude ("don't talk to me like that", 你这是什么态度, その言い方は何ですか). */
  tone: ObjectionListSchema.prefault({}),
});

export const ConductRulesSchema = z.object({
  /** ISO 639-1 language of the agent messages the rules judge. */
  language: z.string().min(2),
  version: z.string(),
  about: z.string().optional(),
  /**
   * Patterns tested on the text just before a hit, within its sentence (write them anchored with
   * `$`): a match cancels the hit — negation ("it is not your fault") and conditionals ("if you
   * ordered the wrong size").
   */
  negation: z.array(LinearRegexSource).default([]),
  /** Words that acknowledge a complaint (apology, understanding, thanks): a reply to a complaint with none is `politeness.no_acknowledgement`. */
  acknowledgement: z.array(LinearRegexSource).default([]),
  /** The strict form of a reply with no acknowledgement (see `UnacknowledgedSchema`); absent: only the loose form. */
  unacknowledged: UnacknowledgedSchema.optional(),
  /** The customer objecting to the agent's laugh or tone (see `CalledOutSchema`); absent: nothing is read from the customer's reaction. */
  calledOut: CalledOutSchema.optional(),
  rules: z.array(ConductRuleSchema),
});

export type ConductRule = z.output<typeof ConductRuleSchema>;
export type ConductRules = z.output<typeof ConductRulesSchema>;
export type ConductRulesInput = z.input<typeof ConductRulesSchema>;

/** Languages with shipped conduct rules (`@cxqa/core/conduct/<language>.json`). */
export const CONDUCT_LANGUAGES = ['en', 'zh', 'de', 'fr', 'es', 'pt', 'it', 'ja', 'ko'] as const;

const shipped = new Map<string, ConductRules>();

/** The shipped conduct rules of one language, validated once. */
export function shippedConductRules(language: string): ConductRules {
  let rules = shipped.get(language);
  if (!rules) {
    const path = corePackageFile(`conduct/${language}.json`);
    rules = parseShippedRules(ConductRulesSchema, JSON.parse(readFileSync(path, 'utf8')), `conduct/${language}.json`);
    shipped.set(language, rules);
  }
  return rules;
}

/**
 * Regex sources of one conduct rule file, compiled: a shipped file's on V8 (checked linear when the
 * file was validated), a brand's own on RE2 (`util/pattern-engine.ts`; a pattern RE2 cannot run is
 * an `invalid_config` error naming the language).
 */
export function compileFileRegexes(file: ConductRules, sources: readonly string[]): RegExp[] {
  return sources.map((source) => (isShipped(file) ? compileRuleRegex(source) : compilePattern(source, 'gu', 'user', `conduct rules (${file.language})`)));
}

/**
 * A list of one language's conduct regexes (from one or more rule files), any of which matching
 * is the answer — the acknowledgement and called-out lists — with a prefilter over their literal
 * prefixes in the language's shared scan of a message's `view.normalized`
 * (`sharedPrefixScan('normalized', language)`, with the conduct rules and mood cues).
 */
export interface ConductList {
  readonly regexes: readonly RegExp[];
  readonly filter: SharedFilter;
}

/** Sources of one rule file compiled as `compileFileRegexes` does, with their literal prefixes (a brand's: none, they always run). */
export interface ConductListPart {
  readonly regexes: readonly RegExp[];
  readonly prefixes: readonly (readonly string[] | null)[];
}

/** `sources` of `file` compiled for a `ConductList` (a pattern RE2 cannot run is an error here, as in `compileFileRegexes`). */
export function conductListPart(file: ConductRules, sources: readonly string[]): ConductListPart {
  return { regexes: compileFileRegexes(file, sources), prefixes: sources.map((source) => (isShipped(file) ? requiredLiterals(source) : null)) };
}

/**
 * One language's list from its parts, in order, with its prefilter: a shipped file's patterns by
 * their `requiredLiterals` (sound for the compiled regex, as for the conduct rules' own prefilter).
 */
export function conductList(language: string, parts: readonly ConductListPart[]): ConductList {
  return {
    regexes: parts.flatMap((p) => p.regexes),
    filter: sharedPrefixScan('normalized', language).filter(parts.flatMap((p) => p.prefixes)),
  };
}

/**
 * Does one of the list's regexes match `text`? `analysis`: the message's, used when `text` is its
 * `view.normalized` — the regexes none of whose prefixes the message's shared scan found are
 * skipped (they cannot match: the same answer). The called-out check of a customer message (laugh
 * and tone lists, with the message's scan) took 2.5 µs instead of 3.0 µs on the realistic chats'
 * customer messages with every conduct list in the scan, as in the courtesy analyzer (2.1 instead
 * of 3.9 with the called-out lists alone; same-process microbenchmark, medians of 21 alternating
 * runs); where the mood cues (sentiment analyzer) scanned the message already, the scan is shared.
 */
export function testConductList(list: ConductList, text: string, analysis?: MessageAnalysis): boolean {
  const may = analysis !== undefined && analysis.view.normalized === text ? list.filter.flags(analysis) : null;
  const { regexes } = list;
  for (let i = 0; i < regexes.length; i++) {
    if (may !== null && !may[i]) continue;
    const re = regexes[i]!;
    re.lastIndex = 0;
    if (re.test(text)) return true;
  }
  return false;
}
