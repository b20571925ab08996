import { CxqaError, type TranslateOptions, type Translator } from '@cxqa/core';
import { batching, lazyPipeline, type ModelOptions, runInBatches } from './lazy-pipeline.js';

/** Model families the translation pipeline runs, by how they name languages. */
export type TranslationFamily = 'marian' | 'nllb' | 'm2m100';

export interface TransformersTranslatorOptions extends ModelOptions {
  /** Default: from the model id (`opus-mt` → marian, `nllb` → nllb, `m2m100` → m2m100); required otherwise. */
  family?: TranslationFamily;
  /**
   * Marian models translate one fixed pair: the source and target language (ISO 639-1). Default:
   * read from an `opus-mt-<from>-<to>` id. Texts from another source language stay untranslated (null).
   */
  pair?: { from: string; to: string };
  /** ISO 639-1 → the model's language code, merged over the preset (NLLB: `de` → `deu_Latn`; M2M100 uses ISO codes). */
  languageCodes?: Record<string, string>;
  /** Longest output per text in tokens (default 256). */
  maxNewTokens?: number;
}

export interface TransformersTranslator extends Translator {
  /** Load the model now (otherwise the first `translate` does); rejects with `model_missing`. */
  ready(): Promise<void>;
  /** Release the ONNX sessions; a later `translate` loads the model again. */
  dispose(): Promise<void>;
}

/** FLORES-200 codes NLLB expects, for the languages cxqa identifies. */
export const NLLB_LANGUAGE_CODES: Readonly<Record<string, string>> = {
  ar: 'arb_Arab',
  ca: 'cat_Latn',
  de: 'deu_Latn',
  en: 'eng_Latn',
  es: 'spa_Latn',
  fr: 'fra_Latn',
  gl: 'glg_Latn',
  hi: 'hin_Deva',
  id: 'ind_Latn',
  it: 'ita_Latn',
  ja: 'jpn_Jpan',
  ko: 'kor_Hang',
  nl: 'nld_Latn',
  pl: 'pol_Latn',
  pt: 'por_Latn',
  ru: 'rus_Cyrl',
  th: 'tha_Thai',
  tr: 'tur_Latn',
  uk: 'ukr_Cyrl',
  vi: 'vie_Latn',
  zh: 'zho_Hans',
};

type Pipe = ((texts: string[], options: Record<string, unknown>) => Promise<{ translation_text: string }[] | { translation_text: string }>) & {
  dispose?: () => Promise<void>;
};

function familyOf(options: TransformersTranslatorOptions): TranslationFamily {
  if (options.family) return options.family;
  const id = options.model.toLowerCase();
  if (/opus-mt|marian/.test(id)) return 'marian';
  if (/nllb/.test(id)) return 'nllb';
  if (/m2m/.test(id)) return 'm2m100';
  throw new CxqaError('invalid_option', `translation: cannot tell the family of "${options.model}": pass \`family\` ("marian", "nllb" or "m2m100")`, {
    path: ['family'],
  });
}

/**
 * A `Translator` running a local transformers.js translation model — Marian (`Xenova/opus-mt-de-en`),
 * NLLB (`Xenova/nllb-200-distilled-600M`) or M2M100 (`Xenova/m2m100_418M`) — loaded lazily from a
 * local model directory (nothing is downloaded unless `allowRemote`), in batches of `batchSize`.
 * Language codes: ISO 639-1 in, mapped to the model's codes (NLLB's FLORES-200 preset, M2M100's ISO
 * codes); a Marian model translates only its pair, and a text in another language (or a language
 * the model has no code for) comes back `null`, so the pipeline leaves it untranslated and counts it.
 *
 * @example
 * const translator = createTransformersTranslator({ model: 'Xenova/opus-mt-de-en', localModelPath: './models' });
 * const inspector = createInspector({ translation: { to: 'en', translator } });
 */
export function createTransformersTranslator(options: TransformersTranslatorOptions): TransformersTranslator {
  const family = familyOf(options);
  const sizes = batching(options);
  const pairMatch = /opus-mt-([a-z]{2,3})-([a-z]{2,3})$/i.exec(options.model);
  const pair = options.pair ?? (pairMatch ? { from: pairMatch[1]!.toLowerCase(), to: pairMatch[2]!.toLowerCase() } : undefined);
  if (family === 'marian' && !pair)
    throw new CxqaError('invalid_option', `translation: Marian model "${options.model}" translates one pair: pass \`pair: { from, to }\``, { path: ['pair'] });
  const codes = { ...(family === 'nllb' ? NLLB_LANGUAGE_CODES : {}), ...options.languageCodes };
  const code = (iso: string | undefined) => (iso === undefined ? undefined : (codes[iso] ?? (family === 'm2m100' ? iso : undefined)));
  const pipeline = lazyPipeline<Pipe>('translation', options);
  return {
    name: `transformers:${options.model}`,
    async ready() {
      await pipeline.load();
    },
    async translate(texts: readonly string[], { from, to, signal }: TranslateOptions): Promise<(string | null)[]> {
      const generation: Record<string, unknown> = { max_new_tokens: options.maxNewTokens ?? 256 };
      if (family === 'marian') {
        if (to !== pair!.to)
          throw new CxqaError('invalid_option', `translation: "${options.model}" translates into ${pair!.to}, not ${to}: use a model for that pair`, {
            path: ['to'],
          });
        if (from !== undefined && from !== pair!.from) return texts.map(() => null);
      } else {
        const src = code(from);
        const tgt = code(to);
        if (!tgt)
          throw new CxqaError('invalid_option', `translation: no ${family} code for target "${to}": add it to \`languageCodes\``, {
            path: ['languageCodes', to],
          });
        if (!src) return texts.map(() => null);
        generation.src_lang = src;
        generation.tgt_lang = tgt;
      }
      return runInBatches(
        pipeline,
        texts,
        sizes,
        async (pipe, batch) => {
          const raw = await pipe(batch, generation);
          return (Array.isArray(raw) ? raw : [raw]).map((r) => r.translation_text);
        },
        signal,
      );
    },
    dispose: () => pipeline.dispose(),
  };
}
