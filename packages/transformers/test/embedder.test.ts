import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildKbIndex, isCxqaError } from '@cxqa/core';
import { createTransformersEmbedder } from '@cxqa/transformers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countingLibrary } from './counting-library.js';
import { writeTinyEncoder } from './tiny-model.js';

// shipping words point one way, returns words another; unknown words embed to zero
const VECTORS = {
  package: [1, 0, 0],
  parcel: [1, 0, 0],
  tracking: [1, 0, 0],
  status: [1, 0, 0],
  return: [0, 1, 0],
  refund: [0, 1, 0],
  money: [0, 1, 0],
  happy: [0, 0, 1],
};
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cxqa-tiny-enc-'));
  writeTinyEncoder(dir, 'cxqa-test/tiny-encoder', VECTORS);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('transformers.js embedder on a tiny local ONNX encoder', () => {
  it('mean-pools over the attention mask and L2-normalises', async () => {
    const embedder = createTransformersEmbedder({ model: 'cxqa-test/tiny-encoder', localModelPath: dir, dtype: 'fp32' });
    const [a, b, c] = await embedder.embed(['package refund', 'happy', 'parcel status and more words']);
    // mean of [1,0,0] and [0,1,0] normalised; a batch pads the shorter texts, which must not count
    expect(Array.from(a!)).toEqual([Math.SQRT1_2, Math.SQRT1_2, 0].map((x) => expect.closeTo(x, 5)));
    expect(Array.from(b!)).toEqual([0, 0, 1].map((x) => expect.closeTo(x, 5)));
    expect(Array.from(c!)).toEqual([1, 0, 0].map((x) => expect.closeTo(x, 5)));
    await embedder.dispose();
  });

  it('batches, and serves repeated texts from its cache', async () => {
    const calls: number[] = [];
    const embedder = createTransformersEmbedder({
      model: 'cxqa-test/tiny-encoder',
      localModelPath: dir,
      dtype: 'fp32',
      batchSize: 2,
      library: countingLibrary(calls),
    });
    await embedder.embed(['package', 'refund', 'happy']);
    expect(calls).toEqual([2, 1]);
    const again = await embedder.embed(['refund', 'package', 'parcel']);
    expect(calls).toEqual([2, 1, 1]);
    expect(Array.from(again[1]!)).toEqual([1, 0, 0].map((x) => expect.closeTo(x, 5)));
    await embedder.dispose();
  });

  it('lets the KB index find an entry with no words in common, once per KB version', async () => {
    const calls: number[] = [];
    const embedder = createTransformersEmbedder({
      model: 'cxqa-test/tiny-encoder',
      localModelPath: dir,
      dtype: 'fp32',
      cacheSize: 0,
      library: countingLibrary(calls),
    });
    const kb = {
      version: 'emb-test-1',
      entries: [
        { id: 'shipping', questions: ['package tracking', 'tracking the package', 'package'], answer: 'Track it in the app.', language: 'en' },
        { id: 'returns', questions: ['return refund', 'refund', 'return'], answer: 'Refunds take 5 days.', language: 'en' },
      ],
    };
    const index = await buildKbIndex(kb as never, { embedder });
    const { best, hits } = await index.search('parcel status');
    expect(best?.entry.id).toBe('shipping');
    expect(best!.coverage).toBeLessThan(0.3); // lexically it would not apply
    expect(best?.semantic).toBeCloseTo(1, 5);
    expect(hits.find((h) => h.entry.id === 'returns')?.semantic).toBeCloseTo(0, 5);
    const before = calls.length;
    await buildKbIndex(kb as never, { embedder });
    expect(calls.length).toBe(before);
    await embedder.dispose();
  });

  it('reports a missing model as model_missing', async () => {
    const embedder = createTransformersEmbedder({ model: 'cxqa-test/absent', localModelPath: dir, dtype: 'fp32' });
    const error = await embedder.embed(['x']).catch((e: unknown) => e);
    expect(isCxqaError(error, 'model_missing')).toBe(true);
  });
});
