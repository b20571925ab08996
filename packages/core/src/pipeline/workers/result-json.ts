import type { Result } from '../validate/result.js';

/** The fields of a Result a caller counts or tests (summaries, `--fail-on`) without parsing its JSON. */
export interface ResultTally {
  status: Result['status'];
  score: Result['score'];
  pass: Result['pass'];
  /** `result.review.needed`. */
  reviewNeeded: boolean;
  /** `result.findings[].code`, in order. */
  findingCodes: string[];
}

/**
 * A Result as its JSON text (`JSON.stringify(result)`, one line, already masked like every
 * Result) and its tally. What `InspectorPool.inspectJson` answers: a worker thread serializes the
 * Result itself, so the main thread neither clones the object graph back nor stringifies it.
 */
export interface ResultJson {
  json: string;
  tally: ResultTally;
}

/** The tally of one Result. */
export function tallyOf(result: Result): ResultTally {
  return {
    status: result.status,
    score: result.score,
    pass: result.pass,
    reviewNeeded: result.review?.needed === true,
    findingCodes: result.findings.map((f) => f.code),
  };
}

/** `result` as JSON text with its tally. */
export function resultJson(result: Result): ResultJson {
  return { json: JSON.stringify(result), tally: tallyOf(result) };
}
