import type { Conversation, Role } from '../schemas/conversation.js';
import { countLetters, langidText, MAX_CHARS } from './features.js';
import { decide, scriptDecision, type LanguageGuess } from './identify.js';
import { builtinLangidModel, type LangidModel } from './model.js';
import { customerLanguagePrior, logPriorOver, PRIOR_FLOOR } from './prior.js';
import { countScripts, scriptLanguage } from './script.js';
import { baseLanguage } from './tags.js';

export interface ConversationLanguageOptions {
  languages?: readonly string[];
  model?: LangidModel;
  /** ε of the customer prior (default PRIOR_FLOOR = 0.2); 1 turns the locale/country prior off. */
  priorFloor?: number;
}

export interface ConversationLanguages {
  /** One guess per message, in input order. */
  messages: LanguageGuess[];
  /** Dominant language per role (`und` when the role wrote nothing identifiable). */
  byRole: Record<Role, string>;
}

/** Share of a speaker's other messages that is added to each message's own evidence. */
const POOL_SHARE = 0.5;

/**
 * Language of every message, using the whole conversation: a speaker's messages are pooled
 * (short replies like "ok thanks" inherit the speaker's language unless they clearly differ),
 * `message.language` is taken as given, and customer turns get a prior from `customer.locale`
 * (strong) and `customer.country` (its CLDR languages). Evidence is calibrated by length, so
 * the prior decides three ambiguous words and never a long clear message.
 *
 * @example
 * identifyConversationLanguages(conversation).byRole.customer // 'de'
 */
export function identifyConversationLanguages(
  conversation: Conversation,
  options: ConversationLanguageOptions = {},
): ConversationLanguages {
  const allowed = options.languages?.length ? new Set(options.languages.map((l) => baseLanguage(l) ?? l)) : null;
  const floor = options.priorFloor ?? PRIOR_FLOOR;
  const msgs = conversation.messages;
  const speakerKey = (i: number) => `${msgs[i]!.role}:${msgs[i]!.authorId ?? ''}`;
  const customer = conversation.customer;
  const q = customer ? customerLanguagePrior({ locale: customer.locale, country: customer.country }) : undefined;
  // 1. per-message evidence
  let model: LangidModel | undefined;
  const latinLL: (Float64Array | null)[] = [];
  const letters: number[] = [];
  const scriptGuess: (string | null)[] = [];
  for (const m of msgs) {
    const s = m.language ? null : scriptLanguage(m.text, countScripts(m.text.slice(0, MAX_CHARS)));
    scriptGuess.push(s);
    if (s === 'latin') {
      model ??= options.model ?? builtinLangidModel();
      const prepared = langidText(m.text);
      latinLL.push(model.logLikelihoods(prepared));
      letters.push(countLetters(prepared));
    } else {
      latinLL.push(null);
      letters.push(0);
    }
  }
  // 2. pool Latin-script evidence (log-likelihoods and letter counts) per speaker
  const pooled = new Map<string, { ll: Float64Array; letters: number }>();
  latinLL.forEach((ll, i) => {
    if (!ll) return;
    const key = speakerKey(i);
    const acc = pooled.get(key) ?? { ll: new Float64Array(ll.length), letters: 0 };
    for (let l = 0; l < ll.length; l++) acc.ll[l] = acc.ll[l]! + ll[l]!;
    acc.letters += letters[i]!;
    pooled.set(key, acc);
  });
  const plainPrior = model ? logPriorOver(model.languages, allowed, undefined) : undefined;
  const customerPrior = model && q ? logPriorOver(model.languages, allowed, q, floor) : plainPrior;
  // 3. decide each message: own evidence + a share of the speaker's other evidence, × prior
  const guesses = msgs.map((m, i): LanguageGuess => {
    const given = baseLanguage(m.language);
    if (given) return { language: given, confidence: 1, method: 'none', logLikelihoods: {} };
    const isCustomer = m.role === 'customer';
    const ll = latinLL[i];
    if (!ll || !model) {
      const script = scriptGuess[i];
      if (script === null || script === undefined) return { language: 'und', confidence: 0, method: 'none', logLikelihoods: {} };
      return scriptDecision(script, m.text, allowed, isCustomer ? q : undefined, floor);
    }
    const pool = pooled.get(speakerKey(i))!;
    const mixed = new Float64Array(ll.length);
    for (let l = 0; l < ll.length; l++) mixed[l] = ll[l]! + POOL_SHARE * (pool.ll[l]! - ll[l]!);
    const n = letters[i]! + POOL_SHARE * (pool.letters - letters[i]!);
    return decide(model.languages, mixed, n, model.calibration, isCustomer ? customerPrior! : plainPrior!);
  });
  // 4. dominant language per role, by characters of identified messages
  const locale = baseLanguage(customer?.locale);
  const byRole = { customer: 'und', agent: 'und', bot: 'und', system: 'und' } as Record<Role, string>;
  for (const role of Object.keys(byRole) as Role[]) {
    const tally = new Map<string, number>();
    guesses.forEach((g, i) => {
      if (msgs[i]!.role === role && g.language !== 'und') tally.set(g.language, (tally.get(g.language) ?? 0) + msgs[i]!.text.length);
    });
    let best = 'und';
    let n = 0;
    for (const [lang, c] of tally) if (c > n) [best, n] = [lang, c];
    if (best === 'und' && role === 'customer' && locale) best = locale;
    byRole[role] = best;
  }
  return { messages: guesses, byRole };
}
