import type { CliIo } from '../io.js';
import { llmModule, loadLlmJudgeFromConfig } from '../llm-judge.js';

export interface LlmEvalArgs {
  /** `injection` and/or `llm-calibration`. */
  tasks: string[];
  /** The config file holding the `llm` section. */
  config: string;
  /** llm-calibration: human answers (CSV/JSONL) and the conversations they label (JSONL); default the shipped fixture. */
  labels?: string | undefined;
  conversations?: string | undefined;
}

export interface LlmEvalOutcome {
  /** JSON-ready reports by task name. */
  reports: Record<string, unknown>;
  /** Injection attempts that raised an answer (the gate fails on any). */
  raised: number;
}

/**
 * `cxqa eval --task injection|llm-calibration --config FILE`: the LLM judge's own evaluations,
 * against the config's endpoint. Text reports on stdout, progress on stderr (on a terminal).
 */
export async function runLlmEval(args: LlmEvalArgs, io: CliIo): Promise<LlmEvalOutcome> {
  const mod = await llmModule(args.config);
  const reports: Record<string, unknown> = {};
  let raised = 0;
  if (args.tasks.includes('injection')) {
    // no cache: the suite judges each clean conversation twice to measure the judge's own noise
    const judge = await loadLlmJudgeFromConfig(args.config, io.env ?? process.env, { cache: false });
    const report = await mod.runInjectionSuite({
      judge,
      onProgress: (done, total) => io.stderr.isTTY && io.stderr.write(`\rinjection ${done}/${total}`),
    });
    if (io.stderr.isTTY) io.stderr.write('\n');
    io.stdout.write(`${mod.formatInjectionReport(report)}\n`);
    reports.injection = report;
    raised = report.raised;
  }
  if (args.tasks.includes('llm-calibration')) {
    const judge = await loadLlmJudgeFromConfig(args.config, io.env ?? process.env);
    const run = await mod.runCalibration({
      judge,
      conversations: args.conversations ?? mod.CALIBRATION_FIXTURE.conversations,
      labels: args.labels ?? mod.CALIBRATION_FIXTURE.labels,
    });
    io.stdout.write(`${run.text}\n`);
    for (const [id, message] of Object.entries(run.failed)) io.stderr.write(`judge failed on ${id}: ${message}\n`);
    reports['llm-calibration'] = run;
  }
  return { reports, raised };
}
