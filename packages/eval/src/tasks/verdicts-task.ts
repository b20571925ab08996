import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInspector, type Finding, type Result } from '@cxqa/core';
import { lines } from '../corpora/read.js';
import type { EvalRow } from '../report.js';
import type { EvalTask } from './task.js';

const CORPUS = 'fixtures/verdicts';

/** One line of fixtures/verdicts/<language>.jsonl. */
export interface VerdictFixture {
  id: string;
  language: string;
  kind: string;
  verdict: 'pass' | 'fail';
  review?: boolean;
  conversation: { id: string; messages: { role: string; text: string }[] } & Record<string, unknown>;
  expect: { conduct: { code: string; messageIndex: number; quote: string }[] };
}

/** Codes that name agent misconduct (what a bad-service fixture must be failed with). */
export const CONDUCT_CODE = /^(?:politeness\.|culture\.(?:informal|formal)_address$|sensitive\.)/;

export interface VerdictOutcome {
  fixture: VerdictFixture;
  result: Result;
  /** The verdict cxqa gives. */
  got: 'pass' | 'fail';
  /** For bad service: a conduct finding on the expected message whose span overlaps the quote. */
  caught: Finding | null;
}

/** Judge one fixture: the verdict and, for bad service, the finding that names the misconduct. */
export function judgeVerdict(fixture: VerdictFixture, result: Result): VerdictOutcome {
  const got = result.pass === false ? 'fail' : 'pass';
  let caught: Finding | null = null;
  for (const e of fixture.expect.conduct) {
    const text = fixture.conversation.messages[e.messageIndex]?.text ?? '';
    const at = text.indexOf(e.quote);
    const end = at + e.quote.length;
    caught ??=
      result.findings.find(
        (f) => CONDUCT_CODE.test(f.code) && f.messageIndex === e.messageIndex && (!f.span || (at >= 0 && f.span.start < end && at < f.span.end)),
      ) ?? null;
  }
  return { fixture, result, got, caught };
}

/** Rows for one group of judged fixtures. */
export function verdictRows(outcomes: readonly VerdictOutcome[], subset?: string): EvalRow[] {
  const bad = outcomes.filter((o) => o.fixture.verdict === 'fail');
  const good = outcomes.filter((o) => o.fixture.verdict === 'pass');
  const reviewed = outcomes.filter((o) => o.fixture.review !== undefined);
  const share = (list: readonly VerdictOutcome[], f: (o: VerdictOutcome) => boolean) => (list.length ? list.filter(f).length / list.length : Number.NaN);
  const r4 = (x: number) => Math.round(x * 10_000) / 10_000;
  const row = (metric: string, value: number, n: number): EvalRow => ({
    task: 'verdicts',
    corpus: CORPUS,
    ...(subset ? { subset } : {}),
    metric,
    value: r4(value),
    n,
  });
  return [
    row(
      'accuracy',
      share(outcomes, (o) => o.got === o.fixture.verdict),
      outcomes.length,
    ),
    row(
      'bad_failed_with_span',
      share(bad, (o) => o.got === 'fail' && o.caught !== null),
      bad.length,
    ),
    row(
      'good_passed',
      share(good, (o) => o.got === 'pass'),
      good.length,
    ),
    row(
      'code_agreement',
      share(
        bad.filter((o) => o.caught),
        (o) => o.fixture.expect.conduct.some((e) => e.code === o.caught!.code),
      ),
      bad.filter((o) => o.caught).length,
    ),
    row(
      'review_agreement',
      share(reviewed, (o) => o.result.review.needed === o.fixture.review),
      reviewed.length,
    ),
  ];
}

/** Read every fixtures/verdicts/*.jsonl (or null when the folder is absent). */
export function loadVerdictFixtures(fixturesDir: string): VerdictFixture[] | null {
  const dir = join(fixturesDir, 'verdicts');
  if (!existsSync(dir)) return null;
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .flatMap((f) => lines(readFileSync(join(dir, f), 'utf8')).map((l) => JSON.parse(l) as VerdictFixture));
}

/**
 * `verdicts` on fixtures/verdicts (whole conversations written and labelled by an independent QA
 * reader who never saw the rules): does the default inspector pass good service and fail bad
 * service with a conduct finding that names the span? Rows overall and per language: verdict
 * accuracy, bad service failed with the span, good service passed, code agreement, review agreement.
 */
export const verdictsTask: EvalTask = {
  name: 'verdicts',
  async run({ fixturesDir }) {
    const fixtures = loadVerdictFixtures(fixturesDir);
    if (!fixtures) return { rows: [], evaluated: [], skipped: [CORPUS], notes: [] };
    const inspector = createInspector();
    const outcomes: VerdictOutcome[] = [];
    for (const f of fixtures) outcomes.push(judgeVerdict(f, await inspector.inspect(f.conversation)));
    const rows = verdictRows(outcomes);
    for (const language of [...new Set(fixtures.map((f) => f.language))])
      rows.push(
        ...verdictRows(
          outcomes.filter((o) => o.fixture.language === language),
          language,
        ),
      );
    const notes = outcomes
      .filter((o) => o.got !== o.fixture.verdict || (o.fixture.verdict === 'fail' && !o.caught))
      .map(
        (o) =>
          `${o.fixture.id} (${o.fixture.kind}): expected ${o.fixture.verdict}, got ${o.got} (score ${o.result.score}) — ${
            o.result.findings
              .filter((f) => f.severity !== 'info')
              .map((f) => `${f.code}@${f.messageIndex ?? '-'}`)
              .join(', ') || 'no findings'
          }`,
      );
    return { rows, evaluated: [CORPUS], skipped: [], notes };
  },
};
