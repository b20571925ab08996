import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { calibrateAgainstReviews, cohensKappa, parseHumanReviews, summarizeResult } from '../src/index.js';

// `cxqa calibrate` (issue 15 item 3): every figure below computed by hand from
// fixtures/calibration/{results.jsonl, reviews.csv} (see docs/calibration.md).

const DIR = join(import.meta.dirname, '..', '..', '..', 'fixtures', 'calibration');
const results = readFileSync(join(DIR, 'results.jsonl'), 'utf8')
  .trim()
  .split('\n')
  .map((l) => summarizeResult(JSON.parse(l)));
const reviews = parseHumanReviews(readFileSync(join(DIR, 'reviews.csv'), 'utf8'), 'reviews.csv');
const report = calibrateAgainstReviews(results, reviews);

describe('calibrateAgainstReviews on the fixture', () => {
  it('pairs each review with its result; a review without a result is named', () => {
    expect(reviews).toHaveLength(12);
    expect(report.compared).toBe(11);
    expect(report.missingResults).toEqual(['amz-0000']);
  });

  it('verdict: confusion [[4,1],[3,3]], agreement 7/11, κ = (7/11 − 59/121) / (1 − 59/121)', () => {
    expect(report.verdict.confusion).toEqual([
      [4, 1],
      [3, 3],
    ]);
    expect(report.verdict.agreement).toBeCloseTo(7 / 11, 10);
    expect(report.verdict.kappa).toBeCloseTo((7 / 11 - 59 / 121) / (1 - 59 / 121), 10);
  });

  it('score: MAE 253.5 / 11 and Spearman 54 / √(110 × 109) on tied ranks', () => {
    expect(report.score.n).toBe(11);
    expect(report.score.mae).toBeCloseTo(253.5 / 11, 6);
    expect(report.score.spearman).toBeCloseTo(54 / Math.sqrt(110 * 109), 6);
  });

  it('codes: κ, precision and recall per labelled code; a prefix label (policy.*) matches any code under it', () => {
    const closing = report.codes['script.missing_closing']!;
    expect(closing.confusion).toEqual([
      [1, 0],
      [2, 1],
    ]);
    expect(closing.kappa).toBeCloseTo(0.2, 10);
    expect(closing.precision).toBeCloseTo(1 / 3, 10);
    expect(closing.recall).toBe(1);
    const apology = report.codes['script.missing_apology']!;
    expect(apology.kappa).toBe(0);
    expect(apology.precision).toBe(0);
    expect(apology.recall).toBeNull(); // never labelled present
    expect(report.codes['policy.*']!.confusion).toEqual([
      [1, 0],
      [0, 1],
    ]);
    expect(report.codes['timing.first_response_breach']!.kappa).toBe(1);
    expect(report.codes['timing.no_agent_response']!.kappa).toBeNull(); // one pair: chance agreement is 1
  });

  it('lists the reviews that disagree most: |Δscore| / 100 + 1 per verdict + 0.5 per code', () => {
    expect(report.disagreements.slice(0, 5).map((d) => [d.conversationId, d.reviewer, d.weight])).toEqual([
      ['shopify-8008', 'ann', 1.763],
      ['ebay-4004', 'ann', 1.243],
      ['amz-7007', 'ann', 1.166],
      ['wa-5005', 'ann', 1.137],
      ['shopify-2002', 'bo', 1.127],
    ]);
    expect(report.disagreements[2]!.codes).toEqual(['+script.missing_apology', '+script.missing_closing']);
  });
});

describe('human reviews', () => {
  it('JSONL and CSV give the same reviews; dimensions are compared by name', () => {
    const jsonl = parseHumanReviews(
      '{"conversationId":"amz-1001","reviewer":"ann","pass":true,"score":95,"dimensions":{"courtesy":90,"timeliness":80},"findings":{"script.missing_greeting":false}}\n',
      'r.jsonl',
    );
    const r = calibrateAgainstReviews(results, jsonl);
    expect(r.dimensions).toEqual({ courtesy: { n: 1, mae: 10, spearman: null }, timeliness: { n: 1, mae: 20, spearman: null } });
    expect(r.codes['script.missing_greeting']!.confusion).toEqual([
      [0, 0],
      [0, 1],
    ]);
  });

  it('bad input names the file, line and field', () => {
    expect(() => parseHumanReviews('conversation_id,pass\nc1,maybe\n', 'r.csv')).toThrow('r.csv:2: pass: "maybe" is not yes/no/true/false/1/0');
    expect(() => parseHumanReviews('conversation_id,score\nc1,140\n', 'r.csv')).toThrow('r.csv:2: score: "140" is not a number from 0 to 100');
    expect(() => parseHumanReviews('id,pass\nc1,yes\n', 'r.csv')).toThrow('r.csv:1: the CSV header needs conversation_id');
    expect(() => parseHumanReviews('conversation_id,code\nc1,pii.phone\n', 'r.csv')).toThrow('r.csv:2: present: code pii.phone needs present yes or no');
    expect(() => parseHumanReviews('{"conversationId":"c1"}\n{"conversationId":"c2","score":"high"}\n', 'r.jsonl')).toThrow(/r\.jsonl:2: score: /);
    expect(() => parseHumanReviews('{"conversationId":"c1","findings":{"Bad Code":true}}\n', 'r.jsonl')).toThrow(/r\.jsonl:1: findings.Bad Code/);
  });

  it('rejects what would be read wrong, naming the file and line: BOMs are fine, arrays, repeats, conflicts, short rows and other number notations are not', () => {
    expect(parseHumanReviews('\uFEFF{"conversationId":"c1","pass":true}\n', 'r.jsonl')).toEqual([{ conversationId: 'c1', pass: true }]);
    expect(() => parseHumanReviews('[{"conversationId":"c1"}]', 'r.jsonl')).toThrow(
      'r.jsonl:1: a JSON array: write one review object per line (JSONL), or CSV',
    );
    expect(() =>
      parseHumanReviews('{"conversationId":"c1","reviewer":"bo","pass":true}\n{"conversationId":"c1","reviewer":"bo","pass":false}\n', 'r.jsonl'),
    ).toThrow('r.jsonl: review 2 repeats review 1 (conversation c1, reviewer bo)');
    expect(() => parseHumanReviews('conversation_id,reviewer,pass\nc1,bo,yes\nc1,bo,no\n', 'r.csv')).toThrow(
      'r.csv:3: pass: this conversation and reviewer already have the other verdict',
    );
    expect(() => parseHumanReviews('conversation_id,reviewer,pass,score\nc1,bo,yes\n', 'r.csv')).toThrow('r.csv:2: 3 cells under a header of 4 columns');
    expect(() => parseHumanReviews('conversation_id,verdict\nc1,yes\n', 'r.csv')).toThrow('r.csv:1: unknown column "verdict"');
    for (const score of ['0x10', '1e2', 'Infinity', '-0'])
      expect(() => parseHumanReviews(`conversation_id,score\nc1,${score}\n`, 'r.csv')).toThrow(/r\.csv:2: score: /);
    expect(() => parseHumanReviews('conversation_id,reviewer\n"c1,bo\n', 'r.csv')).toThrow(
      /^r\.csv: CSV line 2: a quoted field opens here and is never closed/,
    );
  });

  it('masks personal data in what it reports: conversation ids written like a phone, e-mail reviewers', () => {
    const r = calibrateAgainstReviews(results, [
      { conversationId: '+1 415 555 0199', pass: true },
      { conversationId: 'amz-1001', reviewer: 'ann.reviewer@example.com', pass: false },
    ]);
    const text = JSON.stringify(r);
    expect(text).not.toContain('415 555 0199');
    expect(text).not.toContain('ann.reviewer@example.com');
    expect(r.disagreements[0]!.conversationId).toBe('amz-1001');
  });

  it("Cohen's κ: the textbook 50-pair example is 0.4, perfect agreement 1; undefined when both raters used one category", () => {
    expect(
      cohensKappa([
        [3, 0],
        [0, 4],
      ]),
    ).toBe(1);
    expect(
      cohensKappa([
        [20, 5],
        [10, 15],
      ]),
    ).toBeCloseTo(0.4, 10);
    expect(
      cohensKappa([
        [3, 0],
        [0, 0],
      ]),
    ).toBeNull();
    expect(cohensKappa([])).toBeNull();
  });
});
