import { CxqaError } from '../../../errors.js';
import type { MessageView } from '../../../pipeline/analyze/contract.js';
import type { Finding } from '../../../pipeline/validate/finding.js';
import { createLinearClassifier, type LinearModelFile, type SentimentModel, shippedModelFile } from '../../sentiment/model/linear-model.js';
import { conductFeatures } from './features.js';

/** Languages the shipped conduct model was trained on (the blind chats' nine markets). */
export const CONDUCT_MODEL_LANGUAGES: readonly string[] = ['en', 'zh', 'de', 'fr', 'es', 'pt', 'it', 'ja', 'ko'];

/**
 * Default probability at or above which an agent reply is shown as `politeness.possible_misconduct`
 * when the model is turned on: on the training chats' grouped cross-validation 0.97 of such replies
 * were misconduct (`pnpm train:conduct`); on real Weibo helpdesk threads it marks about one
 * conversation in a hundred, wrongly (decision 210).
 */
export const POSSIBLE_MISCONDUCT_AT = 0.8;

/** The conduct model's judgement of one agent reply. */
export interface ConductModel {
  readonly version: string;
  /** P(misconduct) of a message's normalized view, 0…1. */
  probability(normalized: string): number;
}

/**
 * A conduct model over a `cxqa-linear/1` file whose labels are `['ok', 'misconduct']` (see
 * `scripts/train-conduct.ts`). Throws `CxqaError` (`invalid_option`) for other labels or formats.
 */
export function createConductModel(file: LinearModelFile): ConductModel {
  const misconduct = file.labels.indexOf('misconduct');
  if (misconduct < 0 || file.labels.length !== 2)
    throw new CxqaError('invalid_option', `a conduct model needs the labels ['ok', 'misconduct'], not ${JSON.stringify(file.labels)}`);
  const model: SentimentModel = createLinearClassifier(file, conductFeatures, { once: true });
  return { version: file.version, probability: (normalized) => model.predict(normalized).scores.misconduct ?? 0 };
}

let shipped: ConductModel | undefined;
/** The shipped model (`models/conduct.json`), loaded on first use. */
export function builtinConductModel(): ConductModel {
  shipped ??= createConductModel(shippedModelFile('conduct'));
  return shipped;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/**
 * The info finding for an agent reply the model reads as misconduct that no rule flagged: the whole
 * reply as evidence, the probability as the rule's score. It changes no score; the default
 * scorecard sends the conversation to review (`possible_agent_misconduct`).
 */
export function possibleMisconductFinding(m: Pick<MessageView, 'index' | 'text'>, probability: number, version: string): Finding {
  const start = m.text.length - m.text.trimStart().length;
  const end = m.text.trimEnd().length;
  return {
    analyzer: 'courtesy',
    code: 'politeness.possible_misconduct',
    severity: 'info',
    messageIndex: m.index,
    span: { start, end },
    evidence: m.text.slice(start, end),
    explanation: `the conduct model reads this reply as misconduct toward the customer (P ${round(probability)}) though no conduct rule matched: a person should read it`,
    rule: { id: `politeness.model.conduct@${version}`, kind: 'model', score: round(probability) },
  };
}
