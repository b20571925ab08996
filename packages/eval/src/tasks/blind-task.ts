import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtinAnalyzers, createInspector, type Finding } from '@cxqa/core';
import { lines } from '../corpora/read.js';
import type { EvalRow } from '../report.js';
import type { EvalTask } from './task.js';

const CORPUS = 'fixtures/blind';

/**
 * One line of `fixtures/blind/<rule>-<batch>.jsonl`: a conversation written by a session that never
 * saw the rules, and that writer's label as a QA lead (decisions 141, 147, 148, 160).
 */
export interface BlindConversation {
  id: string;
  /** `design` (read while the rule was revised) or `heldout…` (read once, after the rule was frozen). */
  set: string;
  language: string;
  conversation: { id: string; messages: { role: string; text: string }[] } & Record<string, unknown>;
  /** The writer's labels; which field is the judgement depends on the file's rule. */
  label: Record<string, unknown>;
}

/** A reader's verdict on a firing in a blind-written conversation (`<rule>-reader.jsonl`). */
interface ReaderVerdict {
  set: string;
  id: string;
  /** The message judged, when a chat had more than one flagged (then the labelled one counts). */
  message_index?: number;
  verdict: 'right' | 'wrong' | 'unsure';
}

/** What each file family measures: the rule ids, where a firing counts, and the writer's label field. */
const FAMILIES: Record<
  string,
  { rules: RegExp; label: string; at: (c: BlindConversation) => number | null; severe?: boolean; verdictRows?: boolean; model?: RegExp }
> = {
  'no-acknowledgement': {
    rules: /\.no_acknowledgement\.strict$/,
    label: 'qa_fault_no_acknowledgement',
    // the first agent reply is the one judged
    at: (c) => c.conversation.messages.findIndex((m) => m.role === 'agent'),
  },
  hehe: { rules: /^zh\.sarcastic\.hehe$/, label: 'hehe_dismissive', at: () => null },
  laugh: { rules: /\.sarcastic\.laugh$/, label: 'laugh_dismissive', at: () => null },
  // the laugh the writer labelled, upgraded because the customer objected to it (decision 160)
  // steering a buyer off a marketplace, at its major (marketplace) severity (decision 166)
  'policy-steering': { rules: /:off_platform_contact$/, label: 'off_platform_steering', at: (c) => Number(c.label.agent_message_index) },
  // the bare-呵呵 rule on chats about Weibo/Taobao stickers ([呵呵], [微笑], …): it must not read the sticker (decision 162)
  'sticker-hehe': { rules: /^zh\.sarcastic\.hehe/, label: 'hehe_dismissive', at: (c) => Number(c.label.agent_message_index) },
  // the claim is the customer's objection to the reply's tone, not the agent's fault (decision 161)
  'tone-objected': {
    rules: /\.tone_objected$/,
    label: 'customer_objected_to_agent_tone',
    at: (c) => Number(c.label.agent_message_index),
  },
  'called-out': { rules: /\.sarcastic\.called_out$/, label: 'laugh_dismissive', at: (c) => Number(c.label.agent_message_index) },
  // any agent-conduct finding that fails or marks down the reply (major or critical) at the labelled
  // message: blame, dismissal, lecturing, impatience, orders, sarcasm, deflection, the wrong form of address
  conduct: {
    rules:
      /^(?:[a-z]{2}\.(?:blaming|condescending|impatient|dismissive|sarcastic|commanding|deflecting|curt)\.|conduct\.[a-z]{2}\.no_acknowledgement\.strict$|address\.)/,
    label: 'agent_misconduct',
    at: (c) => Number(c.label.agent_message_index),
    severe: true,
    verdictRows: true,
    // the conduct model's info finding at the same reply (decision 210); trained on conduct-design only of these files
    model: /^politeness\.model\.conduct@/,
  },
};

/**
 * `blind` on fixtures/blind: each rule re-run on the conversations written blind for it. Rows per file
 * and language: `fired`, `writer_precision` (firings the writer labelled a fault / firings; unsure
 * counts as not right), `recall` (faults caught / faults labelled), and for files with reader verdicts
 * `reader_precision` (right / judged, over current firings with a verdict) and `reader_unjudged`.
 * Design batches are reported but were read while revising the rules; held-out ones were not. For
 * the conduct family also `model_fired`, `model_writer_precision`, `model_recall` (the conduct model's
 * `politeness.possible_misconduct` at the labelled reply, the model turned on — it is off by default)
 * and `rules_or_model_recall`, with `model_reader_precision` / `model_reader_unjudged` from the reader's verdicts.
 */
export const blindTask: EvalTask = {
  name: 'blind',
  async run({ fixturesDir }) {
    const dir = join(fixturesDir, 'blind');
    if (!existsSync(dir)) return { rows: [], evaluated: [], skipped: [CORPUS], notes: [] };
    const inspector = createInspector();
    // the conduct model is off by default; its rows come from a second inspector with it on (decision 210), built for the first conduct file
    let withModel: ReturnType<typeof createInspector> | undefined;
    const rows: EvalRow[] = [];
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.jsonl') && !f.endsWith('-reader.jsonl'))
      .sort();
    for (const file of files) {
      const family = Object.keys(FAMILIES).find((k) => file.startsWith(`${k}-`));
      if (!family) continue;
      const { rules, label, at, severe, verdictRows, model } = FAMILIES[family]!;
      const readerFile = join(dir, `${family}-reader.jsonl`);
      const reader = new Map(
        existsSync(readerFile)
          ? lines(readFileSync(readerFile, 'utf8')).map((l) => {
              const v = JSON.parse(l) as ReaderVerdict;
              return [`${v.set}|${v.id}${v.message_index === undefined ? '' : `|${v.message_index}`}`, v.verdict] as const;
            })
          : [],
      );
      const conversations = lines(readFileSync(join(dir, file), 'utf8')).map((l) => JSON.parse(l) as BlindConversation);
      type Tally = {
        n: number;
        fired: number;
        right: number;
        faults: number;
        caught: number;
        judged: number;
        readerRight: number;
        flagged: number;
        innocent: number;
        innocentFlagged: number;
        modelFired: number;
        modelRight: number;
        modelJudged: number;
        modelReaderRight: number;
        eitherCaught: number;
      };
      const tallies = new Map<string, Tally>();
      for (const c of conversations) {
        const where = at(c);
        const result = await inspector.inspect(c.conversation);
        // the conversation's verdict: failed, or passed but sent to a person for review
        const flagged = !result.pass || result.review.needed;
        const fired = result.findings.some(
          (f: Finding) =>
            !!f.rule &&
            rules.test(f.rule.id) &&
            (where === null || f.messageIndex === where) &&
            (!severe || f.severity === 'major' || f.severity === 'critical'),
        );
        const modelFired =
          !!model &&
          (await (withModel ??= createInspector({ analyzers: builtinAnalyzers({ courtesy: { conductModel: true } }) })).inspect(c.conversation)).findings.some(
            (f: Finding) => !!f.rule && model.test(f.rule.id) && f.messageIndex === where,
          );
        const fault = c.label[label] === 'yes';
        const verdict = reader.get(`${c.set}|${c.id}|${where}`) ?? reader.get(`${c.set}|${c.id}`);
        for (const key of [c.language, 'all']) {
          const t = tallies.get(key) ?? {
            n: 0,
            fired: 0,
            right: 0,
            faults: 0,
            caught: 0,
            judged: 0,
            readerRight: 0,
            flagged: 0,
            innocent: 0,
            innocentFlagged: 0,
            modelFired: 0,
            modelRight: 0,
            modelJudged: 0,
            modelReaderRight: 0,
            eitherCaught: 0,
          };
          t.n++;
          if (fault) {
            t.faults++;
            if (flagged) t.flagged++;
          }
          if (modelFired) {
            t.modelFired++;
            if (fault) t.modelRight++;
            // the model fires only where no rule did, so a verdict at this reply is the model's
            if (verdict) {
              t.modelJudged++;
              if (verdict === 'right') t.modelReaderRight++;
            }
          }
          if (fault && (fired || modelFired)) t.eitherCaught++;
          if (c.label[label] === 'no') {
            t.innocent++;
            if (flagged) t.innocentFlagged++;
          }
          if (fired) {
            t.fired++;
            if (fault) {
              t.right++;
              t.caught++;
            }
            if (verdict) {
              t.judged++;
              if (verdict === 'right') t.readerRight++;
            }
          }
          tallies.set(key, t);
        }
      }
      const subsetOf = (key: string) => `${file.replace(/\.jsonl$/, '')}${key === 'all' ? '' : `/${key}`}`;
      for (const [key, t] of [...tallies].sort(([a], [b]) => (a === 'all' ? -1 : b === 'all' ? 1 : a.localeCompare(b)))) {
        const row = (metric: string, value: number, n: number): EvalRow => ({
          task: 'blind',
          corpus: CORPUS,
          subset: subsetOf(key),
          metric,
          value: Math.round(value * 10_000) / 10_000,
          n,
        });
        rows.push(
          row('fired', t.fired, t.n),
          row('writer_precision', t.fired ? t.right / t.fired : Number.NaN, t.fired),
          row('recall', t.faults ? t.caught / t.faults : Number.NaN, t.faults),
        );
        // verdict-level (conduct family): faults whose conversation fails or needs review; innocent ones that do
        if (verdictRows)
          rows.push(
            row('faults_failed_or_review', t.faults ? t.flagged / t.faults : Number.NaN, t.faults),
            row('innocent_failed_or_review', t.innocent ? t.innocentFlagged / t.innocent : Number.NaN, t.innocent),
          );
        if (model)
          rows.push(
            row('model_fired', t.modelFired, t.n),
            row('model_writer_precision', t.modelFired ? t.modelRight / t.modelFired : Number.NaN, t.modelFired),
            row('model_recall', t.faults ? t.modelRight / t.faults : Number.NaN, t.faults),
            row('rules_or_model_recall', t.faults ? t.eitherCaught / t.faults : Number.NaN, t.faults),
            ...(reader.size
              ? [
                  row('model_reader_precision', t.modelJudged ? t.modelReaderRight / t.modelJudged : Number.NaN, t.modelJudged),
                  row('model_reader_unjudged', t.modelFired - t.modelJudged, t.modelFired),
                ]
              : []),
          );
        if (reader.size)
          rows.push(row('reader_precision', t.judged ? t.readerRight / t.judged : Number.NaN, t.judged), row('reader_unjudged', t.fired - t.judged, t.fired));
      }
    }
    return { rows, evaluated: [CORPUS], skipped: [], notes: [] };
  },
};
