import type { Conversation, Role } from '../schemas/conversation.js';
import { langidText } from './features.js';
import { baseLanguage, decide, identifyLanguage, type LanguageGuess } from './identify.js';
import { builtinLangidModel, type LangidModel } from './model.js';
import { countScripts, scriptLanguage } from './script.js';

export interface ConversationLanguageOptions {
  languages?: readonly string[];
  model?: LangidModel;
}

export interface ConversationLanguages {
  /** One guess per message, in input order. */
  messages: LanguageGuess[];
  /** Dominant language per role (`und` when the role wrote nothing identifiable). */
  byRole: Record<Role, string>;
}

/**
 * Language of every message, using the whole conversation: a speaker's messages are pooled
 * (short replies like "ok thanks" inherit the speaker's language unless they clearly differ),
 * `message.language` is taken as given, and `customer.locale` is a prior for customer turns.
 *
 * @example
 * identifyConversationLanguages(conversation).byRole.customer // 'de'
 */
export function identifyConversationLanguages(
  conversation: Conversation,
  options: ConversationLanguageOptions = {},
): ConversationLanguages {
  const allowed = options.languages?.length ? new Set(options.languages.map((l) => baseLanguage(l) ?? l)) : null;
  const msgs = conversation.messages;
  const speakerKey = (i: number) => `${msgs[i]!.role}:${msgs[i]!.authorId ?? ''}`;
  // 1. per-message evidence
  let model: LangidModel | undefined;
  const latinLL: (Float64Array | null)[] = [];
  const scriptGuess: (string | null)[] = [];
  for (const m of msgs) {
    const s = scriptLanguage(m.text, countScripts(m.text.slice(0, 2000)));
    scriptGuess.push(s);
    if (s === 'latin' && !m.language) {
      model ??= options.model ?? builtinLangidModel();
      latinLL.push(model.logLikelihoods(langidText(m.text)));
    } else latinLL.push(null);
  }
  // 2. pool Latin-script evidence per speaker
  const pooled = new Map<string, Float64Array>();
  latinLL.forEach((ll, i) => {
    if (!ll) return;
    const key = speakerKey(i);
    const acc = pooled.get(key) ?? new Float64Array(ll.length);
    for (let l = 0; l < ll.length; l++) acc[l] = acc[l]! + ll[l]!;
    pooled.set(key, acc);
  });
  const locale = baseLanguage(conversation.customer?.locale);
  // 3. decide each message: own evidence + a damped share of the speaker's pooled evidence
  const guesses = msgs.map((m, i): LanguageGuess => {
    const given = baseLanguage(m.language);
    if (given) return { language: given, confidence: 1, method: 'none', logLikelihoods: {} };
    const ll = latinLL[i];
    if (!ll || !model) {
      return identifyLanguage(m.text, { ...(allowed ? { languages: [...allowed] } : {}), ...(options.model ? { model: options.model } : {}) });
    }
    const pool = pooled.get(speakerKey(i))!;
    const mixed = new Float64Array(ll.length);
    for (let l = 0; l < ll.length; l++) mixed[l] = ll[l]! + 0.5 * (pool[l]! - ll[l]!);
    const hint = m.role === 'customer' ? locale : undefined;
    return decide(model.languages, mixed, allowed, hint, 2);
  });
  // 4. dominant language per role by count of identified messages
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
