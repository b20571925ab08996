import { isDeepStrictEqual } from 'node:util';
import type { Analyzer, AnalyzerContext, AnalyzerOutput } from '../pipeline/analyze/contract.js';
import { checkOutput } from '../pipeline/analyze/run-analyzer.js';
import { prepareConversation } from '../pipeline/normalize/context.js';
import { type ConversationInput, ConversationSchema } from '../pipeline/validate/conversation.js';
import { conformanceSamples } from './samples.js';

/** Build the context an analyzer would receive inside the pipeline (for unit tests). */
export async function buildAnalyzerContext(input: ConversationInput, previous: ReadonlyMap<string, AnalyzerOutput> = new Map()): Promise<AnalyzerContext> {
  const prepared = await prepareConversation(ConversationSchema.parse(input));
  return { ...prepared, previous, signal: new AbortController().signal };
}

const CONSOLE = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const;

async function silently<T>(fn: () => Promise<T>): Promise<{ value: T; logged: string[] }> {
  const logged: string[] = [];
  const saved = CONSOLE.map((k) => console[k]);
  const out = process.stdout.write;
  const err = process.stderr.write;
  CONSOLE.forEach((k) => (console[k] = (...a: unknown[]) => void logged.push(`console.${k}: ${a.map(String).join(' ').slice(0, 80)}`)));
  process.stdout.write = ((c: unknown) => {
    logged.push(`stdout: ${String(c).slice(0, 80)}`);
    return true;
  }) as typeof out;
  process.stderr.write = ((c: unknown) => {
    logged.push(`stderr: ${String(c).slice(0, 80)}`);
    return true;
  }) as typeof err;
  try {
    return { value: await fn(), logged };
  } finally {
    CONSOLE.forEach((k, i) => (console[k] = saved[i]!));
    process.stdout.write = out;
    process.stderr.write = err;
  }
}

/**
 * The analyzer conformance suite. Returns a list of problems; an empty list means the
 * analyzer keeps the contract: a lower-case name and a semver version; valid output on every
 * sample (empty, one-sided, multilingual, invalid UTF-16, out-of-order, 460 KB message,
 * 1,000 messages); findings that name the analyzer and point inside the original text; metric
 * keys prefixed with its name; the same output twice; no mutation of its input; no logging.
 *
 * @example
 * import { checkAnalyzerConformance } from '@cxqa/core/testing';
 * expect(await checkAnalyzerConformance(myAnalyzer())).toEqual([]);
 */
export async function checkAnalyzerConformance(analyzer: Analyzer, options: { samples?: ConversationInput[] } = {}): Promise<string[]> {
  const problems: string[] = [];
  if (!/^[a-z][a-z0-9_]*$/.test(analyzer?.name ?? '')) problems.push(`name "${String(analyzer?.name)}" must be lower-case letters, digits or _`);
  if (!/^\d+\.\d+\.\d+(-[\w.]+)?$/.test(analyzer?.version ?? '')) problems.push(`version "${String(analyzer?.version)}" must be semver`);
  if (typeof analyzer?.analyze !== 'function') return [...problems, 'analyze is not a function'];
  for (const sample of options.samples ?? conformanceSamples()) {
    const where = `sample "${String(sample.id)}"`;
    const ctx = await buildAnalyzerContext(sample);
    const before = structuredClone(ctx.conversation);
    let first: AnalyzerOutput;
    let second: AnalyzerOutput;
    try {
      const run = await silently(async () => [await analyzer.analyze(ctx), await analyzer.analyze(ctx)] as const);
      [first, second] = run.value;
      if (run.logged.length) problems.push(`${where}: the analyzer wrote output (${run.logged[0]})`);
    } catch (e) {
      problems.push(`${where}: analyze threw ${(e as Error)?.message ?? String(e)}`);
      continue;
    }
    const bad = checkOutput(first);
    if (bad) {
      problems.push(`${where}: returned ${bad}`);
      continue;
    }
    if (!isDeepStrictEqual(first, second)) problems.push(`${where}: two runs on the same input gave different output`);
    if (!isDeepStrictEqual(before, ctx.conversation)) problems.push(`${where}: the analyzer mutated the conversation`);
    for (const key of Object.keys(first.metrics)) {
      if (!key.startsWith(`${analyzer.name}.`)) problems.push(`${where}: metric "${key}" is not prefixed with "${analyzer.name}."`);
    }
    first.findings.forEach((f, i) => {
      if (f.analyzer !== analyzer.name) problems.push(`${where}: findings[${i}].analyzer is "${f.analyzer}", expected "${analyzer.name}"`);
      if (f.messageIndex !== undefined && f.messageIndex >= ctx.messages.length)
        problems.push(`${where}: findings[${i}].messageIndex ${f.messageIndex} is out of range`);
      if (f.span) {
        const text = f.messageIndex === undefined ? undefined : ctx.messages[f.messageIndex]?.text;
        if (text === undefined) problems.push(`${where}: findings[${i}] has a span but no messageIndex`);
        else if (f.span.start > f.span.end || f.span.end > text.length)
          problems.push(`${where}: findings[${i}].span ${f.span.start}–${f.span.end} is outside the original text (${text.length})`);
      }
    });
  }
  return problems;
}
