import { maskPersonalData } from '../../analyzers/sensitive/pii/mask-text.js';
import { boundedCache } from '../../util/bounded-cache.js';
import type { Finding } from '../validate/finding.js';
import type { DimensionResult, MetricValue, Result } from '../validate/result.js';

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
  memo.clear();
  try {
    return maskResultWith(result);
  } finally {
    memo.clear();
  }
}

/**
 * Strings of the Result being masked and their masked forms, so a string met twice (an evidence
 * quoted in its explanation too) is masked once; cleared before and after each Result, so no
 * message text outlives it. Module-level with `mask`, not a closure per Result: a closure's
 * optimized code lives only as long as an instance (decision 204).
 */
const memo = new Map<string, string>();
function mask(s: string): string {
  let m = memo.get(s);
  if (m === undefined) memo.set(s, (m = maskPersonalData(s)));
  return m;
}

function maskResultWith(result: Result): Result {
  // every key written out, in the Result's order: V8 copies `{ ...result, key: … }` through a slow
  // path (a new hidden class per added key, ≈ 30 µs for a Result) that an object literal avoids
  const masked: Result = {
    schemaVersion: result.schemaVersion,
    agentIds: result.agentIds,
    startedAt: result.startedAt,
    endedAt: result.endedAt,
    platform: result.platform,
    channel: result.channel,
    inquiryType: result.inquiryType,
    customerKey: result.customerKey,
    resolved: result.resolved,
    csat: result.csat,
    converted: result.converted,
    conversationId: result.conversationId === null ? null : maskConversationId(result.conversationId),
    status: result.status,
    score: result.score,
    pass: result.pass,
    dimensions: result.dimensions.map(maskDimension),
    findings: maskFindings(result.findings),
    metrics: maskMetrics(result.metrics),
    issues: result.issues.length ? result.issues.map(maskIssue) : [],
    review: { needed: result.review.needed, reasons: result.review.reasons.map(mask) },
    versions: result.versions,
  };
  if (result.translations) masked.translations = result.translations.map((t) => ({ messageIndex: t.messageIndex, from: t.from, to: t.to, text: mask(t.text) }));
  return masked;
}

function maskFindings(findings: readonly Finding[]): Finding[] {
  const out: Finding[] = [];
  for (const f of findings) out.push(maskFinding(f, mask));
  return out;
}

function maskIssue(i: Result['issues'][number]): Result['issues'][number] {
  return {
    ...i,
    message: mask(i.message),
    ...(i.path ? { path: i.path.map(maskPathPart) } : {}),
  };
}

const maskPathPart = (p: string | number): string | number => (typeof p === 'string' ? mask(p) : p);

function maskDimension(d: DimensionResult): DimensionResult {
  const explanation = maskVocabulary(d.explanation);
  return d.label === undefined
    ? { name: d.name, score: d.score, weight: d.weight, explanation }
    : { name: d.name, label: d.label, score: d.score, weight: d.weight, explanation };
}

/** Metric names and string values through `maskVocabulary` (a name that masks to another name keeps the last value, as `Object.fromEntries` would). */
function maskMetrics(metrics: Readonly<Record<string, MetricValue>>): Record<string, MetricValue> {
  const out: Record<string, MetricValue> = {};
  for (const k of Object.keys(metrics)) {
    const v = metrics[k]!;
    const key = maskVocabulary(k);
    const value = typeof v === 'string' ? maskVocabulary(v) : v;
    if (key === '__proto__') Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
    else out[key] = value;
  }
  return out;
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
  if (Array.isArray(value)) {
    const items: unknown[] = [];
    for (const v of value) items.push(maskDeep(v, mask, depth + 1));
    return items;
  }
  // as `Object.fromEntries` of the masked entries (own data properties; a key that masks to an
  // earlier one keeps the last value), without arrows per call
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    const key = maskVocabulary(k);
    const masked = maskDeep(v, mask, depth + 1);
    if (key === '__proto__') Object.defineProperty(out, key, { value: masked, enumerable: true, writable: true, configurable: true });
    else out[key] = masked;
  }
  return out;
}

/**
 * Masked forms of the strings that come from analyzers' vocabularies and the scorecard rather than
 * from a message: metric names and string values, rule ids, suggestions, the keys inside
 * `rule.detail`, dimension explanations (codes, severities and numbers), and a conversation's
 * platform, channel and inquiry type labels (`conversationFacts`) — about 70 of the ~78
 * strings of a Result, drawn from few distinct ones (47 metric names, 154 rule ids and 1,432
 * dimension explanations over the 4,725 Results `bench/record-results.ts` records). `maskPersonalData` is a pure function of the string, so a
 * kept value is the value it would return. Bounded (least recently used dropped): a custom analyzer
 * that puts message text there only loses the saving. Explanations, evidence and detail values —
 * what quotes a message — are masked per Result (memo above), never kept across Results.
 */
const VOCABULARY = boundedCache<string, string>(4096);
export function maskVocabulary(s: string): string {
  let m = VOCABULARY.get(s);
  if (m === undefined) VOCABULARY.set(s, (m = maskPersonalData(s)));
  return m;
}
