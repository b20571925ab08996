import { defineConfig } from 'vitest/config';

// One root config runs every package's tests against their TypeScript sources:
// the "source" export condition points each @cxqa/* package at src/index.ts.
export default defineConfig({
  resolve: { conditions: ['source', 'module', 'node', 'import', 'default'] },
  ssr: { resolve: { conditions: ['source', 'module', 'node', 'import', 'default'] } },
  test: {
    include: ['packages/*/test/**/*.test.ts', 'examples/**/*.test.ts', 'docs/**/*.test.ts'],
    testTimeout: 30_000,
    pool: 'threads',
  },
});
