import type { Analyzer, AnalyzerContext, AnalyzerOutput, MessageView } from '../../pipeline/analyze/contract.js';
import type { Finding, Severity } from '../../pipeline/validate/finding.js';
import type { MetricValue } from '../../pipeline/validate/result.js';
import { polarityOf } from '../sentiment/model/classifier.js';
import { builtinSentimentModel, predictMessage } from '../sentiment/model/linear-model.js';
import { compileScriptPhrases, isComplaint, type ScriptPhrase, type ScriptPhrases } from './script-rules.js';

export const SCRIPT_ANALYZER_VERSION = '0.2.0';

export interface ScriptOptions {
  /** Phrase data per language; default the shipped `courtesy/script.json` (en zh de fr es ja pt it ko). */
  script?: unknown;
  /** Which checks run (defaults: all but `introduction`). */
  require?: Partial<Record<'greeting' | 'closing' | 'apology' | 'empathy' | 'holding' | 'introduction', boolean>>;
  /** Longest silence after "let me check" before the next agent message (default 120 s). */
  holdingLimitSeconds?: number;
  /**
   * Severity per check's finding. Defaults: greeting, closing, apology and empathy `info` — read in
   * real helpdesk threads by independent QA readers, each was right too rarely to cost points
   * (precision 0.50–0.75 against a bar of 0.80; docs/precision.md) — holding and introduction `minor`.
   */
  severities?: Partial<Record<Check, Severity>>;
}

const DEFAULT_SEVERITIES: Record<Check, Severity> = {
  greeting: 'info',
  closing: 'info',
  apology: 'info',
  empathy: 'info',
  holding: 'minor',
  introduction: 'minor',
};

type Check = 'greeting' | 'closing' | 'apology' | 'empathy' | 'holding' | 'introduction';
const DEFAULT_REQUIRE: Record<Check, boolean> = { greeting: true, closing: true, apology: true, empathy: true, holding: true, introduction: false };

/**
 * The customer is upset: the sentiment analyzer's start or end ≤ −0.3 when it ran, else a message
 * with polarity ≤ −0.5 — and, in languages with script phrases, that message also has upset or
 * complaint words (the two-class polarity models call many neutral questions negative).
 */
function upset(ctx: AnalyzerContext, customer: readonly MessageView[], phrases: ScriptPhrases): MessageView | undefined {
  // upset means feelings (angry, disappointed, !!), not only a defect report: a factual complaint needs an apology, not empathy
  const confirmed = (m: MessageView | undefined) => (m && (phrases.has(m.language) ? phrases.findIn(m, 'upset') : isComplaint(phrases, m)) ? m : undefined);
  const metrics = ctx.previous.get('sentiment')?.metrics;
  const start = metrics?.['sentiment.customerStart'];
  const end = metrics?.['sentiment.customerEnd'];
  if (typeof start === 'number' || typeof end === 'number') {
    return (
      (typeof start === 'number' && start <= -0.3 ? confirmed(customer[0]) : undefined) ??
      (typeof end === 'number' && end <= -0.3 ? confirmed(customer.at(-1)) : undefined)
    );
  }
  // the phrase condition first (both are pure, so the same message is found): it reads the
  // message's shared prefix scan, and only the few messages with upset or complaint words need the
  // polarity model — the script analyzer alone took 0.72× the CPU (bench/cpu-ab-processes.ts --analyzer script)
  return customer.find((m) => {
    const model = builtinSentimentModel(m.language);
    return !!model && confirmed(m) !== undefined && polarityOf(predictMessage(model, m)) <= -0.5;
  });
}

/** Does one of `list` say `phrase`? */
function saidIn(phrases: ScriptPhrases, list: readonly MessageView[], phrase: ScriptPhrase): boolean {
  for (const m of list) if (phrases.findIn(m, phrase)) return true;
  return false;
}

/** Has one of `findings` the code `code`? */
function hasCode(findings: readonly Finding[] | undefined, code: string): boolean {
  if (!findings) return false;
  for (const f of findings) if (f.code === code) return true;
  return false;
}

/** The messages of `list` at or after `time`, in order. */
function fromTime(list: readonly MessageView[], time: number): MessageView[] {
  const out: MessageView[] = [];
  for (const m of list) if (m.time >= time) out.push(m);
  return out;
}

const QUESTION_END = /[?？]\s*$/u;
/** Asking for details, a private message, a call or patience: the exchange goes on elsewhere or later. */
const CONTINUES =
  /\b(?:please (?:provide|send|share|tell|confirm|check|try|wait|dm|call|contact)|private message|direct message|dm us|we will (?:follow up|contact|get back|check|feed ?back|reply)|we'll (?:follow up|contact|get back|check|reply)|(?:has|have) been (?:forwarded|recorded|registered|reported|escalated))\b|私信|提供|请(?:您)?(?:稍等|耐心等待|等待)|敬请等待|跟进|核实|反馈给|转交|转给|联系您|回复您|稍后|请(?:您)?(?:发送|告知|提供|尝试|拨打|致电)|bitte (?:senden|teilen|geben) sie|merci de (?:nous )?(?:envoyer|indiquer|préciser)|por favor,? (?:envíe|envíenos|indíquenos|facilítenos)|送ってください|お知らせください|お待ちください/iu;

/** Does this agent message end the exchange (so a closing is owed)? */
function endsExchange(m: MessageView, phrases: ScriptPhrases): boolean {
  const text = m.view.folded;
  return !QUESTION_END.test(text) && !CONTINUES.test(text) && !phrases.findIn(m, 'holding');
}

/**
 * Service-script adherence of the agent: greeting in the first agent turn, an offer of further help
 * at the end, an apology when the customer reports a problem, an empathy statement when the
 * customer is upset (the sentiment analyzer's output when it ran before), no long silence after
 * "let me check", and (optional) an introduction. Phrases per language are data a brand edits.
 *
 * @example
 * const inspector = createInspector({ analyzers: [sentimentAnalyzer(), scriptAnalyzer({ require: { introduction: true } })] });
 */
export function scriptAnalyzer(options: ScriptOptions = {}): Analyzer {
  const phrases: ScriptPhrases = compileScriptPhrases(options.script);
  const require = { ...DEFAULT_REQUIRE, ...options.require };
  const holdingLimit = (options.holdingLimitSeconds ?? 120) * 1000;
  const severities: Record<Check, Severity> = { ...DEFAULT_SEVERITIES, ...options.severities };

  return {
    name: 'script',
    version: SCRIPT_ANALYZER_VERSION,
    analyze(ctx): AnalyzerOutput {
      // loops and module-level helpers, not per-call arrows (decision 204)
      const ordered: MessageView[] = [];
      const agent: MessageView[] = [];
      const customer: MessageView[] = [];
      for (const i of ctx.chronological) {
        const m = ctx.messages[i]!;
        ordered.push(m);
        if (m.role === 'agent' && m.text.trim() && phrases.has(m.language)) agent.push(m);
        else if (m.role === 'customer' && m.text.trim()) customer.push(m);
      }
      const findings: Finding[] = [];
      const results: Partial<Record<Check, 0 | 1>> = {};
      const said = (list: readonly MessageView[], phrase: ScriptPhrase) => saidIn(phrases, list, phrase);
      const miss = (check: Check, m: MessageView, explanation: string, suggestion: string, severity: Severity = severities[check]) => {
        results[check] = 0;
        findings.push({
          analyzer: 'script',
          code: `script.missing_${check}`,
          severity,
          messageIndex: m.index,
          explanation,
          rule: { id: `script.${check}.${m.language}`, kind: 'pattern' },
          suggestion,
        });
      };
      const first = agent[0];
      const last = agent.at(-1);
      if (first && require.greeting) {
        if (said([first], 'greeting')) results.greeting = 1;
        else miss('greeting', first, 'the first agent message does not greet the customer', 'open with a greeting: "Hi Anna, thanks for reaching out."');
      }
      if (first && require.introduction) {
        if (said(agent.slice(0, 2), 'introduction')) results.introduction = 1;
        else miss('introduction', first, 'the agent does not introduce themself', 'say who is answering: "I\'m Lee from the support team."');
      }
      // a closing is owed only when the agent's last message ends the exchange: not a question, a
      // request for details or another channel, a hand-over or a holding message
      if (last && require.closing && ordered.at(-1)?.role !== 'customer' && endsExchange(last, phrases)) {
        if (said(agent.slice(-2), 'closing')) results.closing = 1;
        else miss('closing', last, 'the agent closes without offering further help', 'end with an offer: "Is there anything else I can help with?"');
      }
      // a first reply that acknowledged nothing is already a conduct finding (politeness.no_acknowledgement): not counted twice
      const unacknowledged = hasCode(ctx.previous.get('courtesy')?.findings, 'politeness.no_acknowledgement');
      let complaint: MessageView | undefined;
      if (!unacknowledged)
        for (const m of customer)
          if (isComplaint(phrases, m)) {
            complaint = m;
            break;
          }
      const answers = complaint ? fromTime(agent, complaint.time) : [];
      if (complaint && answers.length && require.apology) {
        if (said(answers, 'apology')) results.apology = 1;
        else
          miss(
            'apology',
            answers[0]!,
            `the customer reported a problem (message ${complaint.index}) and no agent message apologises`,
            'apologise for the problem before solving it: "I\'m sorry your order arrived damaged."',
          );
      }
      const upsetAt = require.empathy && !unacknowledged ? upset(ctx, customer, phrases) : undefined;
      const after = upsetAt ? fromTime(agent, upsetAt.time) : [];
      if (upsetAt && after.length) {
        if (said(after, 'empathy')) results.empathy = 1;
        else
          miss(
            'empathy',
            after[0]!,
            `the customer is upset (message ${upsetAt.index}) and no agent message acknowledges how they feel`,
            'acknowledge the feeling: "I understand how frustrating this is."',
          );
      }
      if (require.holding) {
        for (let k = 0; k < agent.length - 1; k++) {
          const hold = phrases.findIn(agent[k]!, 'holding');
          if (!hold) continue;
          const gap = agent[k + 1]!.time - agent[k]!.time;
          results.holding = gap > holdingLimit ? 0 : (results.holding ?? 1);
          if (gap <= holdingLimit) continue;
          findings.push({
            analyzer: 'script',
            code: 'script.no_holding_message',
            severity: severities.holding,
            messageIndex: agent[k]!.index,
            span: { start: hold.index, end: hold.index + hold[0].length },
            evidence: hold[0],
            explanation: `after "${hold[0]}" the customer waited ${Math.round(gap / 60000)} min with no update (limit ${Math.round(holdingLimit / 60000)} min)`,
            rule: {
              id: `script.holding.${agent[k]!.language}`,
              kind: 'rule',
              detail: { gapSeconds: Math.round(gap / 1000), limitSeconds: holdingLimit / 1000 },
            },
            suggestion: 'send a holding message ("Still checking, thanks for your patience") before the limit',
          });
        }
      }
      const checked = Object.values(results);
      let passed = 0;
      for (const v of checked) if (v === 1) passed++;
      const adherence = checked.length ? Math.round((passed / checked.length) * 1000) / 1000 : null;
      const metrics: Record<string, MetricValue> = { 'script.adherence': adherence };
      for (const k of Object.keys(results) as Check[]) metrics[`script.${k}`] = results[k]!;
      return {
        scores: agent.length ? { courtesy: 1, script: 1 } : { courtesy: null, script: null },
        findings,
        metrics,
      };
    },
  };
}
