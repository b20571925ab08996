/**
 * A translation provider. Core ships none; provider packages (or your own function) plug in.
 * Implementations must not call a network unless the user configured them to.
 *
 * @example
 * const upper: Translator = { name: 'shout', translate: async (texts) => texts.map((t) => t.toUpperCase()) };
 * createInspector({ translation: { to: 'en', translator: upper } });
 */
export interface Translator {
  readonly name: string;
  /** Translate a batch; the result must have the same length and order. */
  translate(texts: readonly string[], options: { from?: string; to: string; signal?: AbortSignal }): Promise<string[]>;
}

/**
 * Wrap a plain async function as a Translator.
 *
 * @example
 * const translator = translatorFromFunction('my-api', async (texts, { to }) => myApi.translate(texts, to));
 */
export function translatorFromFunction(
  name: string,
  fn: (texts: readonly string[], options: { from?: string; to: string; signal?: AbortSignal }) => Promise<string[]>,
): Translator {
  return { name, translate: fn };
}
