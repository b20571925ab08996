import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { baseLanguage } from './tags.js';

/**
 * Prior over languages for a customer's messages, from `customer.locale` and `customer.country`.
 *
 * Country → languages comes from Unicode CLDR `supplemental/territoryInfo.json` (package
 * `cldr-core`, Unicode licence v3): the languages with an official status in the territory
 * (official, de facto official or official regional), weighted by CLDR's population percent.
 * BR → pt 1.00; CH → de 0.58, fr 0.30, it 0.12 (Romansh 0.004); ES → es 0.78, ca 0.13, gl 0.06, eu 0.02.
 */

/** Share of prior mass spread evenly over all candidates, whatever the country or locale (ε). */
export const PRIOR_FLOOR = 0.2;
/** Share of the non-floor mass that goes to the locale's language when both locale and country are known (λ). */
export const LOCALE_SHARE = 0.75;

export interface CustomerPriorInput {
  /** BCP 47 tag, e.g. `pt-BR`; its base language gets the strong part of the prior. */
  locale?: string | undefined;
  /** ISO 3166-1 alpha-2, e.g. `BR`. */
  country?: string | undefined;
}

/** A distribution over ISO 639-1 codes (values sum to 1). */
export type LanguageDistribution = ReadonlyMap<string, number>;

let territories: Map<string, LanguageDistribution> | undefined;

interface TerritoryInfoFile {
  supplemental: {
    territoryInfo: Record<string, { languagePopulation?: Record<string, { _populationPercent?: string; _officialStatus?: string }> }>;
  };
}

function loadTerritories(): Map<string, LanguageDistribution> {
  const require = createRequire(import.meta.url);
  const file = JSON.parse(readFileSync(require.resolve('cldr-core/supplemental/territoryInfo.json'), 'utf8')) as TerritoryInfoFile;
  const out = new Map<string, LanguageDistribution>();
  for (const [territory, info] of Object.entries(file.supplemental.territoryInfo)) {
    const entries = Object.entries(info.languagePopulation ?? {});
    const official = entries.filter(([, v]) => v._officialStatus);
    const weights = new Map<string, number>();
    // Variants of one language (zh, zh_Hant) count once, at their largest share.
    for (const [tag, v] of official.length ? official : entries) {
      const lang = baseLanguage(tag);
      const pct = Number(v._populationPercent ?? 0);
      if (lang && pct > 0) weights.set(lang, Math.max(weights.get(lang) ?? 0, pct));
    }
    if (!official.length && weights.size > 1) {
      // No official language: keep only the most spoken one.
      const [top] = [...weights].sort((a, b) => b[1] - a[1]);
      weights.clear();
      weights.set(top![0], top![1]);
    }
    const total = [...weights.values()].reduce((a, b) => a + b, 0);
    if (total > 0) out.set(territory, new Map([...weights].map(([l, w]) => [l, w / total])));
  }
  return out;
}

/**
 * Languages of a country as a distribution (CLDR, see the module note), or undefined for an
 * unknown code. Loaded on first use (≈ 185 KB of JSON) and cached.
 *
 * @example
 * countryLanguages('CA') // Map { 'en' => 0.75, 'fr' => 0.25 } (rounded)
 */
export function countryLanguages(country: string | undefined): LanguageDistribution | undefined {
  if (!country) return undefined;
  territories ??= loadTerritories();
  return territories.get(country.trim().toUpperCase());
}

/**
 * The informative part q of a customer's prior (before the floor ε): the locale's language,
 * the country's languages, or λ·locale + (1−λ)·country when both are known. Undefined when
 * neither says anything.
 */
export function customerLanguagePrior(input: CustomerPriorInput): LanguageDistribution | undefined {
  const locale = baseLanguage(input.locale);
  const country = countryLanguages(input.country);
  if (!locale) return country;
  if (!country) return new Map([[locale, 1]]);
  const q = new Map<string, number>();
  for (const [l, w] of country) q.set(l, (1 - LOCALE_SHARE) * w);
  q.set(locale, (q.get(locale) ?? 0) + LOCALE_SHARE);
  return q;
}

const priorCache = new WeakMap<readonly string[], Map<string, Float64Array>>();

/**
 * `logPriorOver(languages, candidates, customerLanguagePrior({ locale, country }), floor)`,
 * memoised per model language list (the hot path asks for the same few priors again and again).
 * `candidatesKey` must identify `candidates` (e.g. the caller's language list joined).
 * The returned array is shared: do not modify it.
 */
export function cachedLogPrior(
  languages: readonly string[],
  candidates: ReadonlySet<string> | null,
  candidatesKey: string,
  input: CustomerPriorInput,
  floor = PRIOR_FLOOR,
): Float64Array {
  let byKey = priorCache.get(languages);
  if (!byKey) priorCache.set(languages, (byKey = new Map()));
  const key = `${candidatesKey}|${input.locale ?? ''}|${input.country ?? ''}|${floor}`;
  let out = byKey.get(key);
  if (!out) {
    if (byKey.size >= 4096) byKey.clear();
    out = logPriorOver(languages, candidates, customerLanguagePrior(input), floor);
    byKey.set(key, out);
  }
  return out;
}

/**
 * Log prior over `languages` restricted to the candidates: p(l) ∝ ε/|C| + (1−ε)·q(l) for l in C
 * (renormalised over C), −Infinity outside C. With no q, every candidate gets log(1/|C|).
 *
 * @param languages model languages, in the model's order
 * @param candidates the allowed subset (null = all of `languages`)
 * @param q the informative prior (from `customerLanguagePrior` or a caller's own distribution)
 * @param floor ε in [0, 1] (default PRIOR_FLOOR)
 */
export function logPriorOver(
  languages: readonly string[],
  candidates: ReadonlySet<string> | null,
  q: LanguageDistribution | undefined,
  floor = PRIOR_FLOOR,
): Float64Array {
  const out = new Float64Array(languages.length);
  let size = 0;
  for (const l of languages) if (!candidates || candidates.has(l)) size++;
  let z = 0;
  for (let i = 0; i < languages.length; i++) {
    const l = languages[i]!;
    if (candidates && !candidates.has(l)) {
      out[i] = 0;
      continue;
    }
    const p = q ? floor / size + (1 - floor) * (q.get(l) ?? 0) : 1 / size;
    out[i] = p;
    z += p;
  }
  for (let i = 0; i < languages.length; i++) {
    const l = languages[i]!;
    out[i] = candidates && !candidates.has(l) ? -Infinity : z > 0 ? Math.log(out[i]! / z) : -Math.log(size);
  }
  return out;
}
