/** What a translator is asked: the target language, the source language when every text shares one, and a signal. */
export interface TranslateOptions {
  /** Source language (ISO 639-1) when known; the pipeline groups messages by detected language and passes it. */
  from?: string;
  /** Target language (ISO 639-1). */
  to: string;
  signal?: AbortSignal;
}

/**
 * A translation provider. Core ships none; provider packages (`@cxqa/llm`'s `llmTranslator`,
 * `@cxqa/transformers`' `createTransformersTranslator`) or your own function plug in.
 * Implementations must not call a network unless the user configured them to.
 *
 * @example
 * const upper: Translator = { name: 'shout', translate: async (texts) => texts.map((t) => t.toUpperCase()) };
 * createInspector({ translation: { to: 'en', translator: upper } });
 */
export interface Translator {
  readonly name: string;
  /**
   * Translate a batch; the result must have the same length and order. `null` in a slot means
   * "this text could not be translated safely" (e.g. a protected term was lost): the message stays
   * untranslated and the Result counts it in `translation.untranslated`.
   */
  translate(texts: readonly string[], options: TranslateOptions): Promise<(string | null)[]>;
}

/**
 * Wrap a plain async function as a Translator.
 *
 * @example
 * const translator = translatorFromFunction('my-api', async (texts, { to }) => myApi.translate(texts, to));
 */
export function translatorFromFunction(name: string, fn: (texts: readonly string[], options: TranslateOptions) => Promise<(string | null)[]>): Translator {
  return { name, translate: fn };
}
