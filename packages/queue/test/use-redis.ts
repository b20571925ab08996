import { afterAll, beforeAll } from 'vitest';
import { type RedisServer, startRedis } from './redis-server.js';

/** In a vitest file: one redis-server for the file's tests, stopped after them. Read `.url` inside a test. */
export function useRedis(): { readonly url: string } {
  let server: RedisServer | undefined;
  beforeAll(async () => {
    server = await startRedis();
  }, 30_000);
  afterAll(async () => {
    await server?.stop();
  });
  return {
    get url() {
      if (!server) throw new Error('redis-server not started yet: read .url inside a test');
      return server.url;
    },
  };
}
