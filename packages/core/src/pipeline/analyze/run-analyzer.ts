import { describeThrown } from '../../errors.js';
import { NEEDS_JSON, plainJsonCopy } from '../../util/json-copy.js';
import { keepShape } from '../../util/keep-shape.js';
import type { PreparedConversation } from '../normalize/context.js';
import { withTimeLimit } from '../time-limit.js';
import { type Finding, FindingSchema } from '../validate/finding.js';
import type { Issue } from '../validate/result.js';
import type { Analyzer, AnalyzerContext, AnalyzerOutput } from './contract.js';
import { plainFinding } from './plain-finding.js';

/** Findings kept from one analyzer for one conversation; beyond it the result is `partial` with an `analyzer_output_truncated` issue. */
export const MAX_FINDINGS_PER_ANALYZER = 10_000;

/** Run one analyzer in isolation: its failure becomes an issue, never an exception. */
export async function runAnalyzer(
  analyzer: Analyzer,
  prepared: PreparedConversation,
  previous: ReadonlyMap<string, AnalyzerOutput>,
  timeLimitMs: number,
): Promise<{ output?: AnalyzerOutput; issue?: Issue }> {
  const timed = await withTimeLimit(timeLimitMs, (signal) => analyzer.analyze(new RunContext(prepared, previous, signal)));
  if (!timed.ok) {
    const message = timed.timedOut
      ? `analyzer "${analyzer.name}" did not finish within ${timeLimitMs} ms`
      : `analyzer "${analyzer.name}" threw: ${describeThrown(timed.error)}`;
    return { issue: { code: timed.timedOut ? 'analyzer_timeout' : 'analyzer_failed', message, analyzer: analyzer.name } };
  }
  let out: AnalyzerOutput;
  let problem: string | null;
  let truncatedFrom: number | undefined;
  try {
    // read every property once: a getter that throws, or returns something else the second time, cannot reach the result
    const raw = timed.value as Partial<AnalyzerOutput> | null | undefined;
    const snapshot = raw && typeof raw === 'object' ? { scores: raw.scores, findings: raw.findings, metrics: raw.metrics } : raw;
    const read = readOutput(snapshot, analyzer.name);
    problem = 'problem' in read ? read.problem : null;
    out = 'output' in read ? read.output : (undefined as never);
    truncatedFrom = 'truncatedFrom' in read ? read.truncatedFrom : undefined;
  } catch (error) {
    problem = `an output that could not be read: ${describeThrown(error)}`;
    out = undefined as never;
  }
  if (problem) {
    return { issue: { code: 'analyzer_invalid_output', message: `analyzer "${analyzer.name}" returned ${problem}`, analyzer: analyzer.name } };
  }
  if (truncatedFrom !== undefined) {
    const message = `analyzer "${analyzer.name}" returned ${truncatedFrom} findings; the first ${MAX_FINDINGS_PER_ANALYZER} are kept`;
    return { output: out, issue: { code: 'analyzer_output_truncated', message, analyzer: analyzer.name } };
  }
  return { output: out };
}

/**
 * The context one analyzer run receives: the prepared conversation's parts, `previous`, and
 * `signal` — an own enumerable accessor, last, as an object literal with a getter would have it
 * (the same keys in the same order), made on its first read (see `withTimeLimit`). The getter is
 * one function for every context (`SIGNAL`), reading the run's signal from a private field, so
 * every context shares one hidden class with fast properties. An object literal whose getter is
 * a new closure each run became a property dictionary (V8's `%HasFastProperties` false), and with
 * it the prepared conversation (views, analyses, scans, findings) survived young collections
 * until a full one: 12 % of what the synthetic stream allocated was promoted, 0.5 % with this
 * class, and the scavenges took ≈ 0.5 ms a conversation (decision 139).
 */
class RunContext implements AnalyzerContext {
  readonly conversation: AnalyzerContext['conversation'];
  readonly messages: AnalyzerContext['messages'];
  readonly chronological: AnalyzerContext['chronological'];
  readonly languages: AnalyzerContext['languages'];
  readonly previous: AnalyzerContext['previous'];
  declare readonly signal: AbortSignal;
  readonly #signal: () => AbortSignal;

  constructor(prepared: PreparedConversation, previous: ReadonlyMap<string, AnalyzerOutput>, signal: () => AbortSignal) {
    this.conversation = prepared.conversation;
    this.messages = prepared.messages;
    this.chronological = prepared.chronological;
    this.languages = prepared.languages;
    this.previous = previous;
    Object.defineProperty(this, 'signal', SIGNAL);
    this.#signal = signal;
  }

  static signalOf(context: RunContext): AbortSignal {
    return context.#signal();
  }
}

/** `RunContext`'s `signal` property: one getter for every context. */
const SIGNAL: PropertyDescriptor = {
  get(this: RunContext) {
    return RunContext.signalOf(this);
  },
  enumerable: true,
  configurable: true,
};
keepShape(
  new RunContext({ conversation: {} as never, messages: [], chronological: [], languages: {} as never, issues: [] }, new Map(), () => AbortSignal.abort()),
);

/**
 * Replace `f.rule.detail` by its copy through JSON (`plainJsonCopy` for plain data, the same copy
 * without the text in between); returns what JSON threw, or null when it did not.
 */
function jsonDetail(f: Finding): { thrown: unknown } | null {
  if (f.rule?.detail === undefined) return null;
  try {
    const plain = plainJsonCopy(f.rule.detail);
    f.rule.detail = (plain !== NEEDS_JSON ? plain : JSON.parse(JSON.stringify(f.rule.detail))) as Record<string, unknown>;
    return null;
  } catch (thrown) {
    return { thrown };
  }
}

/** A short description of what is wrong with an analyzer's output, or null when it is fine. */
export function checkOutput(out: unknown): string | null {
  const read = readOutput(out);
  return 'problem' in read ? read.problem : null;
}

/**
 * Validate an analyzer's output and return the engine's own copy of it: plain objects holding
 * only the schema's fields (extra keys a custom analyzer adds are dropped, so nothing reaches the
 * result around the masker), values read once (a getter cannot answer differently later), and
 * `rule.detail` that survives JSON (a BigInt or a throwing toJSON is a problem, not a result that
 * cannot be written). At most MAX_FINDINGS_PER_ANALYZER findings are read. A plainly valid finding
 * (`plainFinding`: the built-in analyzers' every one) is copied by hand; zod reads the rest and
 * words what is wrong, so both paths give the same copy and the same problems. With
 * `metricPrefix` (the analyzer's name), every metric name not already starting with
 * `metricPrefix.` gets that prefix.
 */
export function readOutput(out: unknown, metricPrefix?: string): { problem: string } | { output: AnalyzerOutput; truncatedFrom?: number } {
  if (!out || typeof out !== 'object') return { problem: `${out === null ? 'null' : typeof out} instead of { scores, findings, metrics }` };
  const o = out as Partial<AnalyzerOutput>;
  if (!o.scores || typeof o.scores !== 'object') return { problem: 'no scores object' };
  const scores: AnalyzerOutput['scores'] = {};
  // Object.keys and one read per key, as Object.entries reads them, without an entry array per key
  const given = o.scores as Record<string, unknown>;
  for (const k of Object.keys(given)) {
    const v = given[k];
    if (v !== null && (typeof v !== 'number' || !(v >= 0 && v <= 1))) return { problem: `scores.${k} = ${String(v)} (must be 0–1 or null)` };
    scores[k] = v;
  }
  if (!Array.isArray(o.findings)) return { problem: 'no findings array' };
  const findings: Finding[] = [];
  const total = o.findings.length;
  for (let i = 0; i < Math.min(total, MAX_FINDINGS_PER_ANALYZER); i++) {
    const raw = o.findings[i];
    // a plainly valid finding is copied by hand; anything else (or a detail JSON cannot write) is read by zod
    const plain = plainFinding(raw);
    if (plain && jsonDetail(plain) === null) {
      findings.push(plain);
      continue;
    }
    const r = FindingSchema.safeParse(raw);
    if (!r.success) return { problem: `an invalid finding at findings[${i}]: ${r.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}` };
    const f = r.data;
    const unwritable = jsonDetail(f);
    if (unwritable !== null) return { problem: `findings[${i}].rule.detail that cannot be written as JSON (${describeThrown(unwritable.thrown)})` };
    findings.push(f);
  }
  if (!o.metrics || typeof o.metrics !== 'object') return { problem: 'no metrics object' };
  const metrics: AnalyzerOutput['metrics'] = {};
  const dotted = metricPrefix === undefined ? '' : `${metricPrefix}.`;
  const givenMetrics = o.metrics as Record<string, unknown>;
  for (const k of Object.keys(givenMetrics)) {
    const v = givenMetrics[k];
    if (v !== null && typeof v !== 'number' && typeof v !== 'string') return { problem: `metrics.${k} of type ${typeof v} (must be number, string or null)` };
    if (typeof v === 'number' && !Number.isFinite(v)) return { problem: `metrics.${k} = ${v} (must be finite)` };
    metrics[k.startsWith(dotted) ? k : dotted + k] = v;
  }
  // findings beyond the cap are counted, not read
  const output: AnalyzerOutput = { scores, findings, metrics };
  return total > MAX_FINDINGS_PER_ANALYZER ? { output, truncatedFrom: total } : { output };
}
