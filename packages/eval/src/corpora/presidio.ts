import { join } from 'node:path';
import { readCorpusFile } from './read.js';

export const PRESIDIO_CORPUS = 'pii-presidio-synth';

export interface PiiExample {
  text: string;
  spans: { type: string; start: number; end: number; value: string }[];
}

/** `pii-presidio-synth/synth_dataset_v2.json` (full_text + spans with end-exclusive offsets), or null. */
export function loadPresidioSynth(corporaDir: string): PiiExample[] | null {
  const content = readCorpusFile(join(corporaDir, PRESIDIO_CORPUS), 'synth_dataset_v2.json');
  if (content === null) return null;
  const rows = JSON.parse(content) as {
    full_text: string;
    spans: { entity_type: string; entity_value: string; start_position: number; end_position: number }[];
  }[];
  return rows.map((r) => ({
    text: r.full_text,
    spans: r.spans.map((s) => ({ type: s.entity_type, start: s.start_position, end: s.end_position, value: s.entity_value })),
  }));
}
