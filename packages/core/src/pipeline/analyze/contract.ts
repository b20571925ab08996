import type { TextView } from '../normalize/text-view.js';
import type { Conversation, Role } from '../validate/conversation.js';
import type { Finding } from '../validate/finding.js';
import type { MetricValue } from '../validate/result.js';
import type { MessageAnalysis } from './message-analysis.js';

/** One message as analyzers see it: original fields plus shared derived views. */
export interface MessageView {
  /** Index in `conversation.messages` (findings refer to this). */
  readonly index: number;
  readonly role: Role;
  readonly text: string;
  /** Epoch milliseconds of `at`. */
  readonly time: number;
  readonly authorId: string | undefined;
  /** Normalized text with an offset map back to `text`. */
  readonly view: TextView;
  /** ISO 639-1 code after per-speaker aggregation and hints, or `und`. */
  readonly language: string;
  readonly languageConfidence: number;
  /** Set when a translator was configured and the message is not in the review language. */
  readonly translation?: string;
  /**
   * The shared per-message analysis (computed lazily, once per message, by whichever analyzer
   * asks first): the lower-cased text and its case-folding check, and `memo(key, compute)` for
   * any result several analyzers need — the built-in analyzers share their phrase prefilters
   * and complaint checks through it, and a user's analyzer can read and use the same object.
   */
  readonly analysis: MessageAnalysis;
}

/** Everything an analyzer receives. Read-only; analyzers never mutate it. */
export interface AnalyzerContext {
  readonly conversation: Conversation;
  /** Messages in input order (`messages[i].index === i`). */
  readonly messages: readonly MessageView[];
  /** Indices of `messages` sorted by time (stable for equal times). */
  readonly chronological: readonly number[];
  /** Dominant language per role (`customer`, `agent`), `und` when unknown. */
  readonly languages: Readonly<Record<Role, string>>;
  /** Outputs of the analyzers that ran before this one, by analyzer name. */
  readonly previous: ReadonlyMap<string, AnalyzerOutput>;
  /** Aborted when the analyzer's time limit passes; long-running analyzers should honour it. */
  readonly signal: AbortSignal;
}

/** What `analyze` returns. */
export interface AnalyzerOutput {
  /**
   * Base score per scorecard dimension, 0–1 (1 = nothing wrong before deductions);
   * `null` = the analyzer had nothing to judge for that dimension (N/A).
   */
  scores: Record<string, number | null>;
  findings: Finding[];
  /** Flat metrics; keys are prefixed with the analyzer name by the pipeline if not already. */
  metrics: Record<string, MetricValue>;
}

/**
 * An analyzer is a plain object, usually made by a factory function.
 *
 * @example
 * const shouting: Analyzer = {
 *   name: 'shouting',
 *   version: '1.0.0',
 *   analyze(ctx) {
 *     const loud = ctx.messages.filter((m) => m.role === 'agent' && /^[A-Z\s!]{8,}$/.test(m.text));
 *     return {
 *       scores: { courtesy: 1 },
 *       findings: loud.map((m) => ({ analyzer: 'shouting', code: 'shouting.all_caps', severity: 'minor',
 *         messageIndex: m.index, explanation: 'agent wrote in capitals' })),
 *       metrics: { 'shouting.count': loud.length },
 *     };
 *   },
 * };
 */
export interface Analyzer {
  /** Lower-case name; also the metric and finding-code prefix. */
  readonly name: string;
  /** Semantic version recorded in every result so a score can be replayed. */
  readonly version: string;
  analyze(context: AnalyzerContext): AnalyzerOutput | Promise<AnalyzerOutput>;
}

/**
 * Identity helper that gives type inference to an analyzer literal.
 *
 * @example
 * export const noop = defineAnalyzer({ name: 'noop', version: '1.0.0', analyze: () => ({ scores: {}, findings: [], metrics: {} }) });
 */
export function defineAnalyzer<A extends Analyzer>(analyzer: A): A {
  return analyzer;
}
