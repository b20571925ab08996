import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CxqaError } from '../errors.js';

/**
 * The environment variable that points at a folder holding @cxqa/core's shipped data
 * (`models/`, `lexicons/`, `policies/`, `courtesy/`, `conduct/`, `sentiment/`): needed when the
 * code runs from a bundle that cannot find the installed package (see docs/install.md).
 */
export const DATA_DIR_ENV = 'CXQA_DATA_DIR';

let configuredDataDir: string | undefined;

/**
 * Point @cxqa/core at a folder holding its shipped data (the same as setting `CXQA_DATA_DIR`;
 * this call wins over the variable). Call it before the first inspection: loaded files are cached.
 * `undefined` goes back to the variable or the installed package.
 */
export function setCoreDataDir(dir: string | undefined): void {
  configuredDataDir = dir === undefined ? undefined : resolve(dir);
}

/** The package root when the code runs from `src/<dir>/x.ts` (tests, source condition) or `dist/index.js`. */
function ownRoots(): string[] {
  // In a CommonJS bundle import.meta is empty: there is no own location to start from.
  const here: unknown = import.meta.url;
  if (typeof here !== 'string' || !here.startsWith('file:')) return [];
  // src/<dir>/x.ts, dist/index.js, src/<dir>/<dir>/x.ts; then the folder of a bundle (data copied beside it)
  return ['../../', '../', '../../../', './'].map((prefix) => fileURLToPath(new URL(prefix, here)));
}

/** Where Node would find an installed @cxqa/core from `base` (a bundle, the working directory). */
function installedRoot(base: string): string | null {
  try {
    return dirname(createRequire(base).resolve('@cxqa/core/package.json'));
  } catch {
    return null;
  }
}

/**
 * The folders searched for shipped data, in order: `setCoreDataDir` / `CXQA_DATA_DIR` alone when
 * set (so a wrong setting is reported, not papered over), else the package this code belongs to,
 * then an installed @cxqa/core found from this file and from the working directory.
 */
export function coreDataDirs(): string[] {
  const explicit = configuredDataDir ?? process.env[DATA_DIR_ENV];
  if (explicit) return [resolve(explicit)];
  const dirs = ownRoots();
  const here: unknown = import.meta.url;
  const bases = [typeof here === 'string' && here.startsWith('file:') ? fileURLToPath(here) : null, join(process.cwd(), 'noop.js')];
  for (const base of bases) {
    const root = base ? installedRoot(base) : null;
    if (root) dirs.push(root + '/');
  }
  return [...new Set(dirs.map((d) => resolve(d)))];
}

/**
 * Resolve a file shipped at the root of @cxqa/core (e.g. `models/langid.json`). Throws a
 * `model_missing` CxqaError that names the file, every folder searched and how to fix it.
 */
export function corePackageFile(relative: string): string {
  const dirs = coreDataDirs();
  for (const dir of dirs) {
    const path = join(dir, relative);
    if (existsSync(path)) return path;
  }
  throw new CxqaError('model_missing', missingMessage(relative, dirs));
}

function missingMessage(relative: string, dirs: string[]): string {
  const explicit = configuredDataDir ?? process.env[DATA_DIR_ENV];
  const searched = dirs.map((d) => join(d, relative)).join(', ') || '(no folder: the code has no file location and @cxqa/core is not installed here)';
  const fix = explicit
    ? `${configuredDataDir ? 'setCoreDataDir()' : DATA_DIR_ENV}=${explicit} is set: point it at a copy of @cxqa/core's data folders (models, lexicons, policies, courtesy, conduct, sentiment), e.g. node_modules/@cxqa/core`
    : `if the app is bundled (esbuild, webpack, …), keep @cxqa/core external or set ${DATA_DIR_ENV} to a folder holding its data folders (models, lexicons, policies, courtesy, conduct, sentiment), e.g. node_modules/@cxqa/core; ` +
      `in the cxqa repository, ${relative.startsWith('models/') ? 'run the matching `pnpm train:*` script' : 'restore the file from git'}`;
  return `@cxqa/core: shipped data file ${relative} not found. Looked for ${searched}. Fix: ${fix}. See docs/install.md ("Bundling").`;
}
