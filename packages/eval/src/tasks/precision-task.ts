import { compareSeverity, createInspector, type Finding, type Severity } from '@cxqa/core';
import { findingKey, type Judgement, judgementKey, loadJudgements } from '../precision/judgements.js';
import { loadRealConversations, TIME_BASED_CODES } from '../precision/real-conversations.js';
import type { EvalRow } from '../report.js';
import type { EvalTask } from './task.js';

const CORPUS = 'fixtures/precision';

/** The bar a code's precision must reach, by the highest severity it is emitted with (issue 10). */
export function precisionBar(severity: Severity): number | null {
  return severity === 'critical' || severity === 'major' ? 0.9 : severity === 'minor' ? 0.8 : null;
}

/** Per-code tally of one round. */
export interface CodePrecision {
  /** The finding code; `code@severity` when the code fires at more than one severity now (each level has its own bar). */
  code: string;
  /** Highest severity the code (or this level of it) has on the judged conversations now. */
  severity: Severity;
  /** Findings that fire now and have a judgement. */
  judged: number;
  right: number;
  /** Findings that fire now without a judgement (they need one before the figure counts). */
  unjudged: number;
  /** Judged findings that no longer fire. */
  gone: number;
}

/**
 * Compare what the product emits now on the judged conversations with the stored judgements.
 * A finding counts for the code it has now; judgements whose finding no longer fires are `gone`.
 * A code emitted at two severities (the loose, info form of `politeness.no_acknowledgement` and
 * its critical strict form) is tallied per severity, `code@severity`, so a bar is set by the
 * findings that carry that severity and not by the code's loudest form (decision 142).
 */
export function tallyPrecision(current: readonly { conversationId: string; finding: Finding }[], judgements: readonly Judgement[]): CodePrecision[] {
  const byKey = new Map(judgements.map((j) => [judgementKey(j), j]));
  const severities = new Map<string, Set<Severity>>();
  for (const { finding } of current) (severities.get(finding.code) ?? severities.set(finding.code, new Set()).get(finding.code)!).add(finding.severity);
  const label = (code: string, severity: Severity) => ((severities.get(code)?.size ?? 0) > 1 ? `${code}@${severity}` : code);
  const seen = new Set<string>();
  const codes = new Map<string, CodePrecision>();
  const entry = (code: string, severity: Severity) => {
    let e = codes.get(code);
    if (!e) codes.set(code, (e = { code, severity, judged: 0, right: 0, unjudged: 0, gone: 0 }));
    if (compareSeverity(severity, e.severity) > 0) e.severity = severity;
    return e;
  };
  for (const { conversationId, finding } of current) {
    const key = findingKey(conversationId, finding);
    const e = entry(label(finding.code, finding.severity), finding.severity);
    const j = byKey.get(key);
    if (!j) {
      e.unjudged++;
      continue;
    }
    seen.add(key);
    e.judged++;
    if (j.verdict === 'right') e.right++;
  }
  for (const j of judgements) {
    if (seen.has(judgementKey(j))) continue;
    // a code that only has gone judgements keeps the lowest severity: its bar is set by what fires now
    const levels = severities.get(j.code);
    const quietest = levels && [...levels].sort(compareSeverity)[0];
    const name = quietest ? label(j.code, quietest) : j.code;
    const e = codes.get(name) ?? entry(name, 'info');
    e.gone++;
  }
  return [...codes.values()].sort((a, b) => a.code.localeCompare(b.code));
}

/**
 * `precision` on fixtures/precision (findings read in their real conversations by people who did
 * not write the rules; conversations from satisfaction-stc3-dev and conv-abcd, cited by id): the
 * product is re-run on every judged conversation, and each finding it emits now is matched to its
 * judgement. Rows per round (`dev`: read while fixing rules; `report`: judged after) and code:
 * precision (right / judged), judged, unjudged (new findings without a judgement), gone (judged
 * findings that no longer fire), and `below_bar` (1 when a minor code is under 0.80 or a major or
 * critical one under 0.90, or when unjudged findings keep the figure from counting). Per round:
 * overall precision, judged findings, codes below their bar, unjudged findings.
 */
export const precisionTask: EvalTask = {
  name: 'precision',
  async run({ fixturesDir, corporaDir }) {
    const judgements = loadJudgements(fixturesDir);
    if (!judgements?.length) return { rows: [], evaluated: [], skipped: [CORPUS], notes: [] };
    const wanted = new Set(judgements.map((j) => `${j.corpus}|${j.conversationId}`));
    const conversations = loadRealConversations(corporaDir).filter((c) => wanted.has(`${c.corpus}|${c.conversation.id}`));
    if (!conversations.length)
      return {
        rows: [],
        evaluated: [],
        skipped: [CORPUS],
        notes: ['the judged conversations are in ../shared/corpora (satisfaction-stc3-dev, conv-abcd), which is absent'],
      };
    const inspector = createInspector();
    const roundOf = new Map(judgements.map((j) => [`${j.corpus}|${j.conversationId}`, j.round]));
    const languageOf = new Map(conversations.map((c) => [c.conversation.id, c.language]));
    const current: { round: string; conversationId: string; finding: Finding }[] = [];
    for (const c of conversations) {
      const round = roundOf.get(`${c.corpus}|${c.conversation.id}`)!;
      for (const finding of (await inspector.inspect(c.conversation)).findings)
        if (!TIME_BASED_CODES.test(finding.code)) current.push({ round, conversationId: c.conversation.id, finding });
    }
    const rows: EvalRow[] = [];
    const notes: string[] = [];
    const r4 = (x: number) => Math.round(x * 10_000) / 10_000;
    for (const round of ['dev', 'report'] as const) {
      const js = judgements.filter((j) => j.round === round && !TIME_BASED_CODES.test(j.code));
      if (!js.length) continue;
      const tally = tallyPrecision(
        current.filter((c) => c.round === round),
        js,
      );
      let below = 0;
      let unjudged = 0;
      for (const t of tally) {
        const bar = precisionBar(t.severity);
        const precision = t.judged ? t.right / t.judged : Number.NaN;
        // a code that no longer fires on the judged conversations has nothing to answer for
        const fires = t.judged + t.unjudged > 0;
        const fails = fires && bar !== null && (t.unjudged > 0 || !(precision >= bar));
        if (fails) below++;
        unjudged += t.unjudged;
        const row = (metric: string, value: number): EvalRow => ({
          task: 'precision',
          corpus: CORPUS,
          subset: `${round}/${t.code}`,
          metric,
          value: r4(value),
          n: t.judged,
        });
        rows.push(row('precision', precision), row('unjudged', t.unjudged), row('gone', t.gone), row('below_bar', fails ? 1 : 0));
        if (fails)
          notes.push(
            `${round} ${t.code} (${t.severity}): precision ${Number.isNaN(precision) ? '—' : precision.toFixed(3)} of ${t.judged} judged, bar ${bar}, ${t.unjudged} unjudged`,
          );
      }
      const judged = tally.reduce((a, t) => a + t.judged, 0);
      const right = tally.reduce((a, t) => a + t.right, 0);
      const languages = new Set(js.map((j) => languageOf.get(j.conversationId)).filter(Boolean));
      const overall = (metric: string, value: number): EvalRow => ({ task: 'precision', corpus: CORPUS, subset: round, metric, value: r4(value), n: judged });
      // findings that cost points now (minor and above), judged
      const scored = current.filter((c) => c.round === round && c.finding.severity !== 'info');
      const byKey = new Map(js.map((j) => [judgementKey(j), j]));
      const scoredJudged = scored.map((c) => byKey.get(findingKey(c.conversationId, c.finding))).filter((j): j is Judgement => j !== undefined);
      rows.push(
        overall('precision', judged ? right / judged : Number.NaN),
        overall('judged', judged),
        overall('languages', languages.size),
        overall('codes_below_bar', below),
        overall('unjudged', unjudged),
        {
          task: 'precision',
          corpus: CORPUS,
          subset: round,
          metric: 'scored_precision',
          value: r4(scoredJudged.filter((j) => j.verdict === 'right').length / (scoredJudged.length || Number.NaN)),
          n: scoredJudged.length,
        },
      );
    }
    const all = judgements.filter((j) => !TIME_BASED_CODES.test(j.code));
    rows.push({ task: 'precision', corpus: CORPUS, subset: 'all', metric: 'judged', value: all.length, n: all.length });
    rows.push({
      task: 'precision',
      corpus: CORPUS,
      subset: 'all',
      metric: 'languages',
      value: new Set(all.map((j) => languageOf.get(j.conversationId)).filter(Boolean)).size,
      n: all.length,
    });
    return { rows, evaluated: [CORPUS], skipped: [], notes };
  },
};
