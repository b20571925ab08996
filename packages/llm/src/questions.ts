import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CxqaError, RoleSchema, SeveritySchema } from '@cxqa/core';
import { isMap, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import { z } from 'zod';

const Code = z.string().regex(/^[a-z0-9_]+$/, 'lower-case letters, digits and _ only (it becomes the finding code llm.<id>)');
const Semver = z.string().regex(/^\d+\.\d+\.\d+$/, 'a version like "1.0.0"');

export const AppliesWhenSchema = z.strictObject({
  /** `conversation.inquiryType` values (exact, case-insensitive); absent = any. */
  inquiryTypes: z.array(z.string().min(1)).min(1).optional(),
  /** ISO 639-1 codes of the customer's or agent's dominant language; absent = any. */
  languages: z.array(z.string().min(2)).min(1).optional(),
  /** `conversation.platform` values (case-insensitive); absent = any. */
  platforms: z.array(z.string().min(1)).min(1).optional(),
});

export const QuestionSchema = z.strictObject({
  id: Code,
  /** The question the judge answers, phrased so that "yes" (or a high score) is good. */
  question: z.string().min(10),
  /** `yes_no`: yes / no / na. `scale`: 1–5 or na. */
  answer: z.enum(['yes_no', 'scale']),
  /** Scorecard dimension its score feeds (yes = 1, no = 0, scale (v − 1) / 4). */
  dimension: Code,
  /** Severity of the finding a bad answer (no, or a scale at or below `badAtOrBelow`) raises. */
  severity: SeveritySchema,
  /** For `scale`: answers at or below this are bad (default 2). */
  badAtOrBelow: z.number().int().min(1).max(4).optional(),
  appliesWhen: AppliesWhenSchema.optional(),
  /** Roles whose messages may be quoted as evidence (default: any). A quote from another role is dropped. */
  evidenceFrom: z.array(RoleSchema).min(1).optional(),
  /** Guidance shown to the judge under the question (what counts, what does not). */
  guidance: z.string().optional(),
  version: Semver,
});

export const QuestionSetSchema = z.strictObject({
  name: z.string().min(1),
  version: Semver,
  questions: z.array(QuestionSchema).min(1),
});

export type Question = z.infer<typeof QuestionSchema>;
export type QuestionSet = z.infer<typeof QuestionSetSchema>;
export type AppliesWhen = z.infer<typeof AppliesWhenSchema>;

/**
 * Parse a question set from YAML or JSON text (JSON is read by the same YAML 1.2 parser, so both
 * get line numbers). Errors are `CxqaError` `invalid_config` naming `file:line` and the field.
 *
 * @example
 * const set = parseQuestionSet(readFileSync('brand.yaml', 'utf8'), 'brand.yaml');
 */
export function parseQuestionSet(text: string, file = '(inline)'): QuestionSet {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length) {
    const e = doc.errors[0]!;
    const line = lineCounter.linePos(e.pos[0]).line;
    throw new CxqaError('invalid_config', `${file}:${line}: not valid YAML/JSON: ${e.message.split('\n')[0]}`, { path: [file] });
  }
  const raw: unknown = doc.toJS();
  const parsed = QuestionSetSchema.safeParse(raw);
  const issues: { path: (string | number)[]; message: string }[] = [];
  if (!parsed.success) {
    for (const i of parsed.error.issues) issues.push({ path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)), message: i.message });
  } else {
    const seen = new Set<string>();
    parsed.data.questions.forEach((q, n) => {
      if (seen.has(q.id)) issues.push({ path: ['questions', n, 'id'], message: `duplicate question id "${q.id}"` });
      seen.add(q.id);
      if (q.badAtOrBelow !== undefined && q.answer !== 'scale')
        issues.push({ path: ['questions', n, 'badAtOrBelow'], message: 'only scale questions take badAtOrBelow' });
    });
  }
  if (issues.length) {
    const lines = issues.map((i) => `${file}:${lineOf(doc.contents, i.path, lineCounter)}: ${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new CxqaError('invalid_config', `invalid question set: ${lines.join('; ')}`, { path: [file, ...issues[0]!.path], issues });
  }
  return parsed.data!;
}

/** The line of the deepest node on `path` that exists (the parent when a field is missing). */
function lineOf(root: unknown, path: (string | number)[], lc: LineCounter): number {
  let node = root as Node | null | undefined;
  let offset = (node as Node | undefined)?.range?.[0] ?? 0;
  for (const key of path) {
    let next: unknown;
    if (isMap(node)) {
      const pair = node.items.find((p) => (p.key as { value?: unknown } | null)?.value === key);
      if (pair) {
        const k = pair.key as Node | null;
        if (k?.range) offset = k.range[0];
        next = pair.value;
      }
    } else if (isSeq(node) && typeof key === 'number') next = node.items[key];
    if (!next) break;
    node = next as Node;
    if (node.range && !isMap(node)) offset = node.range[0];
    else if (node.range && isMap(node) && typeof key === 'number') offset = node.range[0];
  }
  return lc.linePos(offset).line;
}

/**
 * Read a question set from a `.yaml`, `.yml` or `.json` file.
 *
 * @example
 * const set = loadQuestionSet('./rubric/brand.yaml');
 */
export function loadQuestionSet(path: string): QuestionSet {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new CxqaError('input_unreadable', `cannot read question set ${path}: ${(error as Error).message}`, { path: [path], cause: error });
  }
  return parseQuestionSet(text, path);
}

let defaults: QuestionSet | undefined;
/** Path of the shipped default questions (`questions/default.yaml` in the package). */
export const DEFAULT_QUESTIONS_PATH = fileURLToPath(new URL('../questions/default.yaml', import.meta.url));

/** The shipped default question set: solution offered, policy explained correctly, empathy when upset, ownership, accurate promises, closing with next steps. */
export function defaultQuestionSet(): QuestionSet {
  defaults ??= loadQuestionSet(DEFAULT_QUESTIONS_PATH);
  return defaults;
}

/** What a conversation offers to `appliesWhen`. */
export interface Applicability {
  inquiryType?: string | undefined;
  platform?: string | undefined;
  /** Dominant languages (customer, agent); `und` never matches a language filter. */
  languages: readonly string[];
}

/** True when the question applies: every filter that is set matches (case-insensitive). */
export function applies(q: Question, a: Applicability): boolean {
  const w = q.appliesWhen;
  if (!w) return true;
  const has = (list: readonly string[] | undefined, v: string | undefined) =>
    !list || (v !== undefined && list.some((x) => x.toLowerCase() === v.toLowerCase()));
  if (!has(w.inquiryTypes, a.inquiryType)) return false;
  if (!has(w.platforms, a.platform)) return false;
  if (w.languages && !a.languages.some((l) => l !== 'und' && has(w.languages, l))) return false;
  return true;
}
