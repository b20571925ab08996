import type { Conversation, Message, Role } from '../pipeline/validate/conversation.js';
import { evidenceScale, type LangidCalibration } from './calibration.js';
import { countLetters, langidText } from './features.js';
import { candidateSet, guessFromWeights, type LanguageGuess, scriptDecision } from './identify.js';
import { builtinLangidModel, type LangidModel } from './model.js';
import { scanPrefix } from './prefix-scan.js';
import { cachedLogPrior, customerLanguagePrior, type LanguageDistribution, PRIOR_FLOOR } from './prior.js';
import type { ScriptCounts } from './script.js';
import { scriptLanguage } from './script.js';
import { baseLanguage } from './tags.js';

export interface ConversationLanguageOptions {
  languages?: readonly string[];
  model?: LangidModel;
  /** ε of the customer prior (default PRIOR_FLOOR = 0.2); 1 turns the locale/country prior off. */
  priorFloor?: number;
  /**
   * Messages said before `conversation.messages` (a live session's earlier messages outside its
   * window): their evidence joins the speaker profiles and `byRole`, but they get no guess.
   */
  context?: readonly Message[];
  /**
   * Per-message evidence kept across calls, keyed by the message object (a live session passes the
   * same objects on every call, so each message is scored once). Only valid for one model.
   */
  evidenceCache?: WeakMap<Message, MessageEvidence>;
}

/** What a message contributes before any prior: its script decision and, for Latin text, n-gram log-likelihoods. */
export interface MessageEvidence {
  script: string | null;
  ll: Float64Array | null;
  letters: number;
}

export interface ConversationLanguages {
  /** One guess per message, in input order. */
  messages: LanguageGuess[];
  /** Dominant language per role (`und` when the role wrote nothing identifiable). */
  byRole: Record<Role, string>;
}

/**
 * ρ: the probability that a message is in the language the speaker's other messages are in
 * (their letter-weighted posteriors); the rest of the prior is the base (customer) prior. The
 * other messages thus enter as a bounded prior, never as evidence: a clear message in another
 * language keeps its language, a bare "vale" or "ok" follows the speaker.
 */
const SPEAKER_STICKINESS = 0.8;

/**
 * Inside a conversation each message is identified on its first 200 UTF-16 units (a lone text,
 * `identifyLanguage`, on MAX_CHARS = 2,000): the speaker's other messages carry the rest of the
 * evidence, and the n-gram scoring is linear in the characters read. Chosen where every recorded
 * Result stayed the same: on the 2,000 realistic bench chats and the 2,725 stc3 threads
 * (`bench/record-results.ts`, 9,982 of their 52,271 messages longer than 200 characters) a prefix of
 * 200 — and of 150 — gave byte-identical Results to 2,000 (decision 87).
 */
export const MESSAGE_PREFIX = 200;

/** What `wantLatinCodes` reads, set before each `scanPrefix` call (a module-level callback: no closure per message). */
const scanning: { text: string; model: LangidModel | undefined; script: string | null | undefined } = { text: '', model: undefined, script: undefined };

/** `scanPrefix`'s question: decide the script (kept in `scanning.script`); codes only for Latin text and a model that reads them. */
function wantLatinCodes(counts: ScriptCounts): boolean {
  scanning.script = scriptLanguage(scanning.text, counts);
  return scanning.script === 'latin' && !!(scanning.model ??= builtinLangidModel()).logLikelihoodsOfCodes;
}

/**
 * The script decision of a message and, for Latin text, the model's log-likelihoods of its
 * prepared prefix (`given`, else the built-in model): one scan of the prefix (`scanPrefix`) when
 * the model reads code points.
 */
function messageEvidence(text: string, given: LangidModel | undefined): MessageEvidence {
  scanning.text = text;
  scanning.model = given;
  scanning.script = undefined; // the slow scan decides the script to know whether it needs the codes
  const scan = scanPrefix(text, MESSAGE_PREFIX, wantLatinCodes);
  const script = scanning.script !== undefined ? scanning.script : scriptLanguage(text, scan.counts);
  scanning.text = '';
  if (script !== 'latin') return { script, ll: null, letters: 0 };
  const model = given ?? builtinLangidModel();
  if (!model.logLikelihoodsOfCodes) {
    const prepared = langidText(text, MESSAGE_PREFIX);
    return { script, ll: model.logLikelihoods(prepared), letters: countLetters(prepared) };
  }
  return { script, ll: model.logLikelihoodsOfCodes(scan.codes, scan.length), letters: scan.letters };
}

/** The key of a message's speaker profile: role and author. */
const speakerKeyOf = (m: Message) => `${m.role}:${m.authorId ?? ''}`;

/** A first message with at most this many letters ("No.", "Sí", "Nein") takes the other speakers' language as its prior. */
const BARE_REPLY_LETTERS = 4;

const probabilities = new WeakMap<Float64Array, Float64Array>();

/** exp of a (cached, shared) log prior, itself cached. */
function priorProbabilities(logPrior: Float64Array): Float64Array {
  let p = probabilities.get(logPrior);
  if (!p) {
    p = new Float64Array(logPrior.length);
    for (let l = 0; l < p.length; l++) p[l] = Math.exp(logPrior[l]!);
    probabilities.set(logPrior, p);
  }
  return p;
}

/** Normalised posterior over the model languages: exp(log prior + LL / T(letters)). */
function posterior(ll: Float64Array, letters: number, calibration: LangidCalibration, logPrior: ArrayLike<number>): Float64Array {
  const scale = evidenceScale(letters, calibration);
  const out = new Float64Array(ll.length);
  let max = -Infinity;
  for (let l = 0; l < ll.length; l++) {
    out[l] = logPrior[l]! + ll[l]! * scale;
    if (out[l]! > max) max = out[l]!;
  }
  if (max === -Infinity) return out.fill(0);
  let z = 0;
  for (let l = 0; l < ll.length; l++) {
    out[l] = Math.exp(out[l]! - max);
    z += out[l]!;
  }
  for (let l = 0; l < ll.length; l++) out[l] = out[l]! / z;
  return out;
}

/**
 * Language of every message, using the whole conversation. Each message is decided on its own
 * length-calibrated evidence under a prior that mixes (a) the base prior — for customer turns
 * `customer.locale` (strong) and `customer.country` (its CLDR languages), uniform otherwise —
 * and (b) the language profile of the speaker's other messages (SPEAKER_STICKINESS). So "ok
 * thanks" or "vale" follow the speaker, three ambiguous words follow the customer's country,
 * and a long clear message keeps its language. `message.language` is taken as given.
 *
 * @example
 * identifyConversationLanguages(conversation).byRole.customer // 'de'
 */
export function identifyConversationLanguages(conversation: Conversation, options: ConversationLanguageOptions = {}): ConversationLanguages {
  const { allowed, key: allowedKey } = candidateSet(options.languages);
  const floor = options.priorFloor ?? PRIOR_FLOOR;
  const context = options.context ?? [];
  const msgs = context.length ? [...context, ...conversation.messages] : conversation.messages;
  const customer = conversation.customer;
  // The customer prior as a distribution is only needed for script decisions (zh vs ja): made on first use.
  let q: LanguageDistribution | undefined;
  let qDone = false;
  // 1. per-message evidence
  let model: LangidModel | undefined;
  const latinLL: (Float64Array | null)[] = [];
  const letters: number[] = [];
  const scriptGuess: (string | null)[] = [];
  const cache = options.evidenceCache;
  for (const m of msgs) {
    let e = cache?.get(m);
    if (!e) {
      e = m.language ? { script: null, ll: null, letters: 0 } : messageEvidence(m.text, options.model);
      cache?.set(m, e);
    }
    if (e.ll) model ??= options.model ?? builtinLangidModel();
    scriptGuess.push(e.script);
    latinLL.push(e.ll);
    letters.push(e.letters);
  }
  const plainPrior = model ? cachedLogPrior(model.languages, allowed, allowedKey, {}) : undefined;
  const customerPrior =
    model && customer ? cachedLogPrior(model.languages, allowed, allowedKey, { locale: customer.locale, country: customer.country }, floor) : plainPrior;
  // agents and bots answer in the customer's language, so the customer's locale/country is their prior too
  // (a long clear message in another language still keeps its own language)

  // 2. each Latin message's own posterior (its evidence × the base prior), summed per speaker
  //    with weight = letters, so a speaker's language profile leans on their longer messages
  //    (loops, not per-call arrows: see decision 204)
  const own: (Float64Array | null)[] = [];
  for (let i = 0; i < latinLL.length; i++) {
    const ll = latinLL[i];
    own.push(ll && model ? posterior(ll, letters[i]!, model.calibration, msgs[i]!.role === 'system' ? plainPrior! : customerPrior!) : null);
  }
  const profiles = new Map<string, { sum: Float64Array; weight: number }>();
  for (let i = 0; i < own.length; i++) {
    const p = own[i];
    if (!p) continue;
    const key = speakerKeyOf(msgs[i]!);
    const acc = profiles.get(key) ?? { sum: new Float64Array(p.length), weight: 0 };
    for (let l = 0; l < p.length; l++) acc.sum[l] = acc.sum[l]! + letters[i]! * p[l]!;
    acc.weight += letters[i]!;
    profiles.set(key, acc);
  }
  // the pooled profile of every non-system speaker, for a bare reply with no other message of its speaker (below)
  let pooled: { sum: Float64Array; weight: number } | undefined;
  for (const [key, p] of profiles) {
    if (key.startsWith('system:')) continue;
    pooled ??= { sum: new Float64Array(p.sum.length), weight: 0 };
    for (let l = 0; l < p.sum.length; l++) pooled.sum[l] = pooled.sum[l]! + p.sum[l]!;
    pooled.weight += p.weight;
  }
  // 3. decide each message on its own evidence, with a prior that mixes the base prior and the
  //    speaker's profile from their *other* messages: (1 − ρ)·base + ρ·profile. A bare reply
  //    (≤ BARE_REPLY_LETTERS letters) of a speaker with no other message (an agent's first reply
  //    "No.") follows the other speakers' profile instead: agents answer in the customer's language,
  //    and a live session's window must not decide a bare reply alone when the conversation so far
  //    has a language. Longer first messages decide alone, as before (a 10-letter insult after a
  //    customer's "Hello" keeps its own language).
  let scratch: Float64Array | undefined; // posterior weights; guessFromWeights keeps nothing of it
  const guesses: LanguageGuess[] = [];
  for (let i = 0; i < msgs.length; i++) {
    const m = msgs[i]!;
    const given = baseLanguage(m.language);
    if (given) {
      guesses.push({ language: given, confidence: 1, method: 'none', logLikelihoods: {} });
      continue;
    }
    const ll = latinLL[i];
    if (!ll || !model) {
      const script = scriptGuess[i];
      if (script === null || script === undefined) guesses.push({ language: 'und', confidence: 0, method: 'none', logLikelihoods: {} });
      else {
        if (!qDone && m.role !== 'system')
          [q, qDone] = [customer ? customerLanguagePrior({ locale: customer.locale, country: customer.country }) : undefined, true];
        guesses.push(scriptDecision(script, m.text, allowed, m.role !== 'system' ? q : undefined, floor));
      }
      continue;
    }
    // own[i] ∝ base · e (e = calibrated likelihood), so the posterior under the mixed prior is
    // ∝ mixed · own[i] / base: no second pass of exponentials.
    const mine = own[i]!;
    const speaker = profiles.get(speakerKeyOf(m))!;
    const alone = speaker.weight - letters[i]! <= 0 && letters[i]! <= BARE_REPLY_LETTERS && m.role !== 'system';
    const profile = (alone && pooled) || speaker;
    const otherWeight = profile.weight - letters[i]!;
    if (otherWeight <= 0) {
      guesses.push(guessFromWeights(model.languages, mine, ll));
      continue;
    }
    const baseP = priorProbabilities(msgs[i]!.role === 'system' ? plainPrior! : customerPrior!);
    const weights = (scratch ??= new Float64Array(ll.length));
    for (let l = 0; l < ll.length; l++) {
      weights[l] = 0;
      if (!(baseP[l]! > 0)) continue;
      const fromOthers = Math.max((profile.sum[l]! - letters[i]! * mine[l]!) / otherWeight, 0);
      weights[l] = (((1 - SPEAKER_STICKINESS) * baseP[l]! + SPEAKER_STICKINESS * fromOthers) * mine[l]!) / baseP[l]!;
    }
    guesses.push(guessFromWeights(model.languages, weights, ll));
  }
  // 4. dominant language per role, by characters of identified messages
  const locale = baseLanguage(customer?.locale);
  const byRole = { customer: 'und', agent: 'und', bot: 'und', system: 'und' } as Record<Role, string>;
  for (const role of Object.keys(byRole) as Role[]) {
    const tally = new Map<string, number>();
    for (let i = 0; i < guesses.length; i++) {
      const g = guesses[i]!;
      if (msgs[i]!.role === role && g.language !== 'und') tally.set(g.language, (tally.get(g.language) ?? 0) + msgs[i]!.text.length);
    }
    let best = 'und';
    let n = 0;
    for (const [lang, c] of tally) if (c > n) [best, n] = [lang, c];
    if (best === 'und' && role === 'customer' && locale) best = locale;
    byRole[role] = best;
  }
  return { messages: context.length ? guesses.slice(context.length) : guesses, byRole };
}
