import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// One root config runs every package's tests against their TypeScript sources:
// the "source" export condition points each @cxqa/* package at src/index.ts.
export default defineConfig({
  resolve: {
    conditions: ['source', 'module', 'node', 'import', 'default'],
    // @cxqa/llm is not a root devDependency (yet): docs/llm.md's examples import it by name
    alias: { '@cxqa/llm': fileURLToPath(new URL('./packages/llm/src/index.ts', import.meta.url)) },
  },
  ssr: { resolve: { conditions: ['source', 'module', 'node', 'import', 'default'] } },
  test: {
    include: ['packages/*/test/**/*.test.ts', 'packages/*/src/**/*.test.ts', 'examples/**/*.test.ts', 'docs/**/*.test.ts'],
    testTimeout: 30_000,
    pool: 'threads',
    // two test files at a time (vitest's default on 2 cores is one): half the tests wait on child
    // processes, servers and browsers, so the suite takes 420 s instead of 660–700 s (decision 125)
    maxWorkers: 2,
  },
});
