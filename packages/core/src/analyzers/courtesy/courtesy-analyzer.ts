import { CxqaError } from '../../errors.js';
import type { Analyzer, AnalyzerOutput, MessageView } from '../../pipeline/analyze/contract.js';
import { type Finding, type Severity, SeveritySchema } from '../../pipeline/validate/finding.js';
import { minOf, pushAll } from '../../util/arrays.js';
import { compileScriptPhrases, isComplaint } from '../script/script-rules.js';
import { addressFindings, compileAddress, expectedFormality, type FormalityChoice, usesFormal, usesInformal } from './address.js';
import { compileCalledOut, toneObjectedFinding } from './called-out.js';
import { compileConduct } from './conduct.js';
import { builtinConductModel, CONDUCT_MODEL_LANGUAGES, type ConductModel, POSSIBLE_MISCONDUCT_AT, possibleMisconductFinding } from './conduct-model/index.js';
import { CONDUCT_LANGUAGES, type ConductRulesInput, ConductRulesSchema, shippedConductRules } from './conduct-rules.js';
import { CUSTOMER_LAUGH } from './laughter.js';
import { compilePhrasing } from './phrasing.js';
import { politenessOf, weighStrategies } from './politeness/model.js';
import { type AddressRules, AddressRulesSchema, PhrasingRulesSchema, parseRules, shippedRules } from './rules.js';
import { compileStrictUnacknowledged, noAcknowledgement, STRICT_NO_ACKNOWLEDGEMENT_SEVERITY } from './unacknowledged.js';

export const COURTESY_ANALYZER_VERSION = '0.3.0';

export interface CourtesyOptions {
  /** Phrasing rules (curt, blaming, calques, MT artefacts); default the shipped `courtesy/phrasing.json`. */
  phrasing?: unknown;
  /** Forms of address per language and market; default the shipped `courtesy/address.json`. */
  address?: unknown;
  /** Expected form of address per language, over the file's defaults, e.g. `{ es: 'formal', zh: 'formal' }`. */
  formality?: Record<string, FormalityChoice>;
  /** An agent message with P(polite) below this (and ≥ 4 words) is `politeness.impolite` (default 0.1). */
  impoliteBelow?: number;
  /**
   * Conduct rules, one file per language (default: the shipped `conduct/<language>.json` for
   * en zh de fr es pt it ja ko); `false` turns the conduct checks off.
   */
  conduct?: readonly ConductRulesInput[] | false;
  /**
   * Severity of the strict form of `politeness.no_acknowledgement` (a real grievance answered by a
   * short bare request, `rule.detail.strict`); default `STRICT_NO_ACKNOWLEDGEMENT_SEVERITY`
   * (`critical`: fails the conversation under the default scorecard; 33 of 33 judged right,
   * decision 142). `'info'` shows it for review only. The loose form stays info.
   */
  strictNoAcknowledgement?: Severity;
  /**
   * The conduct model (`models/conduct.json`, nine languages), **off by default**: an agent reply it
   * reads as misconduct with P ≥ `threshold` (default `POSSIBLE_MISCONDUCT_AT`, 0.8) that no conduct,
   * address or phrasing rule flagged major or critical is shown as `politeness.possible_misconduct`
   * (info: no score change; the default scorecard sends the conversation to review). On chats written
   * blind it lifted the share of misconduct caught from 0.27 to 0.48 and 0.38 to 0.50 at a reader's
   * precision of 0.94–1.0, but none of the 20 real Weibo helpdesk replies it flagged was misconduct
   * (decision 210). `true` turns it on with the shipped model; `model` replaces it (`createConductModel`).
   */
  conductModel?: boolean | { model?: ConductModel; threshold?: number };
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/**
 * A laugh the customer objected to replaces the message's milder sarcasm findings (a laugh rated
 * info); a critical one already there stands alone. A reply that apologised or thanked and that
 * no sarcasm rule flagged stays as it is: an embarrassed laugh the customer took badly ("So sorry
 * haha" → "not a haha situation") was borderline to the people who wrote and read such chats
 * (decision 160).
 */
function upgradeCalledOut(findings: Finding[], called: Finding | null, acknowledged: boolean): void {
  if (!called) return;
  const same = (f: Finding) => f.messageIndex === called.messageIndex && f.code === called.code;
  if (findings.some((f) => same(f) && f.severity === 'critical')) return;
  if (acknowledged && !findings.some(same)) return;
  // in the place of the first milder one, so the message's findings keep their order
  const at = findings.findIndex(same);
  for (let k = findings.length - 1; k >= 0; k--) if (same(findings[k]!)) findings.splice(k, 1);
  findings.splice(at === -1 ? findings.length : at, 0, called);
}

/**
 * The language whose address rules apply to a customer from `market` (ISO country): the market's
 * language, or — in a country with several (CH de/fr/it, BE fr/de, CA en/fr) — the one the customer
 * writes in when it is one of them (decision 211).
 */
function marketLanguageOf(address: AddressRules, market: string | undefined, customerLanguage: string): string | undefined {
  const languages = market ? address.markets[market] : undefined;
  if (languages === undefined) return undefined;
  if (typeof languages === 'string') return languages;
  return languages.includes(customerLanguage) ? customerLanguage : languages[0];
}

const THANKS = /\b(?:thanks?|thank you|thx|danke|merci|gracias|obrigad[oa]|grazie)\b|谢谢|感谢|ありがとう|감사|고마워/iu;

/**
 * Does the agent sound right to this customer, in this market? Per agent message: the politeness
 * model's P(polite) with the strategies that drove it, curt and blaming phrasing, calques and
 * machine-translation artefacts, and the form of address the customer's market expects (de Sie,
 * fr vous, ja です/ます, ko -요, es/zh by brand choice).
 *
 * @example
 * const inspector = createInspector({ analyzers: [courtesyAnalyzer({ formality: { es: 'formal' } })] });
 */
export function courtesyAnalyzer(options: CourtesyOptions = {}): Analyzer {
  const phrasing = compilePhrasing(
    options.phrasing === undefined ? shippedRules('phrasing', PhrasingRulesSchema) : parseRules(PhrasingRulesSchema, options.phrasing, 'phrasing rules'),
  );
  const address =
    options.address === undefined ? shippedRules('address', AddressRulesSchema) : parseRules(AddressRulesSchema, options.address, 'address rules');
  const formality: Record<string, FormalityChoice> = { ...address.defaults, ...options.formality };
  const compiled = compileAddress(address);
  const impoliteBelow = options.impoliteBelow ?? 0.1;
  const script = compileScriptPhrases();
  const conductFiles =
    options.conduct === false
      ? []
      : options.conduct
        ? options.conduct.map((c, i) => parseRules(ConductRulesSchema, c, `conduct[${i}]`))
        : CONDUCT_LANGUAGES.map(shippedConductRules);
  const conduct = compileConduct(conductFiles);
  const strict = compileStrictUnacknowledged(conductFiles);
  const calledOut = compileCalledOut(conductFiles);
  const modelOptions = options.conductModel === true ? {} : options.conductModel || null;
  const misconductAt = modelOptions?.threshold ?? POSSIBLE_MISCONDUCT_AT;
  /** The conduct model, loaded on the first agent reply in one of its languages. */
  let conductModel = modelOptions?.model;
  if (!(misconductAt > 0 && misconductAt <= 1))
    throw new CxqaError('invalid_option', `conductModel.threshold must be in (0, 1], not ${misconductAt}`, { path: ['conductModel', 'threshold'] });
  const strictSeverity =
    options.strictNoAcknowledgement === undefined
      ? STRICT_NO_ACKNOWLEDGEMENT_SEVERITY
      : parseRules(SeveritySchema, options.strictNoAcknowledgement, 'courtesy option strictNoAcknowledgement');

  return {
    name: 'courtesy',
    version: COURTESY_ANALYZER_VERSION,
    analyze(ctx): AnalyzerOutput {
      const customer = ctx.conversation.customer;
      const market = customer?.country?.toUpperCase();
      const marketLanguage = marketLanguageOf(address, market, ctx.languages.customer) || customer?.locale?.split(/[-_]/)[0]?.toLowerCase();
      // the brand's choice for the language, else the market's, else the language's default
      const marketFormality = marketLanguage
        ? (options.formality?.[marketLanguage] ?? (market ? address.marketDefaults?.[market] : undefined) ?? formality[marketLanguage] ?? 'any')
        : 'any';
      const findings: Finding[] = [];
      const polite: number[] = [];
      let complained = false;
      let afterComplaint = false;
      let customerInformal = false;
      let customerFormal = false;
      /** The first customer complaint or grievance, until the next agent reply answers it. */
      let unanswered: { index: number; complaint: boolean; aggrieved: boolean } | null = null;
      /** Has the agent written yet? Before that the customer is in their opening turn. */
      let agentReplied = false;
      /**
       * The last agent reply and its language, until a customer message after it objected to its
       * tone or the agent wrote again; null after a customer's laugh (the agent laughing along).
       */
      let lastReply: { m: MessageView; language: string } | null = null;
      let customerLaughed = false;
      for (const i of ctx.chronological) {
        const m = ctx.messages[i]!;
        if (m.role === 'customer') {
          if (lastReply) {
            const language = [m.language, ctx.languages.customer, lastReply.language].find((l) => l !== 'und') ?? 'und';
            const { m: reply, language: replyLanguage } = lastReply;
            const laugh = calledOut.objects('laugh', language, m.view.normalized, m.analysis) ? calledOut.laughFinding(reply, replyLanguage, m) : null;
            if (laugh) {
              upgradeCalledOut(findings, laugh, conduct.acknowledges(replyLanguage, reply.view.normalized, reply.analysis) === true);
              lastReply = null;
            } else if (calledOut.objects('tone', language, m.view.normalized, m.analysis)) {
              // a reply already failed for its conduct needs no second word for it
              if (!findings.some((f) => f.messageIndex === reply.index && f.code.startsWith('politeness.') && f.severity === 'critical'))
                findings.push(toneObjectedFinding(reply, replyLanguage, m));
              lastReply = null;
            }
          }
          const complaint = isComplaint(script, m);
          // only the first complaint's first reply is checked for an acknowledgement (and, before
          // any complaint, a grievance's first reply for the strict form alone)
          if (!complained && (complaint || unanswered === null)) {
            // the strict form reads only the customer's opening turn: "It didn't work." after the
            // agent's first steps is a troubleshooting follow-up, not a grievance left unanswered
            const aggrieved = !agentReplied && strict.aggrieved(m.language, m.view.normalized);
            if (complaint || aggrieved) unanswered = { index: m.index, complaint, aggrieved };
          }
          customerLaughed = CUSTOMER_LAUGH.test(m.view.normalized);
          if (complaint) complained = true;
          // "after a complaint" holds until the customer says thanks or is content again
          if (complaint) afterComplaint = true;
          else if (customerLaughed || THANKS.test(m.view.normalized)) afterComplaint = false;
          if (marketLanguage && m.language === marketLanguage) {
            customerInformal ||= usesInformal(compiled, marketLanguage, m);
            customerFormal ||= usesFormal(compiled, marketLanguage, m);
          }
          continue;
        }
        if (m.role !== 'agent' || !m.text.trim()) continue;
        agentReplied = true;
        // a message too short to identify ("Ok.") is in the agent's language, else the customer's
        const language = [m.language, ctx.languages.agent, ctx.languages.customer].find((l) => l !== 'und') ?? 'und';
        // "…on the roof of my car lol" → "Haha that's a new one!" → "not funny the third time though": laughing along
        lastReply = customerLaughed ? null : { m, language };
        pushAll(findings, conduct.match(language === m.language ? m : { ...m, language }, { complained: afterComplaint }));
        if (unanswered !== null) {
          if (conduct.acknowledges(language, m.view.normalized, m.analysis) === false) {
            // strict: a real problem answered by nothing but a short bare request
            const bare = unanswered.aggrieved && strict.bareRequest(language, m.view.normalized);
            if (unanswered.complaint || bare)
              findings.push(noAcknowledgement(m, unanswered.index, bare ? strictSeverity : null, (sentence) => strict.onlyOpening(language, sentence)));
          }
          unanswered = null;
        }
        // the strategies' weights only for an impolite message (politenessOf + weighStrategies = judgePoliteness)
        const judged = politenessOf(m.view.folded, m.analysis);
        polite.push(judged.polite);
        // the words are counted only for a message the model calls impolite
        if (judged.polite < impoliteBelow && m.text.trim().split(/\s+/).length >= 4) {
          const strategies = weighStrategies(judged.hits);
          const drivers = strategies.filter((s) => s.weight < 0).sort((a, b) => a.weight - b.weight);
          const worst = drivers[0];
          findings.push({
            analyzer: 'courtesy',
            code: 'politeness.impolite',
            severity: 'minor',
            messageIndex: m.index,
            ...(worst ? { span: { start: worst.start, end: worst.end }, evidence: m.text.slice(worst.start, worst.end) } : {}),
            explanation: `the politeness model gives P(polite) ${round(judged.polite)}${drivers.length ? `; driven by ${[...new Set(drivers.map((d) => d.strategy.replace(/_/g, ' ')))].join(', ')}` : ''}`,
            rule: { id: 'politeness.model.en', kind: 'model', score: round(judged.polite), detail: { strategies: strategies.map((s) => s.strategy) } },
            suggestion: 'add a greeting or thanks, hedge requests ("could you …"), and drop direct commands',
          });
        }
        pushAll(findings, phrasing.match(m, { market, complained }));
        if (marketLanguage && m.language === marketLanguage) {
          const expect = expectedFormality(marketFormality, customerFormal, customerInformal);
          pushAll(findings, addressFindings(compiled, marketLanguage, expect, m, false));
        }
        if (modelOptions && CONDUCT_MODEL_LANGUAGES.includes(language)) {
          conductModel ??= builtinConductModel();
          const p = conductModel.probability(m.view.normalized);
          if (p >= misconductAt && !findings.some((f) => f.messageIndex === m.index && (f.severity === 'major' || f.severity === 'critical')))
            findings.push(possibleMisconductFinding(m, p, conductModel.version));
        }
      }
      return {
        scores: { courtesy: polite.length ? 1 : null, conduct: polite.length ? 1 : null },
        findings,
        metrics: {
          'courtesy.politeness': polite.length ? round(polite.reduce((a, b) => a + b, 0) / polite.length) : null,
          'courtesy.leastPolite': polite.length ? round(minOf(polite)) : null,
          'courtesy.agentMessages': polite.length,
          'courtesy.marketLanguage': marketLanguage ?? null,
        },
      };
    },
  };
}
