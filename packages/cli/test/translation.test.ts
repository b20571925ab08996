import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeServer, startServer } from '../../llm/test/server.js';
import { translating } from '../../llm/test/translate-helpers.js';
import { writeTinyTranslator } from '../../transformers/test/tiny-translation-model.js';
import { run } from './run-cli.js';

// The CLI's `translation` config section, against a real OpenAI-compatible server on 127.0.0.1.

const dir = mkdtempSync(join(tmpdir(), 'cxqa-translation-cli-'));
const configFile = (translation: Record<string, unknown>) => {
  const file = join(dir, `config-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify({ translation }));
  return file;
};
const conversation = {
  id: 'de-1',
  messages: [
    { role: 'customer', text: 'Hallo, wo ist meine Bestellung #A-99812? Bitte rufen Sie mich an: +49 170 1234567', at: '2026-03-02T10:00:00Z' },
    { role: 'agent', text: 'Hello, I am checking your order right now.', at: '2026-03-02T10:01:00Z' },
  ],
};

let server: FakeServer;
beforeAll(async () => {
  server = await startServer(translating((t) => `EN: ${t}`));
});
afterAll(() => server.close());

describe('cxqa inspect with a translation section', () => {
  it('translates through the configured endpoint with the key from the named variable; the result carries the masked translation; the cache is relative to the config', async () => {
    const config = configFile({ provider: 'llm', to: 'en', model: 'mt-model', baseURL: server.baseURL, apiKeyEnv: 'CXQA_MT_KEY', cache: 'mt-cache' });
    const input = `${JSON.stringify(conversation)}\n`;
    const { code, out } = await run(['inspect', '-', '--config', config], input, { env: { CXQA_MT_KEY: 'sk-mt-1' } });
    expect(code).toBe(0);
    const result = JSON.parse(out.trim());
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]!.headers.authorization).toBe('Bearer sk-mt-1');
    expect(JSON.stringify(server.requests[0]!.body)).not.toContain('1234567');
    expect(result.translations).toEqual([
      { messageIndex: 0, from: 'de', to: 'en', text: expect.stringMatching(/^EN: Hallo, wo ist meine Bestellung #A-99812\? .*67$/) },
    ]);
    expect(result.translations[0].text).not.toContain('1234567');
    expect(readdirSync(join(dir, 'mt-cache'))).toHaveLength(1);
    const again = await run(['inspect', '-', '--config', config], input, { env: { CXQA_MT_KEY: 'sk-mt-1' } });
    expect(JSON.parse(again.out.trim()).translations).toEqual(result.translations);
    expect(server.requests).toHaveLength(1);
  });

  it('provider transformers: a local model directory relative to the config file', async () => {
    writeTinyTranslator(join(dir, 'models'), 'tiny/opus-mt-de-en', { hallo: 'hello', wo: 'where', ist: 'is', meine: 'my', bestellung: 'order' });
    const config = configFile({ provider: 'transformers', to: 'en', model: 'tiny/opus-mt-de-en', localModelPath: 'models', dtype: 'fp32' });
    const input = {
      id: 'de-2',
      messages: [
        { role: 'customer', text: 'hallo wo ist meine bestellung', at: '2026-03-02T10:00:00Z' },
        { role: 'agent', text: 'Hello, I am checking your order right now.', at: '2026-03-02T10:01:00Z' },
      ],
    };
    const { code, out } = await run(['inspect', '-', '--config', config], `${JSON.stringify(input)}\n`);
    expect(code).toBe(0);
    expect(JSON.parse(out.trim()).translations).toEqual([{ messageIndex: 0, from: 'de', to: 'en', text: 'hello where is my order' }]);
  });

  it('without a translation section the output has no translations', async () => {
    const { out } = await run(['inspect', '-'], `${JSON.stringify(conversation)}\n`);
    expect(JSON.parse(out.trim())).not.toHaveProperty('translations');
  });

  it('config errors name the key: a missing key variable, an option of the other provider, a typo', async () => {
    const noKey = await run(
      ['inspect', '-', '--config', configFile({ provider: 'llm', to: 'en', model: 'm', baseURL: server.baseURL, apiKeyEnv: 'CXQA_UNSET_KEY' })],
      '',
      {
        env: {},
      },
    );
    expect(noKey.code).toBe(2);
    expect(noKey.err).toMatch(/CXQA_UNSET_KEY/);
    const wrong = await run(['inspect', '-', '--config', configFile({ provider: 'llm', to: 'en', model: 'm', dtype: 'q8' })], '');
    expect(wrong.err).toMatch(/translation\.dtype.*does not apply to provider "llm"/);
    const typo = await run(['inspect', '-', '--config', configFile({ provider: 'llm', to: 'en', model: 'm', glosary: {} })], '');
    expect(typo.err).toMatch(/did you mean "translation\.glossary"/);
  });
});
