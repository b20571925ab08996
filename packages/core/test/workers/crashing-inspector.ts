/**
 * An inspector module for the worker tests: the built-in timing analyzer plus one that ends its
 * worker thread with process.exit on conversations whose id says so. `crash-always-*` exits every
 * time; `crash-once-*` exits only the first time (a marker file in `args.markers` remembers it).
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Analyzer, type InspectorOptions, timingAnalyzer } from '@cxqa/core';

export function crashingInspector(args: { markers: string }): InspectorOptions {
  const crasher: Analyzer = {
    name: 'crasher',
    version: '1.0.0',
    analyze(ctx) {
      const id = ctx.conversation.id;
      if (id.startsWith('crash-always-')) process.exit(3);
      const marker = join(args.markers, id);
      if (id.startsWith('crash-once-') && !existsSync(marker)) {
        writeFileSync(marker, 'crashed once');
        process.exit(4);
      }
      return { scores: {}, findings: [], metrics: { 'crasher.survived': 1 } };
    },
  };
  return { analyzers: [timingAnalyzer(), crasher] };
}
