import type { EvalRow } from './report.js';
import { blindTask } from './tasks/blind-task.js';
import { conversationSentimentTask } from './tasks/conversation-sentiment-task.js';
import { courtesyTask } from './tasks/courtesy-task.js';
import { kbAnswerTask, kbFixturesTask, kbRetrievalTask, similarityTask } from './tasks/kb-tasks.js';
import { langidTask } from './tasks/langid-task.js';
import { moodTask } from './tasks/mood-task.js';
import { offensiveTask } from './tasks/offensive-task.js';
import { piiTask } from './tasks/pii-task.js';
import { politenessTask } from './tasks/politeness-task.js';
import { precisionTask } from './tasks/precision-task.js';
import { satisfactionTask, satisfactionTuneTask } from './tasks/satisfaction-task.js';
import { sensitiveTask } from './tasks/sensitive-task.js';
import { sentimentTask } from './tasks/sentiment-task.js';
import type { EvalTask, TaskContext } from './tasks/task.js';
import { timingTask } from './tasks/timing-task.js';
import { verdictsTask } from './tasks/verdicts-task.js';

/** Every task `cxqa eval` knows, in report order. */
export const EVAL_TASKS: readonly EvalTask[] = [
  langidTask,
  timingTask,
  piiTask,
  sensitiveTask,
  offensiveTask,
  sentimentTask,
  moodTask,
  conversationSentimentTask,
  politenessTask,
  courtesyTask,
  kbFixturesTask,
  kbRetrievalTask,
  kbAnswerTask,
  similarityTask,
  satisfactionTask,
  satisfactionTuneTask,
  verdictsTask,
  precisionTask,
  blindTask,
];

export interface EvaluationOptions extends TaskContext {
  /** Only run tasks with these names. */
  tasks?: readonly string[];
  /** Called before each task starts (progress). */
  onTask?: (name: string) => void;
}

export interface Evaluation {
  rows: EvalRow[];
  evaluated: Set<string>;
  skipped: string[];
  notes: string[];
}

/**
 * Run the evaluation tasks against whatever corpora and fixtures are present.
 *
 * @example
 * const { rows } = await runEvaluation({ corporaDir: '../shared/corpora', fixturesDir: 'fixtures', tasks: ['langid'] });
 */
export async function runEvaluation(options: EvaluationOptions): Promise<Evaluation> {
  const selected = options.tasks?.length ? EVAL_TASKS.filter((t) => options.tasks!.includes(t.name)) : EVAL_TASKS;
  const out: Evaluation = { rows: [], evaluated: new Set(), skipped: [], notes: [] };
  for (const task of selected) {
    options.onTask?.(task.name);
    const r = await task.run(options);
    out.rows.push(...r.rows);
    r.evaluated.forEach((c) => out.evaluated.add(c));
    out.skipped.push(...r.skipped.filter((s) => !out.skipped.includes(s)));
    out.notes.push(...r.notes);
  }
  return out;
}
