import { type BuiltinAnalyzerOptions, builtinAnalyzers } from '../analyzers/builtin.js';
import { CxqaError, describeThrown, describeZodIssues } from '../errors.js';
import type { LangidModel } from '../langid/model.js';
import { ENGINE_VERSION } from '../version.js';
import type { Analyzer, AnalyzerOutput } from './analyze/contract.js';
import { runAnalyzer } from './analyze/run-analyzer.js';
import { createLiveSession, type LiveSession, type LiveSessionOptions, type SessionRunners } from './live-session.js';
import { type MapOrderedOptions, mapOrdered } from './map-ordered.js';
import { type ContextOptions, prepareConversation } from './normalize/context.js';
import type { Translator } from './normalize/translator.js';
import { conversationFacts } from './score/conversation-facts.js';
import { DEFAULT_SCORECARD } from './score/default-scorecard.js';
import { assembleResult, inputIdOf, invalidResult, unfinishedResult } from './score/result.js';
import type { Conversation } from './validate/conversation.js';
import { safeParseConversation } from './validate/plain-conversation.js';
import type { Issue, Result, Versions } from './validate/result.js';
import { type Scorecard, type ScorecardInput, ScorecardSchema } from './validate/scorecard.js';
import type { InspectorPool, InspectorPoolOptions } from './workers/inspector-pool.js';

export type { InspectorPool, InspectorPoolOptions } from './workers/inspector-pool.js';
export type { InspectorModule } from './workers/worker-spec.js';

/** Built-in analyzers that judge the conversation as a whole (timing, script, KB): a live session leaves them to close(). */
const CONVERSATION_LEVEL_ANALYZERS = new Set(['timing', 'script', 'kb', 'llm']);

export interface InspectManyOptions extends MapOrderedOptions, Omit<InspectorPoolOptions, 'workers'> {
  /**
   * Worker threads to inspect on (default 0: this thread). With N ≥ 1, conversations go to a pool
   * of N threads in batches and come back in input order; each thread builds the inspector from the
   * cloned options, or from `inspectorModule` when the options hold functions. See `openPool`.
   */
  workers?: number;
}

export interface InspectorOptions extends BuiltinAnalyzerOptions {
  /** Analyzers to run, in order. Default: every built-in offline analyzer. */
  analyzers?: readonly Analyzer[];
  /** Scorecard (validated). Default: DEFAULT_SCORECARD. */
  scorecard?: Scorecard | ScorecardInput;
  /** Per-analyzer time limit in milliseconds (default 10 000). */
  timeLimitMs?: number;
  /** Candidate languages for language identification (ISO 639-1). Default: all the model knows. */
  languages?: readonly string[];
  langidModel?: LangidModel;
  /** Translate messages not in `to` for review; originals stay the evidence. */
  translation?: { to: string; translator: Translator };
  /**
   * Secret salt for `Result.customerKey` when a conversation has only `customer.contact` (or an id
   * that is personal data): keep it the same across runs, or keys of the same customer differ.
   */
  customerKeySalt?: string;
}

export interface InspectOptions {
  /** Input line/row number, copied into issues. */
  line?: number;
  signal?: AbortSignal;
}

export interface Inspector {
  readonly analyzers: readonly Analyzer[];
  readonly scorecard: Scorecard;
  readonly versions: Versions;
  /** Inspect one conversation (anything: it is validated). Never throws for bad data. */
  inspect(input: unknown, options?: InspectOptions): Promise<Result>;
  /**
   * Stream results in input order with bounded concurrency and memory, one Result per input record.
   * With `workers: N` the records are inspected on N worker threads (see `openPool`).
   * @throws CxqaError `invalid_option` for bad worker options or workers that cannot build this inspector.
   */
  inspectMany(source: Iterable<unknown> | AsyncIterable<unknown>, options?: InspectManyOptions): AsyncGenerator<Result>;
  /**
   * Open a pool of worker threads running this inspector (see `openInspectorPool` in
   * pipeline/workers/inspector-pool.ts for batching, backpressure and crash handling). Close it when done.
   */
  openPool(options: InspectorPoolOptions): Promise<InspectorPool>;
  /**
   * A live conversation: `header` is a Conversation without messages; messages arrive through
   * `add`, which returns the events each one raises. Throws CxqaError `invalid_conversation` for a
   * bad header. See `LiveSession`.
   */
  session(header: unknown, options?: LiveSessionOptions): LiveSession;
}

/**
 * Create an inspector. With no options it runs every built-in offline analyzer with the
 * default scorecard.
 *
 * @example
 * const inspector = createInspector();
 * const result = await inspector.inspect({ id: 'c1', customer: { country: 'DE' }, messages: [
 *   { role: 'customer', text: 'Wo ist meine Bestellung?', at: '2026-03-02T10:00:00+01:00' },
 *   { role: 'agent', text: 'Guten Tag! Ich sehe nach.', at: '2026-03-02T10:04:00+01:00' },
 * ] });
 * result.metrics['timing.firstResponseSeconds']; // 240
 */
export function createInspector(options: InspectorOptions = {}): Inspector {
  const parsed = ScorecardSchema.safeParse(options.scorecard ?? DEFAULT_SCORECARD);
  if (!parsed.success) {
    const { issues, summary } = describeZodIssues(parsed.error);
    throw new CxqaError('invalid_scorecard', `invalid scorecard: ${summary}`, { issues });
  }
  const scorecard = parsed.data;
  const analyzers = options.analyzers ?? builtinAnalyzers(options);
  const names = new Set<string>();
  for (const a of analyzers) {
    if (!a || typeof a.analyze !== 'function' || typeof a.name !== 'string' || typeof a.version !== 'string') {
      throw new CxqaError('invalid_option', 'every analyzer needs a string name, a string version and an analyze function', { path: ['analyzers'] });
    }
    if (names.has(a.name)) throw new CxqaError('invalid_option', `two analyzers are named "${a.name}"`, { path: ['analyzers'] });
    names.add(a.name);
  }
  const timeLimitMs = options.timeLimitMs ?? 10_000;
  const versions: Versions = {
    engine: ENGINE_VERSION,
    scorecard: `${scorecard.name}@${scorecard.version}`,
    analyzers: Object.fromEntries(analyzers.map((a) => [a.name, a.version])),
  };

  async function inspect(input: unknown, opts: InspectOptions = {}): Promise<Result> {
    const checked = safeParseConversation(input);
    if (!checked.success) {
      const issues: Issue[] = checked.error.issues.map((i) => ({
        code: 'invalid_conversation',
        message: i.message,
        path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
        ...(opts.line ? { line: opts.line } : {}),
      }));
      return invalidResult(inputIdOf(input), issues, versions);
    }
    try {
      return await inspectValid(checked.data, opts);
    } catch (error) {
      // a fault of the engine itself (never of the input): the record still gets its result
      const issue: Issue = {
        code: 'internal_error',
        message: `cxqa could not finish this conversation: ${describeThrown(error)}`,
        ...(opts.line ? { line: opts.line } : {}),
      };
      return unfinishedResult(checked.data.id, issue, versions);
    }
  }

  // the same for every conversation (built once: a literal of conditional spreads per call costs more than it looks)
  const contextOptions: ContextOptions = {
    ...(options.languages ? { languages: options.languages } : {}),
    ...(options.langidModel ? { langidModel: options.langidModel } : {}),
    ...(options.translation ? { translation: options.translation } : {}),
    timeLimitMs,
  };

  async function inspectValid(
    conversation: Conversation,
    opts: InspectOptions,
    selected: readonly Analyzer[] = analyzers,
    languageContext?: ContextOptions['languageContext'],
  ): Promise<Result> {
    const prepared = await prepareConversation(
      conversation,
      languageContext || opts.signal
        ? { ...contextOptions, ...(languageContext ? { languageContext } : {}), ...(opts.signal ? { signal: opts.signal } : {}) }
        : contextOptions,
    );
    const outputs = new Map<string, AnalyzerOutput>();
    const issues: Issue[] = [...prepared.issues];
    for (const analyzer of selected) {
      const run = await runAnalyzer(analyzer, prepared, outputs, timeLimitMs);
      if (run.output) outputs.set(analyzer.name, run.output);
      if (run.issue) issues.push(opts.line ? { ...run.issue, line: opts.line } : run.issue);
    }
    return assembleResult(prepared, outputs, issues, scorecard, versions, conversationFacts(conversation, options.customerKeySalt, prepared.messages));
  }

  // a live session re-runs only the analyzers that judge single messages, on a short window
  const windowed = analyzers.filter((a) => !CONVERSATION_LEVEL_ANALYZERS.has(a.name));
  const timing = analyzers.find((a) => a.name === 'timing');
  const runners: SessionRunners = {
    inspect: (c) => inspect(c),
    window: (c, languageContext) => inspectValid(c, {}, windowed, languageContext),
    timing: timing ? (c) => inspectValid(c, {}, [timing]) : null,
  };

  const inspector: Inspector = {
    analyzers,
    scorecard,
    versions,
    inspect,
    inspectMany: (source, manyOptions = {}) =>
      manyOptions.workers
        ? inspectManyInWorkers(inspector, source, { ...manyOptions, workers: manyOptions.workers })
        : mapOrdered(source, (item) => inspect(item), manyOptions),
    openPool: async (poolOptions) => {
      const { openInspectorPool } = await import('./workers/inspector-pool.js');
      return openInspectorPool(inspector, options, poolOptions);
    },
    session: (header, sessionOptions) => createLiveSession(header, runners, sessionOptions),
  };
  return inspector;
}

async function* inspectManyInWorkers(
  inspector: Inspector,
  source: Iterable<unknown> | AsyncIterable<unknown>,
  options: InspectManyOptions & InspectorPoolOptions,
): AsyncGenerator<Result> {
  const pool = await inspector.openPool(options);
  try {
    yield* mapOrdered(source, (item) => pool.inspect(item), { concurrency: pool.capacity, ...(options.signal ? { signal: options.signal } : {}) });
  } finally {
    await pool.close();
  }
}
