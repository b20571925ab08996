import { readFileSync, writeFileSync } from 'node:fs';
import { maskPersonalData, ResultSchema } from '@cxqa/core';
import { calibrateAgainstReviews, formatCalibrationReport, parseHumanReviews, type ResultSummary, summarizeResult } from '@cxqa/eval';
import { UsageError } from '../errors.js';
import { readJsonl } from '../input/jsonl.js';
import type { CliIo } from '../io.js';
import { assertReadableFile, assertWritableFolder } from '../output/sink.js';

export interface CalibrateArgs {
  /** Results JSONL from `cxqa inspect` ("-" = stdin). */
  results: string;
  /** Human reviews, JSONL or CSV. */
  reviews: string;
  json?: string | undefined;
  /** Disagreeing conversations listed (default 20). */
  top: number;
}

/**
 * `cxqa calibrate RESULTS --reviews FILE`: agreement of cxqa's results with human reviewers — κ
 * per verdict and finding code, score MAE and Spearman, confusion tables, the conversations that
 * disagree most. Results are streamed; only the reviewed conversations are kept.
 */
export async function runCalibrate(args: CalibrateArgs, io: CliIo): Promise<number> {
  if (args.results !== '-') assertReadableFile(args.results);
  assertReadableFile(args.reviews, '--reviews');
  if (args.json) assertWritableFolder('--json', args.json);
  const reviews = parseHumanReviews(readFileSync(args.reviews, 'utf8'), args.reviews);
  const wanted = new Set(reviews.map((r) => r.conversationId));
  const kept: ResultSummary[] = [];
  const seenAt = new Map<string, number>();
  let results = 0;
  for await (const record of readJsonl(args.results, io.stdin)) {
    const where = `${args.results}:${record.line}`;
    if ('error' in record) throw new UsageError(`${where}: ${maskPersonalData(record.error)} (RESULTS is the JSONL cxqa inspect writes)`);
    const parsed = ResultSchema.safeParse(record.value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new UsageError(`${where}: not a cxqa Result: ${issue.path.join('.') || '(root)'}: ${maskPersonalData(issue.message)}`);
    }
    results++;
    const id = parsed.data.conversationId;
    if (id === null || !wanted.has(id)) continue;
    const earlier = seenAt.get(id);
    if (earlier !== undefined)
      throw new UsageError(`${where}: conversation ${maskPersonalData(id, { digitRuns: 'formatted' })} has a result on line ${earlier} already`);
    seenAt.set(id, record.line);
    kept.push(summarizeResult(parsed.data));
  }
  if (!results) throw new UsageError(`${args.results}: no results (RESULTS is the JSONL cxqa inspect writes)`);
  const report = calibrateAgainstReviews(kept, reviews, { top: args.top });
  io.stdout.write(`${formatCalibrationReport(report)}\n`);
  if (args.json) writeFileSync(args.json, `${JSON.stringify(report, null, 2)}\n`);
  return 0;
}
