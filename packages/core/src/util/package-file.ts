import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Resolve a file shipped at the root of @cxqa/core (e.g. `models/langid.json`), whether the
 * code runs from `src/<dir>/x.ts` (tests, source condition) or from the bundled `dist/index.js`.
 */
export function corePackageFile(relative: string): string | null {
  for (const prefix of ['../../', '../', '../../../']) {
    const path = fileURLToPath(new URL(prefix + relative, import.meta.url));
    if (existsSync(path)) return path;
  }
  return null;
}
