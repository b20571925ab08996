import { cosine, type Embedder } from './embedder.js';
import { kbTerms } from './tokens.js';

function termCounts(text: string, language: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const t of kbTerms(text, language)) counts.set(t, (counts.get(t) ?? 0) + 1);
  return counts;
}

/**
 * Lexical similarity of two texts, 0–1: cosine of their term counts (words, bigrams, character
 * 3-grams — so it works for CJK and survives typos and inflection).
 *
 * @example
 * lexicalSimilarity('Returns are free within 30 days', 'You can return it for free within 30 days'); // ≈ 0.5
 */
export function lexicalSimilarity(a: string, b: string, language = 'und'): number {
  const x = termCounts(a, language);
  const y = termCounts(b, language);
  let dot = 0;
  for (const [t, n] of x) dot += n * (y.get(t) ?? 0);
  const norm = (m: Map<string, number>) => Math.sqrt([...m.values()].reduce((s, n) => s + n * n, 0));
  const d = norm(x) * norm(y);
  return d ? dot / d : 0;
}

/**
 * Answer similarity: lexical, averaged with the embedder's cosine when one is given.
 *
 * @example
 * await answerSimilarity(agentText, entry.answer, { embedder });
 */
export async function answerSimilarity(
  a: string,
  b: string,
  options: { language?: string; embedder?: Embedder } = {},
): Promise<{ score: number; lexical: number; semantic?: number }> {
  const lexical = lexicalSimilarity(a, b, options.language);
  if (!options.embedder) return { score: lexical, lexical };
  const [va, vb] = await options.embedder.embed([a, b]);
  const semantic = cosine(va!, vb!);
  return { score: (lexical + semantic) / 2, lexical, semantic };
}
