/** KB retrieval: index build time and queries per second on BANKING77 (77 entries, 8,002 example questions). */
import { buildKbIndex } from '@cxqa/core';
import { intentKnowledgeBase, loadBanking77 } from '@cxqa/eval';
import type { BenchRow } from './report.js';

export async function benchKb(corporaDir: string, log: (s: string) => void): Promise<BenchRow[]> {
  const train = loadBanking77(corporaDir, 'train');
  const test = loadBanking77(corporaDir, 'test');
  if (!train || !test) {
    log('kb: intent-banking77 not found, skipped');
    return [];
  }
  const kb = intentKnowledgeBase(train, 'bench');
  const t0 = performance.now();
  const index = await buildKbIndex(kb);
  const buildMs = performance.now() - t0;
  for (const q of test.slice(0, 100)) await index.search(q.text); // warm-up
  const t1 = performance.now();
  for (const q of test) await index.search(q.text, { language: 'en' });
  const seconds = (performance.now() - t1) / 1000;
  return [
    { benchmark: 'kb.banking77', subject: 'cxqa', metric: 'index build ms (8,002 questions)', value: Math.round(buildMs), unit: 'ms' },
    { benchmark: 'kb.banking77', subject: 'cxqa', metric: 'queries per second', value: Math.round(test.length / seconds), unit: 'q/s' },
  ];
}
