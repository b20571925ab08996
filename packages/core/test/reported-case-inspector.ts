import { readFileSync } from 'node:fs';
import { builtinAnalyzers, createInspector, kbAnalyzer } from '../src/index.js';

type Inspector = ReturnType<typeof createInspector>;

/**
 * The inspector a reported case runs on (`fixtures/reported/*.jsonl`, read by the tests and by
 * `pnpm cases`): the built-in analyzers, plus the kb analyzer when the case names a knowledge base —
 * `true` or `reported-turn2-kb.json` for `turn2-kb.json` (the shared file's copy, with the entries
 * our own cases add), any other file name for that file beside the cases. One inspector per file.
 */
export function reportedCaseInspectors(dir: URL): (c: { kb?: boolean | string }) => Inspector {
  const plain = createInspector();
  const byFile = new Map<string, Inspector>();
  return (c) => {
    if (!c.kb) return plain;
    const file = c.kb === true || c.kb === 'reported-turn2-kb.json' ? 'turn2-kb.json' : c.kb;
    let inspector = byFile.get(file);
    if (!inspector) {
      const kb = JSON.parse(readFileSync(new URL(file, dir), 'utf8'));
      byFile.set(file, (inspector = createInspector({ analyzers: [...builtinAnalyzers(), kbAnalyzer({ kb })] })));
    }
    return inspector;
  };
}
