import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { CxqaError, describeZodIssues } from '../../../errors.js';
import { MessageAnalysis } from '../../../pipeline/analyze/message-analysis.js';
import { pushAll } from '../../../util/arrays.js';
import { compileRule, eachMatch, LinearRegexSource, type RuleRegex } from '../../../util/linear-regex.js';
import { corePackageFile } from '../../../util/package-file.js';
import { parsingUserData } from '../../../util/pattern-engine.js';
import { type SharedFilter, sharedPrefixScan } from '../../../util/shared-prefix-scan.js';

export type MoodLabel = 'negative' | 'neutral' | 'positive';

/** What a polarity model said about one message (all optional: a language without a model has none). */
export interface MoodModelReading {
  polarity?: number | null;
  soft?: number | null;
  /** The model's own label, used when it has a neutral class and no cue speaks. */
  label?: string | null;
}

/** A cue that decided a mood: its kind and its span in the normalized view. */
export interface MoodCue {
  /** `leaving`: the customer takes their business elsewhere ("I'll buy elsewhere"); counts as negative. */
  kind: 'negative' | 'positive' | 'litotes' | 'neutral_form' | 'leaving';
  start: number;
  end: number;
}

/** The customer's mood in one message. */
export interface MessageMood {
  label: MoodLabel;
  /** −1 … 1: the model's polarity moved into the band of the label (neutral shrinks towards 0). */
  score: number;
  /** The polarity model's P(positive) − P(negative), or null when no model covers the language. */
  model: number | null;
  cues: readonly MoodCue[];
}

const Cues = z.object({
  negative: z.array(LinearRegexSource).default([]),
  positive: z.array(LinearRegexSource).default([]),
  litotes: z.array(LinearRegexSource).default([]),
  neutralForm: z.array(LinearRegexSource).default([]),
  /** In agent messages: moving the conversation to another channel (private message, hotline, e-mail). */
  redirect: z.array(LinearRegexSource).default([]),
  /**
   * In agent messages: a channel named without moving the conversation there — a sign-off
   * ("feel free to message us any time"), an acknowledgement of a private message already received.
   * A message matching one of these is not a redirect.
   */
  notRedirect: z.array(LinearRegexSource).default([]),
  /**
   * In customer questions: a rhetorical or accusing question, a complaint in question form ("is this
   * your idea of service?", 这就是你们的素质？) — not a request for information.
   */
  rhetorical: z.array(LinearRegexSource).default([]),
  /**
   * A whole message that only accepts what the agent said ("ok", "got it", 好的, 嗯嗯, alles klar),
   * anchored by the pattern itself. With no other cue it is neutral and scores the top of the
   * neutral band (`ACKNOWLEDGEMENT_SCORE`): a customer whose last word accepts the answer is more
   * content than one who leaves a blank (decision 156). Not refusals ("no", 不用了).
   */
  acknowledgement: z.array(LinearRegexSource).default([]),
  /**
   * A polite formula ("you too", "no, that's all", "sorry to trouble you", 麻烦你了): with no other
   * cue it is neutral whatever the polarity model reads into its "no" or "sorry" — the exception
   * `neutralFormNegative` makes for questions does not apply (decision 163). Scores 0.
   */
  politeFormula: z.array(LinearRegexSource).default([]),
  /**
   * A polite request or a request for information, the whole message (an optional greeting before,
   * thanks after): "can you tell me when my order ships?", "I'd like to know…", "is it possible to…",
   * "how do I…", "quisiera saber…", 我想问一下…. With no other cue it is neutral whatever the
   * model reads, exempt from `neutralFormNegative` like `politeFormula` (decision 185); scores the
   * model's polarity within the neutral band.
   */
  request: z.array(LinearRegexSource).default([]),
  /**
   * A polite refusal ("no thanks", "nein danke", "no, gracias", 不用了谢谢): the thanks inside it is
   * no praise — the positive cues inside are hidden; alone it is neutral and scores 0 (decision 188).
   */
  refusal: z.array(LinearRegexSource).default([]),
  /**
   * The customer takes their business elsewhere or gives up on the shop ("then I'll buy elsewhere",
   * "never ordering here again", "dann kaufe ich eben woanders", 他で買います): a negative cue, and
   * in one of the customer's last two messages the outcome is dissatisfied (decision 188).
   */
  leaving: z.array(LinearRegexSource).default([]),
  /**
   * Emphasis punctuation ("!!"): negative unless a polarity model with a neutral class of its own
   * (German's three-class model, a three-class classifier) labels the message positive —
   * "Glückwunsch!!!" is no complaint. The two-class models are saturated on such messages (the
   * English one reads "Why I couldn't cancel it!!!" as 0.99 positive): with them "!!" stays negative.
   * Doubled or mixed question marks ("??", "?!") are incredulity and stay `negative` cues (decision 187).
   */
  emphasis: z.array(LinearRegexSource).default([]),
  /**
   * A question or request is negative when the polarity model is at least this sure (e.g. −0.95),
   * for languages whose model is calibrated enough to say so; omitted = questions stay neutral.
   */
  neutralFormNegative: z.number().min(-1).max(0).optional(),
});
export const MoodCuesSchema = z.object({ version: z.string(), about: z.string().optional(), languages: z.record(z.string(), Cues) });
export type MoodCuesInput = z.input<typeof MoodCuesSchema>;

/** Thresholds of the decision (see `moodOf`). */
export interface MoodThresholds {
  /** Without any cue, a model polarity at or below this is negative (default −0.7). */
  modelNegative: number;
  /** Without any cue, a model polarity at or above this is positive (default 0.7). */
  modelPositive: number;
  /** Without any cue, follow a three-class model's own label (default true). */
  trustNeutralModel: boolean;
}
export const DEFAULT_MOOD_THRESHOLDS: MoodThresholds = { modelNegative: -0.7, modelPositive: 0.7, trustNeutralModel: true };

interface CompiledCues {
  neutralFormNegative: number | undefined;
  redirect: SlottedRegex[];
  notRedirect: SlottedRegex[];
  rhetorical: SlottedRegex[];
  acknowledgement: SlottedRegex[];
  negative: SlottedRegex[];
  positive: SlottedRegex[];
  litotes: SlottedRegex[];
  neutralForm: SlottedRegex[];
  politeFormula: SlottedRegex[];
  request: SlottedRegex[];
  refusal: SlottedRegex[];
  leaving: SlottedRegex[];
  emphasis: SlottedRegex[];
  /** Which cues (by slot) may match a text: their prefixes in the shared scan of `view.normalized` (`sharedPrefixScan('normalized', language)`). */
  filter: SharedFilter;
}

export interface MoodCues {
  readonly version: string;
  readonly languages: readonly string[];
  /**
   * Does an agent message move the conversation to another channel (a private message, a hotline,
   * e-mail)? A `redirect` cue that no `notRedirect` cue (a sign-off, an acknowledgement) matches.
   */
  redirects(normalized: string, language: string, analysis?: SharedAnalysis): boolean;
  /** Is a customer question rhetorical or accusing (a `rhetorical` cue), not a request for information? */
  rhetorical(normalized: string, language: string): boolean;
  /**
   * Mood of one message from its normalized view, its language and what the polarity model said
   * (`polarity` P(positive) − P(negative), null without a model; `soft`, a finer unsaturated
   * polarity for the score, see `softPolarityOf`; `label`, the model's own label when it has a
   * neutral class — used when no cue speaks). `analysis`: the message's shared analysis when
   * `normalized` is its `view.normalized` (see `SharedAnalysis`).
   */
  moodOf(normalized: string, language: string, model?: MoodModelReading, thresholds?: MoodThresholds, analysis?: SharedAnalysis): MessageMood;
}

/**
 * A message's shared analysis (`message.analysis`), given with its `view.normalized`: the cue
 * prefilter's flags come from the message's one shared scan of that text (`sharedPrefixScan`, with
 * the conduct rules; any other object with a `memo` keeps this filter's own scan there), for
 * `moodOf` and `redirects` alike (the flags of the untrimmed text only let more regexes run than those of the
 * trimmed one, never fewer, so the cues are the same).
 */
export type SharedAnalysis = Pick<MessageAnalysis, 'memo'>;

/** The cues of one message and which neutral kind, if any, decided it. */
interface CueReading {
  cues: readonly MoodCue[];
  /** a bare acknowledgement ("ok", 好的) */
  acknowledges: boolean;
  /** a polite formula or refusal: neutral, scores 0 */
  formula: boolean;
  /** a polite request or request for information: neutral whatever the model reads */
  request: boolean;
}

/** A cue's regex and its index in the language's prefix filter. */
interface SlottedRegex {
  regex: RuleRegex;
  slot: number;
}

const spans = (rules: readonly SlottedRegex[], text: string, kind: MoodCue['kind'], possible: Uint8Array): MoodCue[] => {
  const out: MoodCue[] = [];
  for (const { regex, slot } of rules) {
    if (!possible[slot]) continue;
    eachMatch(regex.re, text, (start, end) => {
      out.push({ kind, start, end });
    });
  }
  return out;
};

/** Does any regex of `rules` that `possible` lets through match `text`? */
function anyMatch(rules: readonly SlottedRegex[], text: string, possible: Uint8Array): boolean {
  for (const { regex, slot } of rules) {
    if (!possible[slot]) continue;
    let found = false;
    eachMatch(regex.re, text, () => (found = true));
    if (found) return true;
  }
  return false;
}

/** The cues not inside any cue of `outer` (`cues` itself when `outer` is empty). */
function outside(cues: MoodCue[], outer: readonly MoodCue[]): MoodCue[] {
  if (!outer.length || !cues.length) return cues;
  return cues.filter((x) => !outer.some((o) => o.start <= x.start && x.end <= o.end));
}

const round = (x: number) => Math.round(x * 1000) / 1000;
/** The mood score of a bare acknowledgement ("ok", 好的): the top of the neutral band (decision 156). */
export const ACKNOWLEDGEMENT_SCORE = 0.3;
/** A message ending in one question mark, with no cue either way, is a question: neutral. */
const QUESTION_END = /[^?？][?？]$/u;
/** A sentence end followed by more text: a message of more than one sentence. */
const SENTENCE_BREAK = /[.!?。！？](?=\s*\p{L})/u;
/** One sentence: no sentence end before the final question mark (other sentences carry their own mood). */
const oneSentence = (text: string) => !SENTENCE_BREAK.test(text.slice(0, -1));

/**
 * Compile mood cues (the shipped `sentiment/mood-cues.json`, or a brand's edited copy).
 *
 * The decision, per message: litotes ("not bad", "kein Problem", 没问题) count as positive and
 * cancel the negative cues inside them; negative cues only → negative, positive only → positive,
 * both → the model decides (neutral without a model); no cue → a question (ending in one question
 * mark), request, short acknowledgement or polite closing is neutral, otherwise the model decides with the wide
 * thresholds of `MoodThresholds` (two-class models call many neutral texts negative).
 *
 * @example
 * const cues = compileMoodCues();
 * cues.moodOf('no bad smell. nothing to worry about now.', 'en', { polarity: -0.4 }).label; // 'positive'
 */
export function compileMoodCues(data?: unknown): MoodCues {
  // the shipped cues run on V8 (checked linear); a brand's edited copy on RE2 (see util/pattern-engine.ts)
  const origin = data === undefined ? 'shipped' : 'user';
  const parsed = origin === 'user' ? parsingUserData(() => MoodCuesSchema.safeParse(data)) : MoodCuesSchema.safeParse(shippedCuesFile());
  if (!parsed.success) {
    const { issues, summary } = describeZodIssues(parsed.error);
    throw new CxqaError('invalid_config', `mood cues: ${summary}`, { path: ['moodCues'], issues });
  }
  // a language's regexes are built on its first message
  const compiled = new Map<string, CompiledCues>();
  const byLanguage = {
    get(lang: string): CompiledCues | undefined {
      const known = compiled.get(lang);
      if (known) return known;
      const c = Object.hasOwn(parsed.data.languages, lang) ? parsed.data.languages[lang] : undefined;
      if (!c) return undefined;
      const all: RuleRegex[] = [];
      const slotted = (sources: readonly string[]) =>
        sources.map((source) => {
          const regex = compileRule(source, origin);
          return { regex, slot: all.push(regex) - 1 };
        });
      const cues = {
        redirect: slotted(c.redirect),
        notRedirect: slotted(c.notRedirect),
        rhetorical: slotted(c.rhetorical),
        acknowledgement: slotted(c.acknowledgement),
        negative: slotted(c.negative),
        positive: slotted(c.positive),
        litotes: slotted(c.litotes),
        neutralForm: slotted(c.neutralForm),
        politeFormula: slotted(c.politeFormula),
        request: slotted(c.request),
        refusal: slotted(c.refusal),
        leaving: slotted(c.leaving),
        emphasis: slotted(c.emphasis),
      };
      const entry = { neutralFormNegative: c.neutralFormNegative, ...cues, filter: sharedPrefixScan('normalized', lang).filter(all.map((r) => r.prefixes)) };
      compiled.set(lang, entry);
      return entry;
    },
  };
  if (origin === 'user') for (const lang of Object.keys(parsed.data.languages)) byLanguage.get(lang); // compile now: errors belong to the factory
  /** The prefilter's flags for `normalized` (kept in the message's analysis when given). */
  const flags = (c: CompiledCues, normalized: string, analysis: SharedAnalysis | undefined) =>
    analysis instanceof MessageAnalysis && analysis.view.normalized === normalized
      ? c.filter.flags(analysis)
      : analysis
        ? analysis.memo(c, () => c.filter.flagsOfText(normalized))
        : c.filter.flagsOfText(normalized);
  /** The cues of `text`, and whether it is a bare acknowledgement (no other cue, an `acknowledgement` pattern). */
  function cuesOf(c: CompiledCues, text: string, possible: Uint8Array, readsPositive: boolean): CueReading {
    const cues: MoodCue[] = [];
    const litotes = spans(c.litotes, text, 'litotes', possible);
    // a litotes hides the negative words inside it ("not bad"); a negative cue hides the positive words inside it ("not fixed");
    // emphasis ("!!") is negative unless the model reads the message positive; a refusal hides its thanks ("no thanks")
    const negative = outside(spans(c.negative, text, 'negative', possible), litotes);
    if (!readsPositive) pushAll(negative, spans(c.emphasis, text, 'negative', possible));
    const leaving = spans(c.leaving, text, 'leaving', possible);
    const refusal = spans(c.refusal, text, 'neutral_form', possible);
    pushAll(
      pushAll(pushAll(pushAll(cues, litotes), negative), leaving),
      outside(outside(outside(outside(spans(c.positive, text, 'positive', possible), litotes), negative), leaving), refusal),
    );
    if (cues.length) return { cues, acknowledges: false, formula: false, request: false };
    if (refusal.length) return { cues: refusal, acknowledges: false, formula: true, request: false };
    const acknowledges = anyMatch(c.acknowledgement, text, possible);
    if (acknowledges) return { cues: [{ kind: 'neutral_form', start: 0, end: text.length }], acknowledges, formula: false, request: false };
    const formula = spans(c.politeFormula, text, 'neutral_form', possible);
    if (formula.length) return { cues: formula, acknowledges: false, formula: true, request: false };
    const request = spans(c.request, text, 'neutral_form', possible);
    if (request.length) return { cues: request, acknowledges: false, formula: false, request: true };
    pushAll(cues, spans(c.neutralForm, text, 'neutral_form', possible));
    // a bare final "?" makes a one-sentence message a question; in a longer one the other sentences carry the mood (decision 187)
    if (!cues.length && QUESTION_END.test(text) && oneSentence(text)) cues.push({ kind: 'neutral_form', start: text.length - 1, end: text.length });
    return { cues, acknowledges, formula: false, request: false };
  }
  return {
    version: parsed.data.version,
    languages: Object.keys(parsed.data.languages),
    redirects(normalized, language, analysis) {
      const c = byLanguage.get(language);
      if (!c) return false;
      const possible = flags(c, normalized, analysis);
      return anyMatch(c.redirect, normalized, possible) && !anyMatch(c.notRedirect, normalized, possible);
    },
    rhetorical(normalized, language) {
      const c = byLanguage.get(language);
      return !!c && anyMatch(c.rhetorical, normalized, c.filter.flagsOfText(normalized));
    },
    moodOf(normalized, language, reading = {}, thresholds = DEFAULT_MOOD_THRESHOLDS, analysis = undefined) {
      const model = reading.polarity ?? null;
      const soft = reading.soft ?? null;
      const ownLabel = reading.label === 'negative' || reading.label === 'neutral' || reading.label === 'positive' ? reading.label : null;
      const c = byLanguage.get(language);
      const text = normalized.trim();
      const ownNeutral = ownLabel !== null && thresholds.trustNeutralModel;
      // only a model with a neutral class of its own reads "!!" (the two-class naive Bayes models read "…cancel it!!!" as 0.99 positive)
      const readsPositive = ownNeutral && ownLabel === 'positive';
      const { cues, acknowledges, formula, request } =
        c && text
          ? cuesOf(c, text, analysis ? flags(c, normalized, analysis) : c.filter.flagsOfText(text), readsPositive)
          : { cues: [], acknowledges: false, formula: false, request: false };
      let neg = 0;
      let pos = 0;
      for (const x of cues) {
        if (x.kind === 'negative' || x.kind === 'leaving') neg++;
        else if (x.kind === 'positive' || x.kind === 'litotes') pos++;
      }
      let label: MoodLabel;
      if (neg && !pos) label = 'negative';
      else if (pos && !neg) label = 'positive';
      else if (neg && pos)
        label =
          model === null ? (neg > pos ? 'negative' : pos > neg ? 'positive' : 'neutral') : model <= -0.3 ? 'negative' : model >= 0.3 ? 'positive' : 'neutral';
      else if (acknowledges || formula || request) label = 'neutral';
      else if (cues.length)
        label = model !== null && c?.neutralFormNegative !== undefined && model <= c.neutralFormNegative ? 'negative' : 'neutral'; // a question, request or closing
      else if (ownLabel && reading.label !== undefined && ownLabel !== null && thresholds.trustNeutralModel) label = ownLabel;
      else label = model === null ? 'neutral' : model <= thresholds.modelNegative ? 'negative' : model >= thresholds.modelPositive ? 'positive' : 'neutral';
      // the score keeps the label's band (negative ≤ −0.4, neutral within ±0.3, positive ≥ 0.4) and orders by the finest polarity known
      const p = soft ?? model;
      const score =
        label === 'negative'
          ? -0.4 - 0.5 * Math.max(0, -(p ?? -0.5)) - 0.1 * Math.min(1, neg / 3)
          : label === 'positive'
            ? 0.4 + 0.6 * Math.max(0, p ?? 0.5)
            : acknowledges
              ? ACKNOWLEDGEMENT_SCORE // accepts the answer, whatever the model reads into "ok"
              : formula
                ? 0 // a polite formula, whatever the model reads into "no" or "sorry"
                : 0.3 * (p ?? 0);
      return { label, score: round(score), model, cues };
    },
  };
}

let shippedFile: unknown;
function shippedCuesFile(): unknown {
  if (shippedFile === undefined) {
    const path = corePackageFile('sentiment/mood-cues.json');
    shippedFile = JSON.parse(readFileSync(path, 'utf8'));
  }
  return shippedFile;
}

let shipped: MoodCues | undefined;
/** The shipped mood cues (en zh de fr es pt it ja ko), compiled once. */
export function builtinMoodCues(): MoodCues {
  return (shipped ??= compileMoodCues());
}
