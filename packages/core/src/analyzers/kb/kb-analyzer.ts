import { baseLanguage } from '../../langid/tags.js';
import type { Analyzer, AnalyzerContext, AnalyzerOutput, MessageView } from '../../pipeline/analyze/contract.js';
import type { Finding } from '../../pipeline/validate/finding.js';
import { foldQuotes } from '../../text/quotes.js';
import type { Embedder } from './knowledge/embedder.js';
import { checkFacts, missingMentions } from './knowledge/facts.js';
import { buildKbIndex, type KbHit, type KbIndex } from './knowledge/kb-index.js';
import { parseKnowledgeBase } from './knowledge/load.js';
import type { KnowledgeBase, KnowledgeBaseInput } from './knowledge/schema.js';
import { answerSimilarity, lexicalSimilarity } from './knowledge/similarity.js';
import { entryByTopic } from './knowledge/topics.js';

export const KB_ANALYZER_VERSION = '0.3.0';

export interface KbOptions {
  /** The knowledge base (validated here), or an index already built with `buildKbIndex`. */
  kb: KnowledgeBaseInput | KbIndex;
  /** Optional embedder for semantic retrieval and answer similarity (e.g. a multilingual model). */
  embedder?: Embedder;
  /** A customer message whose best entry covers at least this share of it "clearly" asks about it (default 0.5). */
  clearlyApplies?: number;
  /** An answer less similar than this to the entry's answer, and closer to another entry's answer, is off-topic (default 0.12). */
  offTopicBelow?: number;
}

interface Question {
  m: MessageView;
  hit: KbHit;
  answers: MessageView[];
  /** Set when the entry was found across languages by the topics the question names (`knowledge/topics.ts`), not by the index. */
  byTopic?: string[];
}

/** Text used for retrieval and similarity: the translation when a translator gave one. */
const textOf = (m: MessageView) => m.translation ?? m.text;

/** Is the message in another language than the entry (both known)? Enables the by-dimension fact check. */
function crossLanguage(m: MessageView, entryLanguage: string, agentLanguage: string | undefined): boolean {
  const entry = baseLanguage(entryLanguage);
  const own = baseLanguage(m.language !== 'und' ? m.language : agentLanguage);
  return !!entry && !!own && own !== 'und' && own !== entry;
}

/**
 * Answers checked against the knowledge base: for each customer question, the KB entry it is about
 * (hybrid BM25 + optional embeddings); for the agent messages that answer it, the similarity to the
 * canonical answer, contradictions of the entry's facts (`kb.contradiction`, naming the fact, the
 * agent's value and the KB's; major when the number's clause names the fact, minor with
 * `rule.detail.matchedBy = 'dimension'` when an answer in another language was matched only by the
 * quantity's dimension), missing must-mention items (`kb.missing_fact`) and
 * answers about something else (`kb.off_topic`). Facts are read from the original text (numbers
 * and units in many languages), so spans point into what the agent wrote.
 *
 * @example
 * const inspector = createInspector({ analyzers: [kbAnalyzer({ kb: JSON.parse(readFileSync('kb.json', 'utf8')) })] });
 */
export function kbAnalyzer(options: KbOptions): Analyzer {
  const given = options.kb as Partial<KbIndex>;
  const kb: KnowledgeBase = typeof given.search === 'function' ? given.kb! : parseKnowledgeBase(options.kb);
  let index: Promise<KbIndex> | undefined = typeof given.search === 'function' ? Promise.resolve(given as KbIndex) : undefined;
  const getIndex = () => (index ??= buildKbIndex(kb, options.embedder ? { embedder: options.embedder } : {}));
  const clearly = options.clearlyApplies ?? 0.5;
  const offTopicBelow = options.offTopicBelow ?? 0.12;

  async function questions(ctx: AnalyzerContext, idx: KbIndex): Promise<Question[]> {
    const found: Question[] = [];
    for (const i of ctx.chronological) {
      const m = ctx.messages[i]!;
      if (m.role === 'agent' && found.length) found.at(-1)!.answers.push(m);
      if (m.role !== 'customer' || !m.text.trim()) continue;
      const { best } = await idx.search(textOf(m), { language: m.translation ? 'und' : m.language, signal: ctx.signal });
      // no entry found, and a question in another language than the KB: the entry that shares its topics
      // ("Wie lange gilt die Garantie?" → the English warranty entry), when exactly one does best
      const language = m.language !== 'und' ? m.language : ctx.languages.customer;
      const topical = !best && !m.translation && baseLanguage(language) ? entryByTopic(m.text, language!, kb.entries) : null;
      const hit = best ?? (topical ? { entry: topical.entry, score: 0, lexical: 0, coverage: 0 } : null);
      // a follow-up about the same entry extends the open question instead of starting a new one
      if (!hit || hit.entry.id === found.at(-1)?.hit.entry.id) continue;
      found.push({ m, hit, answers: [], ...(topical && !best ? { byTopic: topical.topics } : {}) });
    }
    return found.filter((q) => q.answers.length);
  }

  return {
    name: 'kb',
    version: KB_ANALYZER_VERSION,
    async analyze(ctx): Promise<AnalyzerOutput> {
      const idx = await getIndex();
      const asked = await questions(ctx, idx);
      const findings: Finding[] = [];
      const similarities: number[] = [];
      for (const q of asked) {
        const entry = q.hit.entry;
        const rule = (suffix: string) => ({
          id: `kb:${kb.version}:${entry.id}${suffix}`,
          kind: 'rule' as const,
          detail: { entry: entry.id, kbVersion: kb.version },
        });
        const answerText = q.answers.map(textOf).join('\n');
        const sim = await answerSimilarity(answerText, entry.answer, {
          language: q.answers[0]!.language,
          ...(options.embedder ? { embedder: options.embedder } : {}),
        });
        similarities.push(sim.score);
        for (const a of q.answers) {
          // facts are read on the text with typographic apostrophes, quotes and hyphens folded ("non‑refundable"); same offsets
          for (const c of checkFacts(foldQuotes(a.text), entry, {
            crossLanguage: crossLanguage(a, entry.language, ctx.languages.agent),
            plausibleOnly: !!q.byTopic,
          })) {
            const stated = a.text.slice(c.start, c.end);
            // a weaker match of the number, or of the entry (found by topic): minor
            const weak = c.matchedBy !== 'keyword' || !!q.byTopic;
            const language = a.language !== 'und' ? a.language : ctx.languages.agent;
            const found = q.byTopic ? `; the entry was found across languages by the question's topic (${q.byTopic.join(', ')})` : '';
            const how =
              c.matchedBy === 'topic'
                ? `compared across languages by topic and dimension, not by keyword: the answer (${language}) names the fact's topic (${c.topics!.join(', ')}) in its own language, none of the fact's keywords, and this is the entry's only fact of that kind on that topic`
                : `compared across languages by dimension, not by keyword: the answer (${language}) names none of the fact's keywords and this is the entry's only fact of that kind`;
            findings.push({
              analyzer: 'kb',
              code: 'kb.contradiction',
              severity: weak ? 'minor' : 'major',
              messageIndex: a.index,
              span: { start: c.start, end: c.end },
              evidence: stated,
              explanation: weak
                ? `"${stated}" may contradict the knowledge base: ${c.fact.name} is ${c.kbValue} (entry ${entry.id}); ${c.matchedBy === 'keyword' ? "the number's clause names the fact" : how}${found}`
                : `"${stated}" contradicts the knowledge base: ${c.fact.name} is ${c.kbValue} (entry ${entry.id})`,
              rule: {
                ...rule(`:${c.fact.name}`),
                detail: {
                  entry: entry.id,
                  kbVersion: kb.version,
                  fact: c.fact.name,
                  agentValue: stated,
                  kbValue: c.kbValue,
                  matchedBy: c.matchedBy,
                  ...(c.topics ? { topics: c.topics } : {}),
                  ...(q.byTopic ? { retrievedBy: 'topic', questionTopics: q.byTopic } : {}),
                },
              },
              suggestion: `correct the answer: ${c.fact.name} is ${c.kbValue}`,
            });
          }
        }
        // must-mention patterns are written in the entry's language: not asked of an answer to a question found by topic
        for (const item of q.byTopic
          ? []
          : missingMentions(
              q.answers.map((a) => `${a.text}\n${a.translation ?? ''}`),
              entry,
            )) {
          findings.push({
            analyzer: 'kb',
            code: 'kb.missing_fact',
            severity: 'minor',
            messageIndex: q.answers.at(-1)!.index,
            explanation: `the answer to "${q.m.text.slice(0, 60)}" does not mention ${item} (entry ${entry.id})`,
            rule: rule(':mustMention'),
            suggestion: `mention ${item}`,
          });
        }
        if (q.hit.coverage >= clearly && sim.score < offTopicBelow) {
          // off-topic only when the answer is closer to another entry's answer than to this one's; only
          // answers in the entry's language compete (a Japanese answer is always closer to a Japanese entry)
          const language = q.answers[0]!.language;
          const other = kb.entries
            .filter((e) => e.id !== entry.id && e.answer && baseLanguage(e.language) === baseLanguage(entry.language))
            .map((e) => ({ e, s: lexicalSimilarity(answerText, e.answer, language) }))
            .sort((a, b) => b.s - a.s)[0];
          if (other && other.s >= offTopicBelow && other.s > sim.lexical) {
            findings.push({
              analyzer: 'kb',
              code: 'kb.off_topic',
              severity: 'major',
              messageIndex: q.answers[0]!.index,
              explanation: `the customer asked about ${entry.id} (message ${q.m.index}) but the answer reads like ${other.e.id} (similarity ${other.s.toFixed(2)} against ${sim.lexical.toFixed(2)} to the ${entry.id} answer)`,
              rule: rule(':off_topic'),
              suggestion: `answer the question using entry ${entry.id}: ${entry.answer.slice(0, 120)}`,
            });
          }
        }
      }
      const round = (x: number) => Math.round(x * 1000) / 1000;
      return {
        scores: { accuracy: asked.length ? 1 : null },
        findings,
        metrics: {
          'kb.questions': asked.length,
          'kb.entries': asked.length ? asked.map((q) => q.hit.entry.id).join(',') : null,
          'kb.answerSimilarity': similarities.length ? round(similarities.reduce((a, b) => a + b, 0) / similarities.length) : null,
          'kb.contradictions': findings.filter((f) => f.code === 'kb.contradiction').length,
        },
      };
    },
  };
}
