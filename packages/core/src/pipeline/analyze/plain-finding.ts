import { FINDING_CODE as CODE, type Finding, type FiredRule, FiredRuleSchema, SEVERITIES as SEVERITY_LIST } from '../validate/finding.js';

const SEVERITIES: ReadonlySet<string> = new Set(SEVERITY_LIST);
const KINDS: ReadonlySet<string> = new Set(FiredRuleSchema.shape.kind.options);

const isPlainObject = (v: unknown): v is Record<string, unknown> => {
  if (!v || typeof v !== 'object') return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
};
const isIndex = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;

/**
 * The fast path of reading an analyzer's finding: the same object `FindingSchema.parse` returns
 * (the schema's keys only, in the schema's order; an optional key given as `undefined` kept as
 * `undefined`), built by hand for a finding that is plainly valid — a plain object holding only
 * strings, safe non-negative integers, finite numbers and plain objects where the schema wants
 * them. Anything else, valid or not, gives null and is left to zod (which then also words the
 * problem). `rule.detail` is passed through as given (the caller copies it through JSON).
 * Each property is read once. Zod's output equals this one on every recorded finding
 * (plain-finding.test.ts).
 */
export function plainFinding(raw: unknown): Finding | null {
  if (!isPlainObject(raw)) return null;
  const { id, analyzer, code, severity, messageIndex, span, evidence, explanation, rule, suggestion } = raw;
  if (typeof analyzer !== 'string' || typeof code !== 'string' || typeof severity !== 'string' || typeof explanation !== 'string') return null;
  if (!SEVERITIES.has(severity) || !CODE.test(code)) return null;
  const out: Record<string, unknown> = {};
  if (id !== undefined) {
    if (typeof id !== 'string') return null;
    out.id = id;
  } else if ('id' in raw) out.id = undefined;
  out.analyzer = analyzer;
  out.code = code;
  out.severity = severity;
  if (messageIndex !== undefined) {
    if (!isIndex(messageIndex)) return null;
    out.messageIndex = messageIndex;
  } else if ('messageIndex' in raw) out.messageIndex = undefined;
  if (span !== undefined) {
    if (!isPlainObject(span)) return null;
    const { start, end } = span;
    if (!isIndex(start) || !isIndex(end)) return null;
    out.span = { start, end };
  } else if ('span' in raw) out.span = undefined;
  if (evidence !== undefined) {
    if (typeof evidence !== 'string') return null;
    out.evidence = evidence;
  } else if ('evidence' in raw) out.evidence = undefined;
  out.explanation = explanation;
  if (rule !== undefined) {
    const r = plainRule(rule);
    if (!r) return null;
    out.rule = r;
  } else if ('rule' in raw) out.rule = undefined;
  if (suggestion !== undefined) {
    if (typeof suggestion !== 'string') return null;
    out.suggestion = suggestion;
  } else if ('suggestion' in raw) out.suggestion = undefined;
  return out as Finding;
}

function plainRule(raw: unknown): FiredRule | null {
  if (!isPlainObject(raw)) return null;
  const { id, kind, rawScore, score, detail } = raw;
  if (typeof id !== 'string' || typeof kind !== 'string' || !KINDS.has(kind)) return null;
  const out: Record<string, unknown> = { id, kind };
  if (rawScore !== undefined) {
    if (!Number.isFinite(rawScore)) return null;
    out.rawScore = rawScore;
  } else if ('rawScore' in raw) out.rawScore = undefined;
  if (score !== undefined) {
    if (!Number.isFinite(score)) return null;
    out.score = score;
  } else if ('score' in raw) out.score = undefined;
  if (detail !== undefined) {
    // zod's copy of a record would turn an own "__proto__" key into the prototype: left to zod
    if (!isPlainObject(detail) || Object.hasOwn(detail, '__proto__')) return null;
    out.detail = detail;
  } else if ('detail' in raw) out.detail = undefined;
  return out as FiredRule;
}
