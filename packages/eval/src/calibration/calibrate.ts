import { maskPersonalData, type Result } from '@cxqa/core';
import { cohensKappa, meanAbsoluteError } from '../metrics/agreement.js';
import { prfFromCounts } from '../metrics/classification.js';
import { spearman } from '../metrics/correlation.js';
import type { HumanReview } from './reviews.js';

/** What calibration keeps of a Result: its verdict, scores and the codes it found. */
export interface ResultSummary {
  conversationId: string;
  pass: boolean | null;
  score: number | null;
  dimensions: Record<string, number | null>;
  codes: Set<string>;
}

/** Reduce a Result to what calibration compares (lets a caller stream results and keep only these). */
export function summarizeResult(result: Pick<Result, 'conversationId' | 'pass' | 'score' | 'dimensions' | 'findings'>): ResultSummary {
  return {
    conversationId: result.conversationId ?? '',
    pass: result.pass,
    score: result.score,
    dimensions: Object.fromEntries(result.dimensions.map((d) => [d.name, d.score])),
    codes: new Set(result.findings.map((f) => f.code)),
  };
}

/** Agreement of two binary raters: `confusion` rows human yes/no, columns cxqa yes/no. */
export interface BinaryAgreement {
  n: number;
  agreement: number | null;
  kappa: number | null;
  /** [[human yes & cxqa yes, human yes & cxqa no], [human no & cxqa yes, human no & cxqa no]] */
  confusion: [[number, number], [number, number]];
}

export interface CodeAgreement extends BinaryAgreement {
  /** Of the conversations where cxqa found the code, the share a person also said it is there (null: cxqa never found it). */
  precision: number | null;
  /** Of the conversations where a person said it is there, the share cxqa found (null: never labelled present). */
  recall: number | null;
}

export interface ScoreAgreement {
  n: number;
  /** Mean absolute difference on the 0–100 scale. */
  mae: number | null;
  spearman: number | null;
}

export interface Disagreement {
  conversationId: string;
  reviewer?: string;
  /** cxqa score − human score (null when either is missing). */
  scoreDifference: number | null;
  verdictDiffers: boolean;
  /** Codes where the person and cxqa disagree: `+code` cxqa found it, the person says no; `-code` the reverse. */
  codes: string[];
  /** |score difference| / 100 + 1 for a different verdict + 0.5 per code disagreement. */
  weight: number;
}

export interface CalibrationAgainstReviews {
  reviews: number;
  /** Reviews whose conversation has a result. */
  compared: number;
  /** Reviewed conversation ids with no result (first 20). */
  missingResults: string[];
  verdict: BinaryAgreement;
  score: ScoreAgreement;
  dimensions: Record<string, ScoreAgreement>;
  codes: Record<string, CodeAgreement>;
  /** The reviews that disagree most, heaviest first. */
  disagreements: Disagreement[];
}

/**
 * Agreement of cxqa's results with human reviewers, one pair per review (a conversation reviewed
 * by two people counts twice). Verdict and codes: agreement, Cohen's κ, confusion tables,
 * precision and recall of cxqa against the person; scores (overall and per dimension, 0–100): MAE
 * and Spearman's ρ. Pairs where either side has no value are left out of that measure. Conversation
 * ids and reviewer names in the report are masked like every string a Result carries.
 *
 * @example
 * const report = calibrateAgainstReviews(results.map(summarizeResult), parseHumanReviews(text, 'reviews.csv'));
 */
export function calibrateAgainstReviews(
  results: Iterable<ResultSummary>,
  reviews: readonly HumanReview[],
  options: { top?: number } = {},
): CalibrationAgainstReviews {
  const byId = new Map<string, ResultSummary>();
  for (const r of results) byId.set(r.conversationId, r);
  const verdicts: [boolean, boolean][] = [];
  const scores: [number, number][] = [];
  const dims = new Map<string, [number, number][]>();
  const codes = new Map<string, [boolean, boolean][]>();
  const disagreements: Disagreement[] = [];
  const missing: string[] = [];
  let compared = 0;
  for (const review of reviews) {
    const result = byId.get(review.conversationId);
    if (!result) {
      const id = maskId(review.conversationId);
      if (missing.length < 20 && !missing.includes(id)) missing.push(id);
      continue;
    }
    compared++;
    const verdictDiffers = review.pass !== undefined && result.pass !== null && review.pass !== result.pass;
    if (review.pass !== undefined && result.pass !== null) verdicts.push([review.pass, result.pass]);
    const scoreDifference = review.score !== undefined && result.score !== null ? result.score - review.score : null;
    if (scoreDifference !== null) scores.push([review.score!, result.score!]);
    for (const [dim, value] of Object.entries(review.dimensions ?? {})) {
      const ours = result.dimensions[dim];
      if (ours === undefined || ours === null) continue;
      const list = dims.get(dim) ?? [];
      list.push([value, ours]);
      dims.set(dim, list);
    }
    const codeDisagreements: string[] = [];
    for (const [code, present] of Object.entries(review.findings ?? {})) {
      const found = code.endsWith('.*') ? [...result.codes].some((c) => c.startsWith(code.slice(0, -1))) : result.codes.has(code);
      const list = codes.get(code) ?? [];
      list.push([present, found]);
      codes.set(code, list);
      if (present !== found) codeDisagreements.push(`${found ? '+' : '-'}${code}`);
    }
    const weight = Math.abs(scoreDifference ?? 0) / 100 + (verdictDiffers ? 1 : 0) + 0.5 * codeDisagreements.length;
    if (weight > 0)
      disagreements.push({
        conversationId: maskId(review.conversationId),
        ...(review.reviewer ? { reviewer: maskPersonalData(review.reviewer) } : {}),
        scoreDifference,
        verdictDiffers,
        codes: codeDisagreements,
        weight: +weight.toFixed(4),
      });
  }
  disagreements.sort((a, b) => b.weight - a.weight || a.conversationId.localeCompare(b.conversationId));
  return {
    reviews: reviews.length,
    compared,
    missingResults: missing,
    verdict: binary(verdicts),
    score: scoreAgreement(scores),
    dimensions: Object.fromEntries([...dims].sort(([a], [b]) => a.localeCompare(b)).map(([d, pairs]) => [d, scoreAgreement(pairs)])),
    codes: Object.fromEntries(
      [...codes]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([code, pairs]) => {
          const agreement = binary(pairs);
          const [[tp, fn], [fp]] = agreement.confusion;
          const prf = prfFromCounts(tp, fp, fn);
          return [code, { ...agreement, precision: tp + fp ? prf.precision : null, recall: tp + fn ? prf.recall : null }];
        }),
    ),
    disagreements: disagreements.slice(0, options.top ?? 20),
  };
}

/** Conversation ids as results carry them: digit runs written like a phone or card masked, ticket numbers kept (see core's maskResult). */
const maskId = (id: string) => maskPersonalData(id, { digitRuns: 'formatted' });

function binary(pairs: readonly [boolean, boolean][]): BinaryAgreement {
  const confusion: [[number, number], [number, number]] = [
    [0, 0],
    [0, 0],
  ];
  for (const [human, ours] of pairs) confusion[human ? 0 : 1][ours ? 0 : 1]++;
  const n = pairs.length;
  return { n, agreement: n ? (confusion[0][0] + confusion[1][1]) / n : null, kappa: cohensKappa(confusion), confusion };
}

function scoreAgreement(pairs: readonly [number, number][]): ScoreAgreement {
  const human = pairs.map((p) => p[0]);
  const ours = pairs.map((p) => p[1]);
  const rho = pairs.length >= 2 ? spearman(human, ours) : Number.NaN;
  return { n: pairs.length, mae: pairs.length ? meanAbsoluteError(human, ours) : null, spearman: Number.isFinite(rho) ? rho : null };
}

/** A plain-text report: verdict, scores, dimensions, codes, then the conversations that disagree most. */
export function formatCalibrationReport(r: CalibrationAgainstReviews): string {
  const f = (x: number | null, d = 2) => (x === null ? '—' : x.toFixed(d));
  const lines = [
    `${r.compared} of ${r.reviews} reviews compared${r.missingResults.length ? ` (no result for ${r.missingResults.join(', ')})` : ''}`,
    `verdict: n ${r.verdict.n}, agreement ${f(r.verdict.agreement)}, κ ${f(r.verdict.kappa)}; confusion (rows human pass/fail, columns cxqa pass/fail) ${JSON.stringify(r.verdict.confusion)}`,
    `score: n ${r.score.n}, MAE ${f(r.score.mae, 1)}, Spearman ${f(r.score.spearman)}`,
  ];
  for (const [d, s] of Object.entries(r.dimensions)) lines.push(`dimension ${d}: n ${s.n}, MAE ${f(s.mae, 1)}, Spearman ${f(s.spearman)}`);
  if (Object.keys(r.codes).length) lines.push('code                                n  agree  kappa  precision  recall  confusion');
  for (const [code, c] of Object.entries(r.codes))
    lines.push(
      `${code.padEnd(34)} ${String(c.n).padStart(3)}  ${f(c.agreement).padStart(5)}  ${f(c.kappa).padStart(5)}  ${f(c.precision).padStart(9)}  ${f(c.recall).padStart(6)}  ${JSON.stringify(c.confusion)}`,
    );
  if (r.disagreements.length) lines.push('most disagreement:');
  for (const d of r.disagreements)
    lines.push(
      `  ${d.conversationId}${d.reviewer ? ` (${d.reviewer})` : ''}: weight ${d.weight}${d.scoreDifference !== null ? `, score ${d.scoreDifference > 0 ? '+' : ''}${d.scoreDifference.toFixed(1)}` : ''}${d.verdictDiffers ? ', verdict differs' : ''}${d.codes.length ? `, ${d.codes.join(' ')}` : ''}`,
    );
  return lines.join('\n');
}
