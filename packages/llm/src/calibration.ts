import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type ConversationInput, CxqaError, createInspector, parseCsv, type Result } from '@cxqa/core';
import { cohensKappa } from '@cxqa/eval';
import { type LlmJudgeAnalyzer, type LlmJudgeOptions, llmJudgeAnalyzer } from './judge.js';
import type { QuestionSet } from './questions.js';

/** One human answer: conversation, question, answer (`yes` / `no` / `na` or `1`–`5`). */
export interface CalibrationLabel {
  conversationId: string;
  questionId: string;
  answer: string;
}

/** Per question: how the judge's answers compare with the human ones. */
export interface QuestionCalibration {
  questionId: string;
  /** Human labels for this question. */
  labelled: number;
  /** Labels the judge answered with a verified answer (or na): what accuracy and κ are computed on. */
  compared: number;
  /** compared / labelled. */
  coverage: number;
  /** Judge left it unverified, missing, or the conversation failed. */
  unanswered: number;
  accuracy: number | null;
  /** Cohen's κ on the compared pairs; null when undefined (no pairs, or one category only on both sides). */
  kappa: number | null;
  /** Answer categories, the order of the matrix rows (human) and columns (judge). */
  categories: string[];
  confusion: number[][];
}

export interface CalibrationReport {
  questions: QuestionCalibration[];
  overall: { labelled: number; compared: number; accuracy: number | null };
}

/** Read labels from CSV (`conversation_id,question_id,answer` header) or JSONL (`{conversationId, questionId, answer}`). */
export function parseLabels(text: string, file = '(inline)'): CalibrationLabel[] {
  const trimmed = text.replace(/^\uFEFF/, '').trimStart();
  const out: CalibrationLabel[] = [];
  if (trimmed.startsWith('{')) {
    text.split(/\r?\n/).forEach((line, i) => {
      if (!line.trim()) return;
      let o: Record<string, unknown>;
      try {
        o = JSON.parse(line) as Record<string, unknown>;
      } catch {
        throw new CxqaError('input_unreadable', `${file}:${i + 1}: not JSON`, { path: [file, i + 1] });
      }
      const c = o.conversationId ?? o.conversation_id;
      const q = o.questionId ?? o.question_id;
      if (typeof c !== 'string' || typeof q !== 'string' || typeof o.answer !== 'string')
        throw new CxqaError('input_unreadable', `${file}:${i + 1}: needs string conversationId, questionId and answer`, { path: [file, i + 1] });
      out.push({ conversationId: c, questionId: q, answer: o.answer.trim().toLowerCase() });
    });
    return out;
  }
  const rows = parseCsv(text);
  const head = rows[0]?.cells.map((c) => c.trim().toLowerCase()) ?? [];
  const ci = head.indexOf('conversation_id');
  const qi = head.indexOf('question_id');
  const ai = head.indexOf('answer');
  if (ci < 0 || qi < 0 || ai < 0)
    throw new CxqaError('input_unreadable', `${file}:1: the header must name conversation_id, question_id and answer`, { path: [file, 1] });
  for (const r of rows.slice(1)) {
    const [c, q, a] = [r.cells[ci]?.trim(), r.cells[qi]?.trim(), r.cells[ai]?.trim().toLowerCase()];
    if (!c || !q || !a)
      throw new CxqaError('input_unreadable', `${file}:${r.line}: a row needs conversation_id, question_id and answer`, { path: [file, r.line] });
    out.push({ conversationId: c, questionId: q, answer: a });
  }
  return out;
}

export { cohensKappa };

const ANSWERED = /^(yes|no|na|[1-5])$/;

/**
 * Compare the judge's answers with human labels: per question accuracy, Cohen's κ and the confusion
 * matrix (rows human, columns judge) over pairs where both answered; unverified or missing judge
 * answers lower coverage instead.
 *
 * @example
 * const report = calibrate(labels, (conversationId, questionId) => answers.get(conversationId)?.[questionId]);
 */
export function calibrate(
  labels: readonly CalibrationLabel[],
  predicted: (conversationId: string, questionId: string) => string | undefined,
  questionSet?: QuestionSet,
): CalibrationReport {
  const ids = [...new Set(labels.map((l) => l.questionId))];
  const questions = ids.map((id): QuestionCalibration => {
    const mine = labels.filter((l) => l.questionId === id);
    const pairs = mine.map((l) => [l.answer, predicted(l.conversationId, id)] as const);
    const compared = pairs.filter((p): p is readonly [string, string] => p[1] !== undefined && ANSWERED.test(p[1]));
    const kind = questionSet?.questions.find((q) => q.id === id)?.answer;
    const base = kind === 'yes_no' ? ['yes', 'no', 'na'] : kind === 'scale' ? ['1', '2', '3', '4', '5', 'na'] : [];
    const categories = [...new Set([...base, ...compared.flat()])];
    const confusion = categories.map(() => categories.map(() => 0));
    for (const [h, j] of compared) confusion[categories.indexOf(h)]![categories.indexOf(j)]!++;
    const agree = compared.filter(([h, j]) => h === j).length;
    return {
      questionId: id,
      labelled: mine.length,
      compared: compared.length,
      coverage: mine.length ? compared.length / mine.length : 0,
      unanswered: mine.length - compared.length,
      accuracy: compared.length ? agree / compared.length : null,
      kappa: cohensKappa(confusion),
      categories,
      confusion,
    };
  });
  const labelled = questions.reduce((s, q) => s + q.labelled, 0);
  const compared = questions.reduce((s, q) => s + q.compared, 0);
  const agree = questions.reduce((s, q) => s + q.confusion.reduce((a, r, k) => a + r[k]!, 0), 0);
  return { questions, overall: { labelled, compared, accuracy: compared ? agree / compared : null } };
}

/** The judge's answer to each question of a result, from its `llm.answer.<id>` metrics. */
export function answersOf(result: Result, name = 'llm'): Record<string, string> {
  const prefix = `${name}.answer.`;
  return Object.fromEntries(
    Object.entries(result.metrics)
      .filter(([k, v]) => k.startsWith(prefix) && typeof v === 'string')
      .map(([k, v]) => [k.slice(prefix.length), v as string]),
  );
}

export interface CalibrationRunOptions {
  /** Conversations: a JSONL path or the inputs. */
  conversations: string | readonly ConversationInput[];
  /** Labels: a CSV/JSONL path or the labels. */
  labels: string | readonly CalibrationLabel[];
  /** The judge, or options to build one. */
  judge: LlmJudgeAnalyzer | LlmJudgeOptions;
  /** Fail (`ok: false`) when a question's κ is below this (default: no threshold). */
  minKappa?: number;
  /** Fail when a question's coverage is below this (default: no threshold). */
  minCoverage?: number;
}

export interface CalibrationRun extends CalibrationReport {
  ok: boolean;
  failures: string[];
  /** Conversations whose judging failed (partial results): id → issue. */
  failed: Record<string, string>;
  text: string;
}

/**
 * Eval-style runner: judge every labelled conversation, compare with the human answers, and say
 * whether the thresholds hold. Conversations are judged through the pipeline, so a failing request
 * counts as unanswered, not as a crash.
 *
 * @example
 * const run = await runCalibration({ conversations: 'fixtures/calibration/conversations.jsonl', labels: 'fixtures/calibration/labels.csv', judge: { baseURL, model: 'gpt-4o-mini' }, minKappa: 0.6 });
 * console.log(run.text);
 */
export async function runCalibration(options: CalibrationRunOptions): Promise<CalibrationRun> {
  const judge = 'analyze' in options.judge ? options.judge : llmJudgeAnalyzer(options.judge);
  const labels = typeof options.labels === 'string' ? parseLabels(readFileSync(options.labels, 'utf8'), options.labels) : options.labels;
  const conversations: ConversationInput[] =
    typeof options.conversations === 'string'
      ? readFileSync(options.conversations, 'utf8')
          .split(/\r?\n/)
          .filter((l) => l.trim())
          .map((l, i) => {
            try {
              return JSON.parse(l) as ConversationInput;
            } catch {
              throw new CxqaError('input_unreadable', `${options.conversations as string}:${i + 1}: not JSON`);
            }
          })
      : [...options.conversations];
  const wanted = new Set(labels.map((l) => l.conversationId));
  const inspector = createInspector({ analyzers: [judge], timeLimitMs: 600_000 });
  const answers = new Map<string, Record<string, string>>();
  const failed: Record<string, string> = {};
  for await (const r of inspector.inspectMany(conversations.filter((c) => wanted.has(c.id)))) {
    answers.set(r.conversationId ?? '', answersOf(r, judge.name));
    const issue = r.issues.find((i) => i.analyzer === judge.name);
    if (issue) failed[r.conversationId ?? ''] = issue.message;
  }
  const report = calibrate(labels, (c, q) => answers.get(c)?.[q], judge.questionSet);
  const failures: string[] = [];
  for (const q of report.questions) {
    if (options.minKappa !== undefined && (q.kappa ?? -1) < options.minKappa)
      failures.push(`${q.questionId}: κ ${q.kappa?.toFixed(2) ?? 'undefined'} < ${options.minKappa}`);
    if (options.minCoverage !== undefined && q.coverage < options.minCoverage)
      failures.push(`${q.questionId}: coverage ${q.coverage.toFixed(2)} < ${options.minCoverage}`);
  }
  return { ...report, ok: failures.length === 0, failures, failed, text: formatCalibration(report, judge.model) };
}

/** A plain-text table of a calibration report. */
export function formatCalibration(report: CalibrationReport, model = ''): string {
  const f = (x: number | null) => (x === null ? '  —  ' : x.toFixed(2).padStart(5));
  const lines = [
    `calibration${model ? ` of ${model}` : ''}: ${report.overall.compared}/${report.overall.labelled} labels compared, accuracy ${f(report.overall.accuracy).trim()}`,
    'question              n  covered  accuracy  kappa',
  ];
  for (const q of report.questions)
    lines.push(`${q.questionId.padEnd(20)} ${String(q.labelled).padStart(2)}  ${String(q.compared).padStart(7)}  ${f(q.accuracy).padStart(8)}  ${f(q.kappa)}`);
  return lines.join('\n');
}

/** The shipped labelled fixture for the default questions: 8 conversations (en de zh fr es), 48 human answers. */
export const CALIBRATION_FIXTURE = {
  conversations: fileURLToPath(new URL('../fixtures/calibration/conversations.jsonl', import.meta.url)),
  labels: fileURLToPath(new URL('../fixtures/calibration/labels.csv', import.meta.url)),
};
