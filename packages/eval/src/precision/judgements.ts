import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Finding } from '@cxqa/core';
import { lines } from '../corpora/read.js';

/**
 * One finding read in its conversation by someone who did not write the rule that produced it:
 * a line of `fixtures/precision/*.jsonl`. The conversation text stays in the corpus (cited by id).
 */
export interface Judgement {
  /** Corpus folder, e.g. `satisfaction-stc3-dev` or `conv-abcd`. */
  corpus: string;
  conversationId: string;
  code: string;
  messageIndex: number | null;
  /** Span start, for codes that report every value (`pii.*`); null otherwise. */
  spanStart: number | null;
  /** The severity the finding had when judged. */
  severity: string;
  verdict: 'right' | 'wrong';
  /** Why, in a few words (no personal data). */
  reason: string;
  /** Who judged (an id, not a name), and when. */
  judge: string;
  date: string;
  /** `dev`: read while fixing rules; `report`: judged after the fixes, the published figures. */
  round: 'dev' | 'report';
}

const PER_VALUE = /^pii\./;

/** The key that ties a finding to its judgement: conversation, code, message (and span start for `pii.*`). */
export function findingKey(conversationId: string, f: Pick<Finding, 'code' | 'messageIndex' | 'span'>): string {
  return [conversationId, f.code, f.messageIndex ?? '-', PER_VALUE.test(f.code) ? (f.span?.start ?? '-') : ''].join('|');
}

/** The same key for a stored judgement. */
export function judgementKey(j: Judgement): string {
  return [j.conversationId, j.code, j.messageIndex ?? '-', PER_VALUE.test(j.code) ? (j.spanStart ?? '-') : ''].join('|');
}

/**
 * Every finding judgement in `<fixturesDir>/precision/judgements-*.jsonl`, or null when the folder
 * is absent. Other files there hold other judgements (`review-uneasy.jsonl`: whether a thread
 * needs review) and are not findings' verdicts.
 */
export function loadJudgements(fixturesDir: string): Judgement[] | null {
  const dir = join(fixturesDir, 'precision');
  if (!existsSync(dir)) return null;
  return readdirSync(dir)
    .filter((f) => f.startsWith('judgements-') && f.endsWith('.jsonl'))
    .sort()
    .flatMap((f) => lines(readFileSync(join(dir, f), 'utf8')).map((l) => JSON.parse(l) as Judgement));
}
