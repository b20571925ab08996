import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInspector, isCxqaError, timingAnalyzer } from '@cxqa/core';
import { createTransformersTranslator } from '@cxqa/transformers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countingLibrary } from './counting-library.js';
import { writeTinyTranslator } from './tiny-translation-model.js';

const DICTIONARY = { hallo: 'hello', welt: 'world', wo: 'where', ist: 'is', mein: 'my', paket: 'parcel', danke: 'thanks', heute: 'today', bitte: 'please' };
const MODEL = 'cxqa-test/opus-mt-de-en';
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cxqa-tiny-mt-'));
  writeTinyTranslator(dir, MODEL, DICTIONARY);
  writeTinyTranslator(dir, 'cxqa-test/tiny-nllb', DICTIONARY, { family: 'nllb', languages: ['deu_Latn', 'eng_Latn'] });
  writeTinyTranslator(dir, 'cxqa-test/tiny-m2m100', DICTIONARY, { family: 'm2m100', languages: ['de', 'en'] });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('transformers.js translator on a tiny local encoder-decoder', () => {
  it('runs the translation pipeline (encoder, then the decoder generate loop) from the local directory, in batches, in order', async () => {
    const calls: number[] = [];
    const translator = createTransformersTranslator({ model: MODEL, localModelPath: dir, dtype: 'fp32', batchSize: 2, library: countingLibrary(calls) });
    const out = await translator.translate(['Hallo Welt', 'wo ist mein Paket', 'danke', 'bitte heute'], { from: 'de', to: 'en' });
    expect(out).toEqual(['hello world', 'where is my parcel', 'thanks', 'please today']);
    expect(calls).toEqual([2, 2]);
    expect(translator.name).toBe(`transformers:${MODEL}`);
    await translator.dispose();
  });

  it('a Marian model translates only its pair: another source language stays untranslated, another target is an error', async () => {
    const translator = createTransformersTranslator({ model: MODEL, localModelPath: dir, dtype: 'fp32' });
    expect(await translator.translate(['bonjour'], { from: 'fr', to: 'en' })).toEqual([null]);
    await expect(translator.translate(['hallo'], { from: 'de', to: 'fr' })).rejects.toThrow(/translates into en, not fr/);
    expect(() => createTransformersTranslator({ model: 'my-org/custom-mt', localModelPath: dir })).toThrow(/pass `family`/);
    expect(() => createTransformersTranslator({ model: 'my-org/custom-mt', family: 'marian', localModelPath: dir })).toThrow(/pass `pair/);
  });

  for (const model of ['cxqa-test/tiny-nllb', 'cxqa-test/tiny-m2m100']) {
    it(`${model.slice(10)}: ISO codes reach the model as its language tokens (src_lang, and tgt_lang forced first)`, async () => {
      const translator = createTransformersTranslator({ model, localModelPath: dir, dtype: 'fp32' });
      // the tiny decoder starts only after the English token: a translation proves tgt_lang was forced
      expect(await translator.translate(['Hallo Welt', 'wo ist mein Paket'], { from: 'de', to: 'en' })).toEqual(['hello world', 'where is my parcel']);
      expect(await translator.translate(['Hallo Welt'], { from: 'en', to: 'de' })).toEqual(['']);
      await expect(translator.translate(['Hallo'], { from: 'de', to: 'fr' })).rejects.toThrow(/Target language code "(fra_Latn|fr)" is not valid/);
      await translator.dispose();
    });
  }

  it('NLLB needs a code for each language: an unknown source stays untranslated, an unknown target is an error (checked before any model loads)', async () => {
    const translator = createTransformersTranslator({ model: 'cxqa-test/nllb-missing', localModelPath: dir });
    expect(await translator.translate(['hola'], { from: 'xx', to: 'en' })).toEqual([null]);
    await expect(translator.translate(['hola'], { from: 'es', to: 'xx' })).rejects.toThrow(/no nllb code for target "xx"/);
    const missing = await translator.translate(['hola'], { from: 'es', to: 'en' }).catch((e: unknown) => e);
    expect(isCxqaError(missing, 'model_missing')).toBe(true);
  });

  it('in the pipeline: the Result carries the model translation of each German message', async () => {
    const translator = createTransformersTranslator({ model: MODEL, localModelPath: dir, dtype: 'fp32' });
    const r = await createInspector({ analyzers: [timingAnalyzer()], languages: ['de', 'en'], translation: { to: 'en', translator } }).inspect({
      id: 'tiny-1',
      messages: [
        { role: 'customer', text: 'hallo wo ist mein paket bitte', at: '2026-03-02T10:00:00Z' },
        { role: 'agent', text: 'Hello, it arrives today.', at: '2026-03-02T10:01:00Z' },
      ],
    });
    expect(r.translations).toEqual([{ messageIndex: 0, from: 'de', to: 'en', text: 'hello where is my parcel please' }]);
    expect(r.metrics).toMatchObject({ 'translation.translator': `transformers:${MODEL}`, 'translation.translated': 1, 'translation.untranslated': 0 });
    await translator.dispose();
  });
});
