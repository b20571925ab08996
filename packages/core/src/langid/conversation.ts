import type { Conversation, Message, Role } from '../pipeline/validate/conversation.js';
import { evidenceScale, type LangidCalibration } from './calibration.js';
import { countLetters, langidText } from './features.js';
import { candidateSet, type LanguageGuess, scriptDecision } from './identify.js';
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
  // not asked: the fast path, whose only letters are Latin (scriptLanguage of such counts: 'latin', or null for none)
  const script = scanning.script !== undefined ? scanning.script : scan.counts.latin > 0 ? 'latin' : null;
  scanning.text = '';
  if (script !== 'latin') return { script, ll: null, letters: 0 };
  const model = given ?? builtinLangidModel();
  if (!model.logLikelihoodsOfCodes) {
    const prepared = langidText(text, MESSAGE_PREFIX);
    return { script, ll: model.logLikelihoods(prepared), letters: countLetters(prepared) };
  }
  return { script, ll: model.logLikelihoodsOfCodes(scan.codes, scan.length), letters: scan.letters };
}

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

/** Letters below this get their `evidenceScale` from a table (a message prefix has at most MESSAGE_PREFIX letters). */
const SCALE_TABLE = 256;

interface ScaleTable {
  calibration: LangidCalibration;
  /** The numbers the table was made from (compared on each use: a caller may change its object). */
  t0: number;
  beta: number;
  refLetters: number;
  table: Float64Array;
}
const scaleTables = new WeakMap<LangidCalibration, ScaleTable>();
let lastScales: ScaleTable | undefined;

function sameNumbers(t: ScaleTable, c: LangidCalibration): boolean {
  return Object.is(t.t0, c.t0) && Object.is(t.beta, c.beta) && Object.is(t.refLetters, c.refLetters);
}

/** `evidenceScale(letters, calibration)`, the same number, from a per-calibration table for the usual counts (no `**` per message). */
function scaleOf(letters: number, calibration: LangidCalibration): number {
  if (!(letters >= 0 && letters < SCALE_TABLE && Number.isInteger(letters))) return evidenceScale(letters, calibration);
  let t = lastScales;
  if (!(t && t.calibration === calibration && sameNumbers(t, calibration))) {
    t = scaleTables.get(calibration);
    if (!(t && sameNumbers(t, calibration))) {
      const table = new Float64Array(SCALE_TABLE);
      for (let n = 0; n < SCALE_TABLE; n++) table[n] = evidenceScale(n, calibration);
      t = { calibration, t0: calibration.t0, beta: calibration.beta, refLetters: calibration.refLetters, table };
      scaleTables.set(calibration, t);
    }
    lastScales = t;
  }
  return t.table[letters]!;
}

/**
 * Normalised posterior over the model languages, exp(log prior + LL / T(letters)), into
 * `out[at, at + ll.length)`.
 */
function posteriorInto(ll: Float64Array, letters: number, calibration: LangidCalibration, logPrior: ArrayLike<number>, out: Float64Array, at: number): void {
  const scale = scaleOf(letters, calibration);
  const L = ll.length;
  let max = -Infinity;
  for (let l = 0; l < L; l++) {
    const v = logPrior[l]! + ll[l]! * scale;
    out[at + l] = v;
    if (v > max) max = v;
  }
  if (max === -Infinity) {
    out.fill(0, at, at + L);
    return;
  }
  let z = 0;
  for (let l = 0; l < L; l++) {
    const e = Math.exp(out[at + l]! - max);
    out[at + l] = e;
    z += e;
  }
  for (let l = 0; l < L; l++) out[at + l] = out[at + l]! / z;
}

/**
 * The per-conversation numbers (posteriors, speaker profiles, one message's weights), zeroed: a
 * buffer kept between calls. A Float64Array of more than 64 bytes has its memory outside V8's heap,
 * which costs far more to make and collect than its size suggests; one per conversation made the
 * floor slower than the per-message arrays it replaced. A nested call (a custom model that
 * identifies languages itself) gets a new array.
 */
let spare: Float64Array | undefined = new Float64Array(1024);

function takeWork(size: number): Float64Array {
  const free = spare;
  spare = undefined;
  if (!free || free.length < size) return new Float64Array(Math.max(size, 2 * (free?.length ?? 0)));
  free.fill(0, 0, size);
  return free;
}

function releaseWork(work: Float64Array): void {
  if (!spare || spare.length < work.length) spare = work;
}

/** How each message was decided (LanguageGuess `method`), parallel to the decisions' arrays. */
const GIVEN = 0;
const NO_LETTERS = 1;
const BY_SCRIPT = 2;
const BY_MODEL = 3;

/**
 * `identifyConversationLanguages` without the LanguageGuess objects (what the pipeline reads: a
 * language and a confidence per message). Arrays are over `context` and then the conversation's
 * messages: the conversation's message k is at `first + k`.
 */
export interface ConversationLanguageDecisions {
  first: number;
  language: string[];
  confidence: number[];
  /** GIVEN, NO_LETTERS, BY_SCRIPT or BY_MODEL per message. */
  how: number[];
  /** The raw log-likelihoods of a BY_MODEL message (null otherwise). */
  ll: (Float64Array | null)[];
  /** The model that made the BY_MODEL decisions (undefined when none was needed). */
  model: LangidModel | undefined;
  byRole: Record<Role, string>;
}

/** The heaviest of `weights[at, at + L)` and its share (`pickFromWeights` writes here: no object per message). */
const pick = { best: -1, confidence: 0 };

/**
 * `guessFromWeights` without the guess: the heaviest language (−1 when none, or a tie at the top
 * — no evidence and a flat prior — or no weight at all) and its share, into `pick`.
 */
function pickFromWeights(weights: Float64Array, at: number, L: number): void {
  let best = -1;
  let top = 0;
  let z = 0;
  let tied = false;
  for (let l = 0; l < L; l++) {
    const w = weights[at + l]!;
    z += w;
    if (w > top) {
      best = l;
      top = w;
      tied = false;
    } else if (w === top && w > 0) tied = true;
  }
  if (best < 0 || tied || !(z > 0)) {
    pick.best = -1;
    pick.confidence = 0;
  } else {
    pick.best = best;
    pick.confidence = top / z;
  }
}

const ROLE_INDEX: Readonly<Record<Role, number>> = { customer: 0, agent: 1, bot: 2, system: 3 };

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
  const d = conversationLanguageDecisions(conversation, options);
  const guesses: LanguageGuess[] = [];
  for (let i = d.first; i < d.language.length; i++) {
    const how = d.how[i]!;
    const ll = d.ll[i];
    guesses.push({
      language: d.language[i]!,
      confidence: d.confidence[i]!,
      method: how === BY_MODEL ? 'model' : how === BY_SCRIPT ? 'script' : 'none',
      logLikelihoods: ll && d.model ? scoresOf(d.model.languages, ll) : {},
    });
  }
  return { messages: guesses, byRole: d.byRole };
}

/** The log-likelihoods by language code, as a LanguageGuess carries them. */
function scoresOf(languages: readonly string[], ll: Float64Array): Record<string, number> {
  const scores: Record<string, number> = {};
  for (let l = 0; l < languages.length; l++) scores[languages[l]!] = ll[l]!;
  return scores;
}

/**
 * What `identifyConversationLanguages` decides, as parallel arrays (see ConversationLanguageDecisions):
 * the pipeline's path, which reads each message's language and confidence and no LanguageGuess.
 * Per-message work writes into a few arrays per conversation (posteriors, speaker profiles), and a
 * speaker's profile is found by role (and author, when there is one) without a string key.
 */
export function conversationLanguageDecisions(conversation: Conversation, options: ConversationLanguageOptions = {}): ConversationLanguageDecisions {
  const { allowed, key: allowedKey } = candidateSet(options.languages);
  const floor = options.priorFloor ?? PRIOR_FLOOR;
  const context = options.context ?? [];
  const msgs = context.length ? [...context, ...conversation.messages] : conversation.messages;
  const n = msgs.length;
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
  for (let i = 0; i < n; i++) {
    const m = msgs[i]!;
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

  // 2. each Latin message's own posterior (its evidence × the base prior), at own[i · L], summed per
  //    speaker with weight = letters, so a speaker's language profile leans on their longer messages.
  //    Profiles are numbered in order of their speaker's first Latin message (the order the pooled
  //    profile adds them in); authorless messages find theirs by role, others by role and author.
  const L = model ? model.languages.length : 0;
  const work = model ? takeWork((2 * n + 2) * L) : undefined;
  const own = work;
  const speakerOf: number[] = []; // profile of message i (−1: no Latin evidence)
  // profile p's letter-weighted posterior sum at p · L: at most one profile per message and the pooled one
  const profileSum = work;
  const sums = n * L; // where profile p's sum starts: sums + p · L
  const profileWeight: number[] = [];
  const profileRole: number[] = [];
  const byRoleProfile = [-1, -1, -1, -1];
  let byAuthor: Map<string, number> | undefined;
  for (let i = 0; i < n; i++) {
    const ll = latinLL[i];
    if (!ll || !model) {
      speakerOf.push(-1);
      continue;
    }
    const m = msgs[i]!;
    posteriorInto(ll, letters[i]!, model.calibration, m.role === 'system' ? plainPrior! : customerPrior!, own!, i * L);
    const role = ROLE_INDEX[m.role];
    let p: number;
    if (m.authorId) {
      const key = `${m.role}:${m.authorId}`;
      p = (byAuthor ??= new Map()).get(key) ?? -1;
      if (p < 0) byAuthor.set(key, (p = profileWeight.length));
    } else {
      p = byRoleProfile[role]!;
      if (p < 0) byRoleProfile[role] = p = profileWeight.length;
    }
    if (p === profileWeight.length) {
      profileWeight.push(0);
      profileRole.push(role);
    }
    speakerOf.push(p);
    const w = letters[i]!;
    for (let l = 0, o = sums + p * L, a = i * L; l < L; l++) profileSum![o + l] = profileSum![o + l]! + w * own![a + l]!;
    profileWeight[p] = profileWeight[p]! + w;
  }
  // the pooled profile of every non-system speaker, for a bare reply with no other message of its speaker (below)
  let pooled = -1; // its index in profileSum / profileWeight, after the speakers'
  for (let p = 0, speakers = profileWeight.length; p < speakers; p++) {
    if (profileRole[p] === ROLE_INDEX.system) continue;
    if (pooled < 0) {
      pooled = profileWeight.length;
      profileWeight.push(0);
    }
    for (let l = 0, o = sums + pooled * L, s = sums + p * L; l < L; l++) profileSum![o + l] = profileSum![o + l]! + profileSum![s + l]!;
    profileWeight[pooled] = profileWeight[pooled]! + profileWeight[p]!;
  }
  // 3. decide each message on its own evidence, with a prior that mixes the base prior and the
  //    speaker's profile from their *other* messages: (1 − ρ)·base + ρ·profile. A bare reply
  //    (≤ BARE_REPLY_LETTERS letters) of a speaker with no other message (an agent's first reply
  //    "No.") follows the other speakers' profile instead: agents answer in the customer's language,
  //    and a live session's window must not decide a bare reply alone when the conversation so far
  //    has a language. Longer first messages decide alone, as before (a 10-letter insult after a
  //    customer's "Hello" keeps its own language).
  const language: string[] = [];
  const confidence: number[] = [];
  const how: number[] = [];
  for (let i = 0; i < n; i++) {
    const m = msgs[i]!;
    const given = baseLanguage(m.language);
    if (given) {
      language.push(given);
      confidence.push(1);
      how.push(GIVEN);
      continue;
    }
    const ll = latinLL[i];
    if (!ll || !model) {
      const script = scriptGuess[i];
      if (script === null || script === undefined) {
        language.push('und');
        confidence.push(0);
        how.push(NO_LETTERS);
      } else {
        if (!qDone && m.role !== 'system')
          [q, qDone] = [customer ? customerLanguagePrior({ locale: customer.locale, country: customer.country }) : undefined, true];
        const g = scriptDecision(script, m.text, allowed, m.role !== 'system' ? q : undefined, floor);
        language.push(g.language);
        confidence.push(g.confidence);
        how.push(BY_SCRIPT);
      }
      continue;
    }
    // own[i] ∝ base · e (e = calibrated likelihood), so the posterior under the mixed prior is
    // ∝ mixed · own[i] / base: no second pass of exponentials.
    const mine = i * L;
    const mineLetters = letters[i]!;
    const speaker = speakerOf[i]!;
    const alone = profileWeight[speaker]! - mineLetters <= 0 && mineLetters <= BARE_REPLY_LETTERS && m.role !== 'system';
    const profile = alone && pooled >= 0 ? pooled : speaker;
    const otherWeight = profileWeight[profile]! - mineLetters;
    how.push(BY_MODEL);
    if (otherWeight <= 0) {
      pickFromWeights(own!, mine, L);
    } else {
      const baseP = priorProbabilities(m.role === 'system' ? plainPrior! : customerPrior!);
      const weights = work!;
      const at = sums + (n + 1) * L; // the last L values: this message's weights
      for (let l = 0, o = sums + profile * L; l < L; l++) {
        weights[at + l] = 0;
        if (!(baseP[l]! > 0)) continue;
        const fromOthers = Math.max((profileSum![o + l]! - mineLetters * own![mine + l]!) / otherWeight, 0);
        weights[at + l] = (((1 - SPEAKER_STICKINESS) * baseP[l]! + SPEAKER_STICKINESS * fromOthers) * own![mine + l]!) / baseP[l]!;
      }
      pickFromWeights(weights, at, L);
    }
    language.push(pick.best < 0 ? 'und' : model.languages[pick.best]!);
    confidence.push(pick.confidence);
  }
  // 4. dominant language per role, by characters of identified messages: each role's languages in
  //    order of first appearance (the first of the most characters wins)
  const tallyLanguages: string[][] = [[], [], [], []];
  const tallyCounts: number[][] = [[], [], [], []];
  for (let i = 0; i < n; i++) {
    const lang = language[i]!;
    if (lang === 'und') continue;
    const role = ROLE_INDEX[msgs[i]!.role];
    const langs = tallyLanguages[role]!;
    const counts = tallyCounts[role]!;
    const k = langs.indexOf(lang);
    if (k < 0) {
      langs.push(lang);
      counts.push(msgs[i]!.text.length);
    } else counts[k] = counts[k]! + msgs[i]!.text.length;
  }
  const locale = baseLanguage(customer?.locale);
  const byRole = { customer: 'und', agent: 'und', bot: 'und', system: 'und' } as Record<Role, string>;
  for (const role of Object.keys(byRole) as Role[]) {
    const langs = tallyLanguages[ROLE_INDEX[role]]!;
    const counts = tallyCounts[ROLE_INDEX[role]]!;
    let best = 'und';
    let top = 0;
    for (let k = 0; k < langs.length; k++) {
      if (counts[k]! > top) {
        best = langs[k]!;
        top = counts[k]!;
      }
    }
    if (best === 'und' && role === 'customer' && locale) best = locale;
    byRole[role] = best;
  }
  if (work) releaseWork(work);
  return { first: context.length, language, confidence, how, ll: latinLL, model, byRole };
}
