import type { Analyzer, AnalyzerOutput } from '../analyzer/contract.js';
import { describeThrown } from '../errors.js';
import { FindingSchema } from '../schemas/finding.js';
import type { Issue } from '../schemas/result.js';
import type { PreparedConversation } from './context.js';
import { withTimeLimit } from './time-limit.js';

/** Findings kept from one analyzer for one conversation; beyond it the result is `partial` with an `analyzer_output_truncated` issue. */
export const MAX_FINDINGS_PER_ANALYZER = 10_000;

/** Run one analyzer in isolation: its failure becomes an issue, never an exception. */
export async function runAnalyzer(
  analyzer: Analyzer,
  prepared: PreparedConversation,
  previous: ReadonlyMap<string, AnalyzerOutput>,
  timeLimitMs: number,
): Promise<{ output?: AnalyzerOutput; issue?: Issue }> {
  const timed = await withTimeLimit(timeLimitMs, (signal) =>
    analyzer.analyze({
      conversation: prepared.conversation,
      messages: prepared.messages,
      chronological: prepared.chronological,
      languages: prepared.languages,
      previous,
      signal,
    }),
  );
  if (!timed.ok) {
    const message = timed.timedOut
      ? `analyzer "${analyzer.name}" did not finish within ${timeLimitMs} ms`
      : `analyzer "${analyzer.name}" threw: ${describeThrown(timed.error)}`;
    return { issue: { code: timed.timedOut ? 'analyzer_timeout' : 'analyzer_failed', message, analyzer: analyzer.name } };
  }
  let out: AnalyzerOutput;
  let problem: string | null;
  try {
    // read every property once: a getter that throws, or returns something else the second time, cannot reach the result
    const raw = timed.value as Partial<AnalyzerOutput> | null | undefined;
    const snapshot = raw && typeof raw === 'object' ? { scores: raw.scores, findings: raw.findings, metrics: raw.metrics } : raw;
    problem = checkOutput(snapshot);
    out = snapshot as AnalyzerOutput;
    if (!problem) out = { scores: { ...out.scores }, findings: Array.from(out.findings), metrics: { ...out.metrics } };
  } catch (error) {
    problem = `an output that could not be read: ${describeThrown(error)}`;
    out = undefined as never;
  }
  if (problem) {
    return { issue: { code: 'analyzer_invalid_output', message: `analyzer "${analyzer.name}" returned ${problem}`, analyzer: analyzer.name } };
  }
  const metrics: AnalyzerOutput['metrics'] = {};
  for (const [k, v] of Object.entries(out.metrics)) metrics[k.startsWith(`${analyzer.name}.`) ? k : `${analyzer.name}.${k}`] = v;
  if (out.findings.length > MAX_FINDINGS_PER_ANALYZER) {
    const message = `analyzer "${analyzer.name}" returned ${out.findings.length} findings; the first ${MAX_FINDINGS_PER_ANALYZER} are kept`;
    return {
      output: { scores: out.scores, findings: out.findings.slice(0, MAX_FINDINGS_PER_ANALYZER), metrics },
      issue: { code: 'analyzer_output_truncated', message, analyzer: analyzer.name },
    };
  }
  return { output: { scores: out.scores, findings: out.findings, metrics } };
}

/** A short description of what is wrong with an analyzer's output, or null when it is fine. */
export function checkOutput(out: unknown): string | null {
  if (!out || typeof out !== 'object') return `${out === null ? 'null' : typeof out} instead of { scores, findings, metrics }`;
  const o = out as Partial<AnalyzerOutput>;
  if (!o.scores || typeof o.scores !== 'object') return 'no scores object';
  for (const [k, v] of Object.entries(o.scores)) {
    if (v !== null && (typeof v !== 'number' || !(v >= 0 && v <= 1))) return `scores.${k} = ${String(v)} (must be 0–1 or null)`;
  }
  if (!Array.isArray(o.findings)) return 'no findings array';
  for (let i = 0; i < Math.min(o.findings.length, MAX_FINDINGS_PER_ANALYZER); i++) {
    const r = FindingSchema.safeParse(o.findings[i]);
    if (!r.success) return `an invalid finding at findings[${i}]: ${r.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}`;
  }
  if (!o.metrics || typeof o.metrics !== 'object') return 'no metrics object';
  for (const [k, v] of Object.entries(o.metrics)) {
    if (v !== null && typeof v !== 'number' && typeof v !== 'string') return `metrics.${k} of type ${typeof v} (must be number, string or null)`;
    if (typeof v === 'number' && !Number.isFinite(v)) return `metrics.${k} = ${v} (must be finite)`;
  }
  return null;
}
