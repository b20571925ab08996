import { z } from 'zod';
import type { MessageView } from '../../analyzer/contract.js';
import { builtinSentimentModel } from '../../sentiment/linear-model.js';
import { polarityOf } from '../../sentiment/classifier.js';
import { RegexSource } from '../../util/regex-source.js';
import { parseRules, shippedRules } from '../courtesy/rules.js';

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
}

/**
 * Compile script phrase data (the shipped `courtesy/script.json`, or a brand's edited copy).
 *
 * @example
 * const phrases = compileScriptPhrases(); // shipped: en zh de fr es ja
 * phrases.find('en', 'apology', 'So sorry about that!')?.[0]; // 'sorry'
 */
export function compileScriptPhrases(data?: unknown): ScriptPhrases {
  const rules = data === undefined ? shippedRules('script', ScriptRulesSchema) : parseRules(ScriptRulesSchema, data, 'script rules');
  const compiled = new Map(Object.entries(rules.languages).map(([lang, p]) => [lang, Object.fromEntries(Object.entries(p).map(([k, v]) => [k, new RegExp(v, 'iu')])) as Partial<Record<ScriptPhrase, RegExp>>]));
  return {
    languages: [...compiled.keys()],
    has: (language) => compiled.has(language),
    find: (language, phrase, text) => compiled.get(language)?.[phrase]?.exec(text) ?? null,
  };
}

/**
 * Did the customer report a problem in this message? A complaint phrase, for languages with script
 * phrases; elsewhere a clearly negative polarity (≤ −0.6) from the shipped model. (Polarity alone
 * is not used where phrases exist: the two-class models call many neutral questions negative.)
 */
export function isComplaint(phrases: ScriptPhrases, m: MessageView): boolean {
  if (phrases.has(m.language)) return phrases.find(m.language, 'complaint', m.view.folded) !== null;
  const model = builtinSentimentModel(m.language);
  return !!model && m.text.trim() !== '' && polarityOf(model.predict(m.text, m.view.normalized)) <= -0.6;
}
