import { detectPii, type PiiType } from '@cxqa/core';
import { loadPresidioSynth, PRESIDIO_CORPUS } from '../corpora/presidio.js';
import { prfFromCounts } from '../metrics/classification.js';
import type { EvalRow } from '../report.js';
import type { EvalTask } from './task.js';

/** Presidio entity types → cxqa PII types (the structured ones the issue measures). */
export const PRESIDIO_TYPES: Record<string, PiiType> = {
  CREDIT_CARD: 'credit_card',
  EMAIL_ADDRESS: 'email',
  PHONE_NUMBER: 'phone',
  IBAN_CODE: 'iban',
  IP_ADDRESS: 'ip_address',
  US_SSN: 'us_ssn',
};

/**
 * `pii` on pii-presidio-synth: span-level precision/recall/F1 per structured entity type.
 * A predicted span is a true positive when it overlaps a gold span of the same type (one-to-one);
 * `exact_f1` additionally requires identical boundaries. Unstructured types (names, addresses,
 * dates) are not scored here.
 */
export const piiTask: EvalTask = {
  name: 'pii',
  async run({ corporaDir }) {
    const data = loadPresidioSynth(corporaDir);
    if (!data) return { rows: [], evaluated: [], skipped: [PRESIDIO_CORPUS], notes: [] };
    const counts = new Map<string, { tp: number; fp: number; fn: number; exact: number; gold: number }>();
    const notes: string[] = [];
    for (const [gold] of Object.entries(PRESIDIO_TYPES)) counts.set(gold, { tp: 0, fp: 0, fn: 0, exact: 0, gold: 0 });
    for (const ex of data) {
      const predicted = detectPii(ex.text);
      for (const [goldType, type] of Object.entries(PRESIDIO_TYPES)) {
        const c = counts.get(goldType)!;
        const golds = ex.spans.filter((s) => s.type === goldType);
        const preds = predicted.filter((p) => p.type === type);
        c.gold += golds.length;
        const used = new Set<number>();
        for (const p of preds) {
          const g = golds.findIndex((s, i) => !used.has(i) && s.start < p.end && p.start < s.end);
          if (g >= 0) {
            used.add(g);
            c.tp++;
            if (golds[g]!.start === p.start && golds[g]!.end === p.end) c.exact++;
          } else {
            c.fp++;
            if (notes.length < 40) notes.push(`pii ${goldType} false positive: "${ex.text.slice(p.start, p.end)}" (${p.reason})`);
          }
        }
        golds.forEach((s, i) => {
          if (used.has(i)) return;
          c.fn++;
          if (notes.length < 40) notes.push(`pii ${goldType} missed: "${s.value}"`);
        });
      }
    }
    const rows: EvalRow[] = [];
    for (const [type, c] of counts) {
      const m = prfFromCounts(c.tp, c.fp, c.fn);
      const exact = prfFromCounts(c.exact, c.fp + (c.tp - c.exact), c.fn + (c.tp - c.exact));
      rows.push(
        { task: 'pii', corpus: PRESIDIO_CORPUS, subset: type, metric: 'precision', value: m.precision, n: c.gold },
        { task: 'pii', corpus: PRESIDIO_CORPUS, subset: type, metric: 'recall', value: m.recall, n: c.gold },
        { task: 'pii', corpus: PRESIDIO_CORPUS, subset: type, metric: 'f1', value: m.f1, n: c.gold },
        { task: 'pii', corpus: PRESIDIO_CORPUS, subset: type, metric: 'exact_f1', value: exact.f1, n: c.gold },
      );
    }
    return { rows, evaluated: [PRESIDIO_CORPUS], skipped: [], notes };
  },
};
