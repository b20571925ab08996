import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildKbIndex, createInspector, kbAnalyzer } from '@cxqa/core';
import { lexicalSimilarity } from '@cxqa/core/kb';
import { type IntentRow, intentKnowledgeBase, loadBanking77, loadBitext, loadJsts } from '../corpora/kb.js';
import { lines } from '../corpora/read.js';
import { pearson, rocAuc, spearman } from '../metrics/correlation.js';
import type { EvalRow } from '../report.js';
import type { EvalTask } from './task.js';

async function retrieval(corpus: string, kbRows: IntentRow[], queries: IntentRow[]): Promise<EvalRow[]> {
  const index = await buildKbIndex(intentKnowledgeBase(kbRows, corpus));
  let top1 = 0;
  let top3 = 0;
  for (const q of queries) {
    const { hits } = await index.search(q.text, { k: 3, language: 'en' });
    if (hits[0]?.entry.id === q.intent) top1++;
    if (hits.some((h) => h.entry.id === q.intent)) top3++;
  }
  return [
    { task: 'kb-retrieval', corpus, metric: 'top1_accuracy', value: top1 / queries.length, n: queries.length },
    { task: 'kb-retrieval', corpus, metric: 'top3_accuracy', value: top3 / queries.length, n: queries.length },
  ];
}

/**
 * `kb-retrieval`: BANKING77 (KB = one entry per intent from train.csv, queries = test.csv) and
 * the Bitext split (KB rows vs the 1-in-5 hash query rows); top-1 and top-3 intent accuracy.
 */
export const kbRetrievalTask: EvalTask = {
  name: 'kb-retrieval',
  async run({ corporaDir }) {
    const rows: EvalRow[] = [];
    const evaluated: string[] = [];
    const skipped: string[] = [];
    const train = loadBanking77(corporaDir, 'train');
    const test = loadBanking77(corporaDir, 'test');
    if (train && test) {
      rows.push(...(await retrieval('intent-banking77', train, test)));
      evaluated.push('intent-banking77');
    } else skipped.push('intent-banking77');
    const bitext = loadBitext(corporaDir);
    if (bitext) {
      rows.push(...(await retrieval('kb-bitext-customer-support', bitext.kbRows, bitext.queries)));
      evaluated.push('kb-bitext-customer-support');
    } else skipped.push('kb-bitext-customer-support');
    return { rows, evaluated, skipped, notes: [] };
  },
};

/**
 * `kb-answer` on the Bitext split: for each query row, the KB answer of its intent is compared
 * with the row's own response (positive) and with the response of the next query row of another
 * intent (negative). Accuracy = positive scored higher; ROC AUC over all scores.
 */
export const kbAnswerTask: EvalTask = {
  name: 'kb-answer',
  async run({ corporaDir }) {
    const bitext = loadBitext(corporaDir);
    if (!bitext) return { rows: [], evaluated: [], skipped: ['kb-bitext-customer-support'], notes: [] };
    const kb = intentKnowledgeBase(bitext.kbRows, 'bitext');
    const answer = new Map(kb.entries.map((e) => [e.id, e.answer]));
    const pos: number[] = [];
    const neg: number[] = [];
    let right = 0;
    const qs = bitext.queries.filter((q) => answer.has(q.intent));
    qs.forEach((q, i) => {
      const other = [...qs.slice(i + 1), ...qs.slice(0, i)].find((o) => o.intent !== q.intent)!;
      const p = lexicalSimilarity(answer.get(q.intent)!, q.response!, 'en');
      const n = lexicalSimilarity(answer.get(q.intent)!, other.response!, 'en');
      pos.push(p);
      neg.push(n);
      if (p > n) right++;
    });
    return {
      rows: [
        { task: 'kb-answer', corpus: 'kb-bitext-customer-support', metric: 'accuracy', value: right / qs.length, n: qs.length },
        { task: 'kb-answer', corpus: 'kb-bitext-customer-support', metric: 'roc_auc', value: rocAuc(pos, neg), n: qs.length },
      ],
      evaluated: ['kb-bitext-customer-support'],
      skipped: [],
      notes: [],
    };
  },
};

/** `similarity` on JSTS (valid and test files): Spearman and Pearson of the lexical answer similarity with the human 0–5 scores. */
export const similarityTask: EvalTask = {
  name: 'similarity',
  async run({ corporaDir }) {
    const rows: EvalRow[] = [];
    for (const split of ['valid', 'test'] as const) {
      const pairs = loadJsts(corporaDir, split);
      if (!pairs) continue;
      const predicted = pairs.map((p) => lexicalSimilarity(p.a, p.b, 'ja'));
      const gold = pairs.map((p) => p.score);
      rows.push({ task: 'similarity', corpus: 'similarity-ja-jsts', subset: split, metric: 'spearman', value: spearman(predicted, gold), n: pairs.length });
      rows.push({ task: 'similarity', corpus: 'similarity-ja-jsts', subset: split, metric: 'pearson', value: pearson(predicted, gold), n: pairs.length });
    }
    return rows.length
      ? { rows, evaluated: ['similarity-ja-jsts'], skipped: [], notes: [] }
      : { rows, evaluated: [], skipped: ['similarity-ja-jsts'], notes: [] };
  },
};

/**
 * `kb` on fixtures/kb: conversations where the agent's answer matches, paraphrases, contradicts a
 * fact (days, percent, money, yes/no), omits a must-mention item or is off-topic, against
 * fixtures/kb/kb.json. Right = exact set of kb codes, and the contradicted facts as expected.
 */
export const kbFixturesTask: EvalTask = {
  name: 'kb',
  async run({ fixturesDir }) {
    const dir = join(fixturesDir, 'kb');
    if (!existsSync(join(dir, 'conversations.jsonl'))) return { rows: [], evaluated: [], skipped: ['fixtures/kb'], notes: [] };
    const inspector = createInspector({ analyzers: [kbAnalyzer({ kb: JSON.parse(readFileSync(join(dir, 'kb.json'), 'utf8')) })] });
    const cases = lines(readFileSync(join(dir, 'conversations.jsonl'), 'utf8')).map(
      (l) => JSON.parse(l) as { id: string; expect: string[]; expectFacts?: string[] },
    );
    const notes: string[] = [];
    let right = 0;
    for (const c of cases) {
      const result = await inspector.inspect(c);
      const codes = [...new Set(result.findings.map((f) => f.code))].sort();
      const facts = result.findings.filter((f) => f.code === 'kb.contradiction').map((f) => String((f.rule?.detail as { fact?: string } | undefined)?.fact));
      if (JSON.stringify(codes) === JSON.stringify([...c.expect].sort()) && (!c.expectFacts || JSON.stringify(facts) === JSON.stringify(c.expectFacts)))
        right++;
      else
        notes.push(
          `${c.id}: expected [${c.expect.join(', ')}]${c.expectFacts ? ` facts [${c.expectFacts.join(', ')}]` : ''} got [${codes.join(', ')}] facts [${facts.join(', ')}]`,
        );
    }
    return {
      rows: [{ task: 'kb', corpus: 'fixtures/kb', metric: 'accuracy', value: right / cases.length, n: cases.length }],
      evaluated: ['fixtures/kb'],
      skipped: [],
      notes,
    };
  },
};
