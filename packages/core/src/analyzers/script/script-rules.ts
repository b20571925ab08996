import { z } from 'zod';
import type { MessageView } from '../../pipeline/analyze/contract.js';
import { compilePattern, isShipped } from '../../util/pattern-engine.js';
import { PhraseFilter } from '../../util/phrase-filter.js';
import { RegexSource } from '../../util/regex-source.js';
import { parseRules, shippedRules } from '../courtesy/rules.js';
import { polarityOf } from '../sentiment/model/classifier.js';
import { builtinSentimentModel, predictMessage } from '../sentiment/model/linear-model.js';
import { builtinMoodCues } from '../sentiment/model/mood.js';

const Phrases = z.object({
  greeting: RegexSource,
  closing: RegexSource,
  apology: RegexSource,
  empathy: RegexSource,
  holding: RegexSource,
  holdingUpdate: RegexSource,
  introduction: RegexSource,
  complaint: RegexSource,
  /** Words of an upset customer; optional (without it, the complaint phrases stand in). */
  upset: RegexSource.optional(),
});
export const ScriptRulesSchema = z.object({ version: z.string(), about: z.string().optional(), languages: z.record(z.string(), Phrases) });
export type ScriptRules = z.infer<typeof ScriptRulesSchema>;
export type ScriptPhrase = keyof z.infer<typeof Phrases>;

/** Compiled phrase patterns per language; `test(language, phrase, text)` is false for unknown languages. */
export interface ScriptPhrases {
  readonly languages: readonly string[];
  has(language: string): boolean;
  find(language: string, phrase: ScriptPhrase, text: string): RegExpExecArray | null;
  /**
   * `find` on the message's `view.folded`, skipping the regex when the message's shared phrase
   * prefilter (one scan per message and language) says it cannot match: the same result.
   */
  findIn(m: MessageView, phrase: ScriptPhrase, language?: string): RegExpExecArray | null;
}

const PHRASES = Phrases.keyof().options;
const SLOT = new Map<ScriptPhrase, number>(PHRASES.map((k, i) => [k, i]));
let shipped: ScriptPhrases | undefined;

/**
 * Compile script phrase data (the shipped `courtesy/script.json`, or a brand's edited copy).
 *
 * @example
 * const phrases = compileScriptPhrases(); // shipped: en zh de fr es ja pt it ko
 * phrases.find('en', 'apology', 'So sorry about that!')?.[0]; // 'sorry'
 */
export function compileScriptPhrases(data?: unknown): ScriptPhrases {
  // the shipped phrases are compiled once and shared (by the courtesy and script analyzers), so
  // a message's prefilter and complaint check are computed once for both
  if (data === undefined) return (shipped ??= compileScript(undefined));
  return compileScript(data);
}

function compileScript(data: unknown): ScriptPhrases {
  const rules = data === undefined ? shippedRules('script', ScriptRulesSchema) : parseRules(ScriptRulesSchema, data, 'script rules');
  // shipped phrases run on V8 (checked linear), a brand's on RE2 (see util/pattern-engine.ts)
  const origin = isShipped(rules) ? 'shipped' : 'user';
  const compiled = new Map(
    Object.entries(rules.languages).map(([lang, p]) => [
      lang,
      Object.fromEntries(Object.entries(p).map(([k, v]) => [k, compilePattern(v, 'iu', origin, `script rules (${lang}).${k}`)])) as Partial<
        Record<ScriptPhrase, RegExp>
      >,
    ]),
  );
  // per language, one prefilter over its phrases' literal prefixes (shipped phrases only: a
  // brand's run on RE2, always)
  const filters = new Map(
    Object.entries(rules.languages).map(([lang, p]) => [
      lang,
      new PhraseFilter(
        PHRASES.map((k) => (origin === 'shipped' ? p[k] : null)),
        lang,
      ),
    ]),
  );
  const find = (language: string, phrase: ScriptPhrase, text: string) => compiled.get(language)?.[phrase]?.exec(text) ?? null;
  return {
    languages: [...compiled.keys()],
    has: (language) => compiled.has(language),
    find,
    findIn: (m, phrase, language = m.language) => {
      const filter = origin === 'shipped' ? filters.get(language) : undefined;
      if (filter && !filter.mayMatch(m.analysis)[SLOT.get(phrase)!]) return null;
      return find(language, phrase, m.view.folded);
    },
  };
}

/**
 * Did the customer report a problem in this message? In languages with script phrases: a
 * complaint phrase (something broken, missing, late, wrong, charged twice…) or upset words —
 * a neutral question about a return or a refund is not a complaint. Elsewhere: the mood cues
 * (`sentiment/mood-cues.json`) call the message negative on a cue, or the shipped polarity model
 * is clearly negative (≤ −0.6).
 */
export function isComplaint(phrases: ScriptPhrases, m: MessageView): boolean {
  // asked by the courtesy and the script analyzer alike: once per message, phrase set and language
  const known = m.analysis.memo(phrases, () => new Map<string, boolean>());
  let complaint = known.get(m.language);
  if (complaint === undefined) known.set(m.language, (complaint = judgeComplaint(phrases, m)));
  return complaint;
}

/** Two or more exclamation marks, the one upset cue that is punctuation. */
const EXCLAMATIONS = /[!！]{2,}/g;

function judgeComplaint(phrases: ScriptPhrases, m: MessageView): boolean {
  if (phrases.has(m.language)) {
    if (phrases.findIn(m, 'complaint') !== null) return true;
    if (phrases.findIn(m, 'upset') === null) return false;
    if (phrases.find(m.language, 'upset', m.view.folded.replace(EXCLAMATIONS, ' ')) !== null) return true;
  } else if (!m.text.trim()) return false;
  // exclamation marks are how strongly, not which way: "It arrived!! She loves it" is delight.
  // Without a complaint phrase, the message must read negative with them left out (decision 147).
  const { mood, polarity } = moodOf(m, m.view.normalized.replace(EXCLAMATIONS, ' '));
  return (mood.label === 'negative' && mood.cues.some((c) => c.kind === 'negative')) || (polarity !== null && polarity <= -0.6 && mood.label !== 'positive');
}

/** The built-in mood of a customer message (the sentiment model's polarity and the mood cues of `normalized`). */
function moodOf(m: MessageView, normalized: string) {
  const model = builtinSentimentModel(m.language);
  const polarity = model ? polarityOf(predictMessage(model, m)) : null;
  // the message's own cue scan is shared only when the text is the message's
  const analysis = normalized === m.view.normalized ? m.analysis : undefined;
  return { polarity, mood: builtinMoodCues().moodOf(normalized, m.language, { polarity }, undefined, analysis) };
}
