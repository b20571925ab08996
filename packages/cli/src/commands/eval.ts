import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { checkThresholds, type EvalReport, formatTable, loadThresholds, runEvaluation, THRESHOLDS_PATH } from '@cxqa/eval';
import type { CliIo } from '../io.js';
import { assertReadableFile, assertWritableFolder } from '../output/sink.js';
import { LLM_EVAL_TASKS } from '../usage.js';
import { runLlmEval } from './eval-llm.js';

export interface EvalArgs {
  corpora: string;
  fixtures: string;
  json?: string | undefined;
  thresholds?: string | undefined;
  tasks: string[];
  /** Report only: do not fail on thresholds. */
  noGate: boolean;
  /** Exit 0 even when nothing was measured (no corpus and no fixture found). */
  allowEmpty?: boolean;
  /** Config file with an `llm` section, for the LLM tasks. */
  config?: string;
  /** llm-calibration's labels and conversations (default: the shipped fixture). */
  labels?: string;
  conversations?: string;
}

/**
 * `cxqa eval`: run every task on what is present, print a table, enforce thresholds. A run that
 * measured nothing fails (exit 1) unless `allowEmpty`: a gate that checked nothing is not a pass.
 */
export async function runEval(args: EvalArgs, io: CliIo): Promise<number> {
  if (args.json) assertWritableFolder('--json', args.json);
  const llmTasks = args.tasks.filter((t) => (LLM_EVAL_TASKS as readonly string[]).includes(t));
  if (llmTasks.length) {
    const offline = args.tasks.filter((t) => !llmTasks.includes(t));
    const llm = await runLlmEval({ tasks: llmTasks, config: args.config!, labels: args.labels, conversations: args.conversations }, io);
    if (args.json && !offline.length) writeFileSync(args.json, `${JSON.stringify(llm.reports, null, 2)}\n`);
    if (llm.raised && !args.noGate) io.stderr.write(`FAIL injection: ${llm.raised} answers raised by injected text\n`);
    const llmCode = llm.raised && !args.noGate ? 1 : 0;
    if (!offline.length) return llmCode;
    return Math.max(llmCode, await runEval({ ...args, tasks: offline, ...(args.json ? { json: args.json } : {}) }, io));
  }
  if (args.thresholds && !args.noGate) assertReadableFile(args.thresholds, '--thresholds');
  const corporaDir = resolve(args.corpora);
  const fixturesDir = resolve(args.fixtures);
  const evaluation = await runEvaluation({
    corporaDir,
    fixturesDir,
    tasks: args.tasks,
    onTask: (name) => io.stderr.isTTY && io.stderr.write(`running ${name}…\n`),
  });
  if (evaluation.rows.length === 0 && !args.allowEmpty) {
    const tasks = args.tasks.length ? ` for --task ${args.tasks.join(', ')}` : '';
    io.stderr.write(
      `cxqa eval: nothing was measured${tasks}: no corpus found in ${corporaDir} and no fixtures in ${fixturesDir} (pass --allow-empty to accept an empty run)\n`,
    );
    return 1;
  }
  io.stdout.write(`${formatTable(evaluation.rows)}\n`);
  if (evaluation.skipped.length) io.stderr.write(`skipped (not found): ${evaluation.skipped.join(', ')}\n`);
  for (const note of evaluation.notes) io.stderr.write(`note: ${note}\n`);
  if (args.json) {
    const report: EvalReport = { results: evaluation.rows };
    writeFileSync(args.json, `${JSON.stringify(report, null, 2)}\n`);
  }
  if (args.noGate) return 0;
  const thresholdsPath = args.thresholds ?? THRESHOLDS_PATH;
  const relevant = loadThresholds(thresholdsPath).filter((t) => !args.tasks.length || args.tasks.includes(t.task));
  const failures = checkThresholds(evaluation.rows, relevant, evaluation.evaluated);
  for (const f of failures) {
    const t = f.threshold;
    const bound = t.min !== undefined && (f.value === null || f.value < t.min) ? `< ${t.min}` : `> ${t.max}`;
    io.stderr.write(`FAIL ${t.task} ${t.corpus}${t.subset ? `/${t.subset}` : ''} ${t.metric}: ${f.value === null ? 'missing' : f.value.toFixed(4)} ${bound}\n`);
  }
  const checked = relevant.filter((t) => evaluation.evaluated.has(t.corpus)).length;
  io.stderr.write(`${checked - failures.length} passed, ${failures.length} failed (thresholds in ${thresholdsPath})\n`);
  return failures.length ? 1 : 0;
}
