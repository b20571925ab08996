import { isCxqaError } from '@cxqa/core';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveEndpoint } from '../src/index.js';
import { completion, type FakeServer, startServer } from './server.js';

let server: FakeServer;
beforeAll(async () => {
  server = await startServer(() => completion({ answers: [] }));
});
afterAll(() => server.close());

function thrown(fn: () => unknown): { code?: string; path?: unknown[]; message: string } {
  try {
    fn();
  } catch (e) {
    if (isCxqaError(e)) return { code: e.code, path: e.path, message: e.message };
    throw e;
  }
  throw new Error('did not throw');
}

describe('resolveEndpoint', () => {
  it('a missing model names `model` and gives examples', () => {
    const e = thrown(() => resolveEndpoint({ baseURL: server.baseURL, apiKey: 'k' }));
    expect(e.code).toBe('invalid_option');
    expect(e.path).toEqual(['model']);
    expect(e.message).toMatch(/pass `model`/);
  });

  it('no baseURL and no client: nothing is contacted by default', () => {
    const e = thrown(() => resolveEndpoint({ model: 'm', apiKey: 'k' }, {}));
    expect(e.path).toEqual(['baseURL']);
    expect(e.message).toMatch(/nothing is contacted unless named/);
  });

  it('a malformed or non-http baseURL is an invalid_option', () => {
    expect(thrown(() => resolveEndpoint({ model: 'm', apiKey: 'k', baseURL: 'api.openai.com/v1' })).message).toMatch(/not a URL/);
    expect(thrown(() => resolveEndpoint({ model: 'm', apiKey: 'k', baseURL: 'file:///etc/passwd' })).message).toMatch(/http or https/);
  });

  it('a missing key names the env variable given by apiKeyEnv', () => {
    const e = thrown(() => resolveEndpoint({ model: 'm', baseURL: server.baseURL, apiKeyEnv: 'DEEPSEEK_API_KEY' }, {}));
    expect(e.code).toBe('invalid_option');
    expect(e.path).toEqual(['apiKeyEnv']);
    expect(e.message).toMatch(/DEEPSEEK_API_KEY/);
    const d = thrown(() => resolveEndpoint({ model: 'm', baseURL: server.baseURL }, {}));
    expect(d.path).toEqual(['apiKey']);
    expect(d.message).toMatch(/OPENAI_API_KEY/);
  });

  it('reads the key from the named env variable and sends it as a bearer token to baseURL', async () => {
    const { client, model } = resolveEndpoint(
      { model: 'qwen-plus', baseURL: server.baseURL, apiKeyEnv: 'DASHSCOPE_API_KEY', headers: { 'x-team': 'qa' } },
      { DASHSCOPE_API_KEY: 'sk-from-env' },
    );
    await client.chat.completions.create({ model, messages: [{ role: 'user', content: 'hi' }] });
    const last = server.requests.at(-1)!;
    expect(last.headers.authorization).toBe('Bearer sk-from-env');
    expect(last.headers['x-team']).toBe('qa');
    expect(last.body.model).toBe('qwen-plus');
  });

  it('an explicit apiKey wins over the env variable', async () => {
    const { client } = resolveEndpoint({ model: 'm', baseURL: server.baseURL, apiKey: 'sk-option' }, { OPENAI_API_KEY: 'sk-env' });
    await client.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'hi' }] });
    expect(server.requests.at(-1)!.headers.authorization).toBe('Bearer sk-option');
  });

  it('an injected client is used as is, and needs no key', async () => {
    const injected = new OpenAI({ apiKey: 'sk-injected', baseURL: server.baseURL });
    const r = resolveEndpoint({ model: 'm', client: injected }, {});
    expect(r.client).toBe(injected);
    expect(r.baseURL).toBe(server.baseURL);
  });
});
