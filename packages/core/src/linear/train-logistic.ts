import type { LinearModelFile } from '../analyzers/sentiment/model/linear-model.js';

export interface LogisticOptions {
  /** Passes over the data (default 30). */
  epochs?: number;
  /** AdaGrad step (default 0.05). */
  step?: number;
  /** L2 penalty per update (default 1e-3). */
  l2?: number;
  /** Features seen in fewer training rows are dropped (default 2). */
  minRows?: number;
  /** Shuffle seed (default 1): same data and seed → same model. */
  seed?: number;
  /** Value of each feature (default 1: binary). NB-SVM passes the naive-Bayes log-count ratios. */
  scale?: ReadonlyMap<string, number>;
  /** Starting bias (default 0), e.g. the log prior ratio. */
  initialBias?: number;
}

/**
 * Binary logistic regression over sparse features (AdaGrad, L2, seeded shuffling), returned
 * as a two-label linear model (±z/2 per label, so the softmax equals the logistic output). Small
 * and deterministic: the politeness evaluation trains with it on the fly for cross-domain figures.
 *
 * @example
 * const model = trainLogistic([{ features: ['w:thanks'], label: 1 }, { features: ['w:now'], label: 0 }], ['impolite', 'polite'], { minRows: 1 });
 */
export function trainLogistic(
  rows: readonly { features: readonly string[]; label: 0 | 1 }[],
  labels: [string, string],
  options: LogisticOptions = {},
): LinearModelFile {
  const { epochs = 30, step = 0.05, l2 = 1e-3, minRows = 2 } = options;
  const df = new Map<string, number>();
  for (const r of rows) for (const f of new Set(r.features)) df.set(f, (df.get(f) ?? 0) + 1);
  const scale = options.scale;
  const value = (k: string) => scale?.get(k) ?? 1;
  const docs = rows.map((r) => ({ f: [...new Set(r.features)].filter((k) => (df.get(k) ?? 0) >= minRows && (!scale || scale.has(k))), y: r.label }));
  const w = new Map<string, number>();
  const g2 = new Map<string, number>();
  let bias = options.initialBias ?? 0;
  let gb = 0;
  let seed = options.seed ?? 1;
  const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const order = docs.map((_, i) => i);
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const i of order) {
      const d = docs[i]!;
      let z = bias;
      for (const k of d.f) z += (w.get(k) ?? 0) * value(k);
      const g = 1 / (1 + Math.exp(-z)) - d.y;
      for (const k of d.f) {
        const wk = w.get(k) ?? 0;
        const gk = g * value(k) + l2 * wk;
        const acc = (g2.get(k) ?? 0) + gk * gk;
        g2.set(k, acc);
        w.set(k, wk - (step * gk) / Math.sqrt(acc + 1e-8));
      }
      gb += g * g;
      bias -= (step * g) / Math.sqrt(gb + 1e-8);
    }
  }
  const weights: Record<string, number[]> = {};
  for (const [f, v] of [...w].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const half = Math.round((v * value(f) * 1000) / 2) / 1000;
    if (half !== 0) weights[f] = [-half, half];
  }
  const b = Math.round((bias * 1000) / 2) / 1000;
  return { format: 'cxqa-linear/1', version: '1', language: 'und', labels, bias: [-b, b], weights };
}
