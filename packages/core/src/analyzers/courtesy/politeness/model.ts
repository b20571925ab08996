import { add, addCode, begin, type FeatureHash } from '../../sentiment/model/feature-hash.js';
import { type SentimentModel, shippedModel, shippedModelFile } from '../../sentiment/model/linear-model.js';
import { politenessStrategies, type StrategyHit, type TextCase } from './strategies.js';

const TOKEN = /[\p{L}\p{N}']+|[?!]/gu;

/**
 * Features of the politeness model: the strategies that fire (`s:gratitude`, language-neutral),
 * lower-cased words and word bigrams, and the first word.
 */
export function politenessFeatures(text: string): string[] {
  return [...new Set(politenessFeatureList(text))];
}

/** The strategies (and lower case) `judgePoliteness` already found for `text`, so the model does not look for them again. */
let found: { text: string; hits: StrategyHit[]; lower: string } | undefined;

/** The model's words: the lower-cased text with `<url>` read as the word `url`. */
function politenessWords(text: string): string[] {
  const lower = found?.text === text ? found.lower : text.toLowerCase();
  return (lower.includes('<url>') ? lower.replace(/<url>/g, ' url ') : lower).match(TOKEN) ?? [];
}

/** `politenessFeatures` before deduplication: a feature may repeat (the model counts it once). */
function politenessFeatureList(text: string): string[] {
  const hits = found?.text === text ? found.hits : politenessStrategies(text);
  const out = hits.map((h) => `s:${h.strategy}`);
  const words = politenessWords(text);
  for (let i = 0; i < words.length; i++) {
    out.push(`w:${words[i]}`);
    if (i + 1 < words.length) out.push(`b:${words[i]} ${words[i + 1]}`);
  }
  if (words[0]) out.push(`w0:${words[0]}`);
  return out;
}

/** `politenessFeatureList` hashed (see feature-hash.ts): the same features in the same order, no string built. */
function eachPolitenessFeatureHash(text: string, _normalized: string | undefined, h: FeatureHash, visit: () => void): void {
  const hits = found?.text === text ? found.hits : politenessStrategies(text);
  for (const hit of hits) {
    begin(h, 's:');
    add(h, hit.strategy, 0, hit.strategy.length);
    visit();
  }
  const words = politenessWords(text);
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    begin(h, 'w:');
    add(h, w, 0, w.length);
    visit();
    if (i + 1 < words.length) {
      begin(h, 'b:');
      add(h, w, 0, w.length);
      addCode(h, 32);
      add(h, words[i + 1]!, 0, words[i + 1]!.length);
      visit();
    }
  }
  if (words[0]) {
    begin(h, 'w0:');
    add(h, words[0], 0, words[0].length);
    visit();
  }
}

/**
 * The shipped English politeness model (Stanford Politeness Corpus, logistic regression over
 * politeness strategies and words), loaded on first use. Labels `impolite`, `polite`.
 *
 * @example
 * builtinPolitenessModel().predict('Could you please check the tracking number? Thanks!').label; // 'polite'
 */
export function builtinPolitenessModel(): SentimentModel {
  return shippedModel('politeness-en', politenessFeatureList, eachPolitenessFeatureHash);
}

export interface PolitenessJudgement {
  /** P(polite) from the shipped model, 0–1. */
  polite: number;
  /** The strategies found, with the model's weight for each (positive = reads as polite). */
  strategies: (StrategyHit & { weight: number })[];
}

let strategyWeights: Map<string, number> | undefined;

/**
 * P(polite) of a text and the strategies that drove it (spans and weights), for evidence.
 * `known`: the text's lower case and case-fold safety when the caller has them (a message's
 * `analysis` when `text` is its `view.folded`), so they are not computed again.
 *
 * @example
 * const j = judgePoliteness('As I said, read the description.');
 * j.polite < 0.5; // true
 */
export function judgePoliteness(text: string, known?: TextCase): PolitenessJudgement {
  const model = builtinPolitenessModel();
  if (!strategyWeights) {
    const file = shippedModelFile('politeness-en');
    strategyWeights = new Map(
      Object.entries(file.weights)
        .filter(([f]) => f.startsWith('s:'))
        .map(([f, w]) => [f.slice(2), w[1]! - w[0]!]),
    );
  }
  const weights = strategyWeights;
  // the strategies are both model features and evidence: found once
  const hits = politenessStrategies(text, known);
  found = { text, hits, lower: known ? known.lower : text.toLowerCase() };
  let polite: number;
  try {
    polite = model.predict(text).scores.polite ?? 0;
  } finally {
    found = undefined;
  }
  return { polite, strategies: hits.map((h) => ({ ...h, weight: Math.round((weights.get(h.strategy) ?? 0) * 1000) / 1000 })) };
}
