import { maskPersonalData } from '../../analyzers/sensitive/pii/mask-text.js';
import { boundedCache } from '../../util/bounded-cache.js';
import type { Finding } from '../validate/finding.js';
import type { Result } from '../validate/result.js';

/**
 * The masking boundary: every string of a Result that could carry input text — the conversation
 * id, dimension explanations, each finding's evidence, explanation, suggestion, rule id and every
 * string inside `rule.detail`, metric values, issue messages and paths, review reasons, the text of
 * each message translation — passes
 * `maskPersonalData` (see pii/mask-text.ts). Numbers, codes, severities and versions are left as
 * they are. In the conversation id only digit runs written like a phone or card are swept (ticket
 * numbers such as "ZD-48213377" stay usable for joining results to their input; an e-mail, phone
 * or card as id is still masked).
 */
export function maskResult(result: Result): Result {
  const memo = new Map<string, string>();
  const mask = (s: string): string => {
    let m = memo.get(s);
    if (m === undefined) memo.set(s, (m = maskPersonalData(s)));
    return m;
  };
  return {
    ...result,
    conversationId: result.conversationId === null ? null : maskConversationId(result.conversationId),
    dimensions: result.dimensions.map((d) => ({ ...d, explanation: maskVocabulary(d.explanation) })),
    findings: result.findings.map((f) => maskFinding(f, mask)),
    metrics: Object.fromEntries(Object.entries(result.metrics).map(([k, v]) => [maskVocabulary(k), typeof v === 'string' ? maskVocabulary(v) : v])),
    issues: result.issues.map((i) => ({
      ...i,
      message: mask(i.message),
      ...(i.path ? { path: i.path.map((p) => (typeof p === 'string' ? mask(p) : p)) } : {}),
    })),
    review: { ...result.review, reasons: result.review.reasons.map(mask) },
    ...(result.translations ? { translations: result.translations.map((t) => ({ ...t, text: mask(t.text) })) } : {}),
  };
}

/**
 * A conversation id as a Result shows it: `maskPersonalData` sweeping only digit runs written like
 * a phone or card ("ZD-48213377" stays, "jane.doe@example.com" → "j•••@•••.com"). Idempotent.
 */
export const maskConversationId = (id: string): string => maskPersonalData(id, { digitRuns: 'formatted' });

function maskFinding(f: Finding, mask: (s: string) => string): Finding {
  const out: Finding = { ...f, explanation: mask(f.explanation) };
  if (f.evidence !== undefined) out.evidence = mask(f.evidence);
  if (f.suggestion !== undefined) out.suggestion = maskVocabulary(f.suggestion);
  if (f.rule)
    out.rule = {
      ...f.rule,
      id: maskVocabulary(f.rule.id),
      ...(f.rule.detail ? { detail: maskDeep(f.rule.detail, mask, 0) as Record<string, unknown> } : {}),
    };
  return out;
}

/** Strings anywhere inside plain data (objects, arrays), keys included; depth-limited against cycles. */
function maskDeep(value: unknown, mask: (s: string) => string, depth: number): unknown {
  if (typeof value === 'string') return mask(value);
  if (!value || typeof value !== 'object') return value;
  if (depth > 8) return '[nested too deep]';
  if (Array.isArray(value)) return value.map((v) => maskDeep(v, mask, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [maskVocabulary(k), maskDeep(v, mask, depth + 1)]));
}

/**
 * Masked forms of the strings that come from analyzers' vocabularies and the scorecard rather than
 * from a message: metric names and string values, rule ids, suggestions, the keys inside
 * `rule.detail`, dimension explanations (codes, severities and numbers) — about 70 of the ~78
 * strings of a Result, drawn from few distinct ones (47 metric names, 154 rule ids and 1,432
 * dimension explanations over the 4,725 Results `bench/record-results.ts` records). `maskPersonalData` is a pure function of the string, so a
 * kept value is the value it would return. Bounded (least recently used dropped): a custom analyzer
 * that puts message text there only loses the saving. Explanations, evidence and detail values —
 * what quotes a message — are masked per Result (memo above), never kept across Results.
 */
const VOCABULARY = boundedCache<string, string>(4096);
function maskVocabulary(s: string): string {
  let m = VOCABULARY.get(s);
  if (m === undefined) VOCABULARY.set(s, (m = maskPersonalData(s)));
  return m;
}
