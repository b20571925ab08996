import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Threshold } from './report.js';

/** Path of the committed thresholds file shipped with @cxqa/eval. */
export const THRESHOLDS_PATH = fileURLToPath(new URL('../thresholds.json', import.meta.url));

/** Read a thresholds file: `{ "thresholds": [ { task, corpus, subset?, metric, min } ] }`. */
export function loadThresholds(path: string = THRESHOLDS_PATH): Threshold[] {
  const doc = JSON.parse(readFileSync(path, 'utf8')) as { thresholds?: Threshold[] };
  if (!Array.isArray(doc.thresholds)) throw new Error(`${path}: expected { "thresholds": [...] }`);
  return doc.thresholds;
}
