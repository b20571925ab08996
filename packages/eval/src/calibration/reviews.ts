import { CxqaError, maskPersonalData, parseCsv } from '@cxqa/core';
import { z } from 'zod';

/**
 * One person's review of one conversation: any of a verdict, a 0–100 score, dimension scores
 * (0–100, by scorecard dimension name) and, per finding code, whether the finding should be there.
 * A code ending in `.*` labels a prefix (`sensitive.*`: any sensitive finding).
 */
export const HumanReviewSchema = z.strictObject({
  conversationId: z.string().min(1),
  reviewer: z.string().min(1).optional(),
  pass: z.boolean().optional(),
  score: z.number().min(0).max(100).optional(),
  dimensions: z.record(z.string(), z.number().min(0).max(100)).optional(),
  findings: z
    .record(z.string().regex(/^[a-z0-9_]+(\.[a-z0-9_]+)*(\.\*)?$/, 'a finding code such as politeness.impolite or a prefix such as sensitive.*'), z.boolean())
    .optional(),
});
export type HumanReview = z.infer<typeof HumanReviewSchema>;

const CSV_COLUMNS = ['conversation_id', 'reviewer', 'pass', 'score', 'code', 'present'] as const;

/**
 * Read human reviews from JSONL (one `HumanReview` per line) or CSV with the header
 * `conversation_id,reviewer,pass,score,code,present` (a row with `code` labels that code for the
 * conversation; `pass` yes/no/true/false/1/0; rows of the same conversation and reviewer are
 * combined). Errors are CxqaError `input_unreadable` naming the file, line and field.
 */
export function parseHumanReviews(text: string, file = '(inline)'): HumanReview[] {
  const body = text.replace(/^\uFEFF/, '');
  const first = body.trimStart();
  if (first.startsWith('['))
    throw new CxqaError('input_unreadable', `${file}:1: a JSON array: write one review object per line (JSONL), or CSV`, { path: [file, 1] });
  const reviews = first.startsWith('{') ? parseJsonl(body, file) : parseCsvReviews(body, file);
  const seen = new Map<string, number>();
  reviews.forEach((r, i) => {
    const key = `${r.conversationId}\u0000${r.reviewer ?? ''}`;
    const earlier = seen.get(key);
    if (earlier !== undefined)
      throw new CxqaError(
        'input_unreadable',
        `${file}: review ${i + 1} repeats review ${earlier + 1} (conversation ${maskPersonalData(r.conversationId, { digitRuns: 'formatted' })}${r.reviewer ? `, reviewer ${maskPersonalData(r.reviewer)}` : ''}): one review per conversation and reviewer`,
        { path: [file] },
      );
    seen.set(key, i);
  });
  return reviews;
}

function parseJsonl(text: string, file: string): HumanReview[] {
  const out: HumanReview[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch {
      throw new CxqaError('input_unreadable', `${file}:${i + 1}: not JSON`, { path: [file, i + 1] });
    }
    const parsed = HumanReviewSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new CxqaError('input_unreadable', `${file}:${i + 1}: ${issue.path.join('.') || '(root)'}: ${issue.message}`, {
        path: [file, i + 1, ...issue.path.map(String)],
      });
    }
    out.push(parsed.data);
  });
  return out;
}

const BOOLEAN: Record<string, boolean> = { yes: true, no: false, true: true, false: false, '1': true, '0': false, pass: true, fail: false };

function parseCsvReviews(text: string, file: string): HumanReview[] {
  let rows: ReturnType<typeof parseCsv>;
  try {
    rows = parseCsv(text);
  } catch (e) {
    throw e instanceof CxqaError ? new CxqaError(e.code, `${file}: ${e.message}`, { path: [file], cause: e }) : e;
  }
  const header = rows[0]?.cells.map((c) => c.trim().toLowerCase()) ?? [];
  const col = Object.fromEntries(CSV_COLUMNS.map((c) => [c, header.indexOf(c)])) as Record<(typeof CSV_COLUMNS)[number], number>;
  if (col.conversation_id < 0)
    throw new CxqaError('input_unreadable', `${file}:1: the CSV header needs conversation_id (columns: ${CSV_COLUMNS.join(', ')})`, { path: [file, 1] });
  const unknown = header.filter((h) => !(CSV_COLUMNS as readonly string[]).includes(h));
  if (unknown.length)
    throw new CxqaError(
      'input_unreadable',
      `${file}:1: unknown column ${unknown.map((u) => `"${maskPersonalData(u)}"`).join(', ')} (columns: ${CSV_COLUMNS.join(', ')})`,
      {
        path: [file, 1],
      },
    );
  const byKey = new Map<string, HumanReview>();
  for (const { line, cells } of rows.slice(1)) {
    if (cells.length !== header.length)
      throw new CxqaError('input_unreadable', `${file}:${line}: ${cells.length} cells under a header of ${header.length} columns`, { path: [file, line] });
    const cell = (c: (typeof CSV_COLUMNS)[number]) => (col[c] >= 0 ? (cells[col[c]] ?? '').trim() : '');
    const fail = (field: string, why: string): never => {
      throw new CxqaError('input_unreadable', `${file}:${line}: ${field}: ${why}`, { path: [file, line, field] });
    };
    const id = cell('conversation_id') || fail('conversation_id', 'empty');
    const reviewer = cell('reviewer');
    const key = `${id}\u0000${reviewer}`;
    const review = byKey.get(key) ?? { conversationId: id, ...(reviewer ? { reviewer } : {}) };
    const bool = (field: 'pass' | 'present') => {
      const v = cell(field).toLowerCase();
      if (!v) return undefined;
      return BOOLEAN[v] ?? fail(field, `"${maskPersonalData(v)}" is not yes/no/true/false/1/0`);
    };
    const pass = bool('pass');
    if (pass !== undefined && review.pass !== undefined && review.pass !== pass) fail('pass', 'this conversation and reviewer already have the other verdict');
    if (pass !== undefined) review.pass = pass;
    const score = cell('score');
    if (score) {
      const n = /^\d{1,3}(\.\d+)?$/.test(score) ? Number(score) : Number.NaN;
      if (!(n >= 0 && n <= 100)) fail('score', `"${maskPersonalData(score)}" is not a number from 0 to 100`);
      if (review.score !== undefined && review.score !== n) fail('score', `this conversation and reviewer already have score ${review.score}`);
      review.score = n;
    }
    const code = cell('code');
    if (code) {
      const present = bool('present');
      if (present === undefined) fail('present', `code ${maskPersonalData(code)} needs present yes or no`);
      if (review.findings?.[code] !== undefined) fail('code', `${maskPersonalData(code)} is labelled twice for this conversation and reviewer`);
      review.findings = { ...review.findings, [code]: present! };
    }
    byKey.set(key, review);
  }
  return [...byKey.values()].map((r, i) => {
    const parsed = HumanReviewSchema.safeParse(r);
    if (!parsed.success) throw new CxqaError('input_unreadable', `${file}: review ${i + 1} (${r.conversationId}): ${parsed.error.issues[0]!.message}`);
    return parsed.data;
  });
}
