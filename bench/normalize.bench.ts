/** Normalized view + offset map throughput on Latin and CJK text. */
import { normalizeText } from '@cxqa/core';
import type { BenchRow } from './report.js';

export function benchNormalize(): BenchRow[] {
  const samples: [string, string][] = [
    ['latin', 'Hello dear customer, your order 12345 has shipped! Ｗｏｗ\u200b crème brûlée. '.repeat(15_000)],
    ['cjk', '您好，您的订单已发货。ご注文ありがとうございます。'.repeat(40_000)],
  ];
  return samples.map(([name, text]) => {
    normalizeText(text.slice(0, 10_000));
    const t0 = performance.now();
    for (let k = 0; k < 5; k++) normalizeText(text);
    const seconds = (performance.now() - t0) / 1000;
    return { benchmark: `normalize.${name}`, subject: 'cxqa', metric: 'chars_per_second', value: Math.round((5 * text.length) / seconds), unit: 'chars/s' };
  });
}
