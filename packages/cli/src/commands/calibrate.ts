import { readFileSync, writeFileSync } from 'node:fs';
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
  let unreadable = 0;
  for await (const record of readJsonl(args.results, io.stdin)) {
    if ('error' in record) {
      unreadable++;
      continue;
    }
    const r = record.value as Parameters<typeof summarizeResult>[0] | null;
    if (!r || typeof r !== 'object' || !Array.isArray(r.findings) || !Array.isArray(r.dimensions))
      throw new UsageError(`${args.results}:${record.line}: not a cxqa Result (no findings or dimensions)`);
    if (r.conversationId !== null && wanted.has(r.conversationId)) kept.push(summarizeResult(r));
  }
  if (unreadable) io.stderr.write(`${unreadable} result lines were not JSON and were skipped\n`);
  const report = calibrateAgainstReviews(kept, reviews, { top: args.top });
  io.stdout.write(`${formatCalibrationReport(report)}\n`);
  if (args.json) writeFileSync(args.json, `${JSON.stringify(report, null, 2)}\n`);
  return 0;
}
