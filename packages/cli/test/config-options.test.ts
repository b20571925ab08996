import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeTinyClassifier } from '../../transformers/test/tiny-model.js';
import { run } from './run-cli.js';

const conversation = JSON.stringify({
  id: 'c1',
  messages: [
    { role: 'customer', text: 'good thanks', at: '2026-03-02T10:00:00Z' },
    { role: 'agent', text: 'ok', at: '2026-03-02T10:01:00Z' },
    { role: 'customer', text: 'terrible broken', at: '2026-03-02T10:02:00Z' },
  ],
});

describe('cxqa inspect with a transformers.js sentiment model from the config', () => {
  it('loads the model relative to the config file and scores with it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cxqa-cli-model-'));
    writeTinyClassifier(join(dir, 'models'), 'tiny/sentiment', {
      labels: ['NEG', 'POS'],
      words: { terrible: 'NEG', broken: 'NEG', good: 'POS', thanks: 'POS' },
    });
    writeFileSync(join(dir, 'in.jsonl'), `${conversation}\n`);
    writeFileSync(
      join(dir, 'cfg.json'),
      JSON.stringify({ sentimentModel: { model: 'tiny/sentiment', localModelPath: 'models', dtype: 'fp32', labels: { NEG: 'negative', POS: 'positive' } } }),
    );
    const { code, out } = await run(['inspect', join(dir, 'in.jsonl'), '--config', join(dir, 'cfg.json')]);
    expect(code).toBe(0);
    const result = JSON.parse(out.trim());
    const worsened = result.findings.find((f: { code: string }) => f.code === 'sentiment.customer_worsened');
    expect(worsened.rule.id).toBe('tiny/sentiment');
  });

  it('fails before reading input when the model is not there, saying how to fetch it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cxqa-cli-model-'));
    writeFileSync(
      join(dir, 'cfg.json'),
      JSON.stringify({ sentimentModel: { model: 'Xenova/distilbert-base-multilingual-cased-sentiments-student', localModelPath: 'models' } }),
    );
    const { code, err } = await run(['inspect', '-', '--config', join(dir, 'cfg.json')], `${conversation}\n`);
    expect(code).toBe(2);
    expect(err).toMatch(/model_missing|could not be loaded/);
    expect(err).toMatch(/huggingface-cli download Xenova\/distilbert-base-multilingual-cased-sentiments-student/);
  });
});

describe('cxqa inspect with a knowledge base from the config', () => {
  it('adds the kb analyzer and reports a contradicted fact', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cxqa-cli-kb-'));
    writeFileSync(
      join(dir, 'kb.jsonl'),
      `${JSON.stringify({ id: 'returns', questions: ['How long do I have to return an item?', 'Can I return it?', 'Return policy?'], answer: 'Within 30 days.', facts: [{ name: 'return window', value: 30, unit: 'days', keywords: ['return'] }] })}\n`,
    );
    writeFileSync(join(dir, 'cfg.json'), JSON.stringify({ kb: 'kb.jsonl' }));
    const input = JSON.stringify({
      id: 'k',
      messages: [
        { role: 'customer', text: 'How long do I have to return an item?', at: '2026-03-02T10:00:00Z' },
        { role: 'agent', text: 'Hi! You can return it within 90 days.', at: '2026-03-02T10:01:00Z' },
      ],
    });
    const { code, out } = await run(['inspect', '-', '--config', join(dir, 'cfg.json')], `${input}\n`);
    expect(code).toBe(0);
    const finding = JSON.parse(out.trim()).findings.find((f: { code: string }) => f.code === 'kb.contradiction');
    expect(finding.evidence).toBe('90 days');
    expect(finding.rule.detail.fact).toBe('return window');
  });
});

describe('cxqa inspect with courtesy and script options from the config', () => {
  it('applies a brand formality choice and script requirements', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cxqa-cli-courtesy-'));
    const input = JSON.stringify({
      id: 'es',
      customer: { country: 'ES' },
      messages: [
        { role: 'customer', text: '¿Dónde está mi paquete?', at: '2026-03-02T10:00:00Z' },
        { role: 'agent', text: '¡Hola! Tu paquete llega mañana. ¿Algo más?', at: '2026-03-02T10:01:00Z' },
      ],
    });
    const codes = async (config: object) => {
      writeFileSync(join(dir, 'cfg.json'), JSON.stringify(config));
      const { code, out } = await run(['inspect', '-', '--config', join(dir, 'cfg.json')], `${input}\n`);
      expect(code).toBe(0);
      return (JSON.parse(out.trim()).findings as { code: string }[])
        .map((f) => f.code)
        .filter((c) => /^(?:culture|script)\./.test(c))
        .sort();
    };
    expect(await codes({})).toEqual([]);
    expect(await codes({ courtesy: { formality: { es: 'formal' } }, script: { require: { introduction: true } } })).toEqual([
      'culture.informal_address',
      'script.missing_introduction',
    ]);
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ script: { require: { greting: true } } }));
    const bad = await run(['inspect', '-', '--config', join(dir, 'bad.json')], `${input}\n`);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/script\.require/);
  });
});
