import type { EvalRow } from '../report.js';

export interface TaskContext {
  /** Directory holding corpus folders (e.g. ../shared/corpora). */
  corporaDir: string;
  /** The project's fixtures directory. */
  fixturesDir: string;
}

export interface TaskOutcome {
  rows: EvalRow[];
  /** Corpora (folder names or `fixtures/<name>`) this run actually evaluated. */
  evaluated: string[];
  /** Corpora the task looked for and did not find. */
  skipped: string[];
  /** Human-readable details, e.g. the mismatches behind a metric below 1. */
  notes: string[];
}

/** An evaluation task: loads what it needs, runs the analyzer, returns metric rows. */
export interface EvalTask {
  readonly name: string;
  run(context: TaskContext): Promise<TaskOutcome>;
}
