import { defineConfig } from 'tsup';

// The root entry and one per subpath export (package.json "exports"); shared code goes to chunks.
// inspect-worker is no export: the file worker threads load (pipeline/workers/inspector-pool.ts finds it beside its chunk).
export default defineConfig({
  entry: {
    index: 'src/index.ts',
    testing: 'src/testing.ts',
    langid: 'src/subpath/langid.ts',
    matcher: 'src/subpath/matcher.ts',
    timing: 'src/subpath/timing.ts',
    rules: 'src/subpath/rules.ts',
    models: 'src/subpath/models.ts',
    kb: 'src/subpath/kb.ts',
    pii: 'src/subpath/pii.ts',
    'inspect-worker': 'src/pipeline/workers/inspect-worker.ts',
    kpi: 'src/subpath/kpi.ts',
    appeals: 'src/subpath/appeals.ts',
  },
  format: ['esm'],
  dts: true,
  clean: true,
});
