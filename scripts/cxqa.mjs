#!/usr/bin/env node
/**
 * `pnpm cxqa …` in the repository (issue 16, decision 91): run the command line from the built
 * `dist/` files when every workspace package is built and no newer than its sources, else from
 * the TypeScript sources through tsx (a fresh clone, or an edit since the last `pnpm build`).
 * Both run the same code; built files start about ten times faster (docs/benchmarks.md).
 *
 *   node scripts/cxqa.mjs --help          (what `pnpm cxqa --help` runs)
 *   CXQA_FROM_SOURCE=1 node scripts/cxqa.mjs --help    (always the sources)
 *
 * Plain JavaScript on purpose: this file must start without tsx or a build.
 */
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { constants } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = join(import.meta.dirname, '..');
const PACKAGES = join(ROOT, 'packages');

/** Latest modification time (ms) of the files a package's build reads; tests are not built. */
function newestSource(dir) {
  let newest = 0;
  for (const name of ['package.json', 'tsup.config.ts']) newest = Math.max(newest, statSync(join(dir, name), { throwIfNoEntry: false })?.mtimeMs ?? 0);
  for (const entry of readdirSync(join(dir, 'src'), { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || /\.(?:test|fixture)\.ts$/.test(entry.name)) continue;
    newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/** True when every workspace package has a `dist/index.js` no older than its sources. */
function builtAndFresh() {
  for (const name of readdirSync(PACKAGES)) {
    const dir = join(PACKAGES, name);
    if (!statSync(join(dir, 'src'), { throwIfNoEntry: false })?.isDirectory()) continue;
    const built = statSync(join(dir, 'dist', 'index.js'), { throwIfNoEntry: false });
    if (!built || built.mtimeMs < newestSource(dir)) return false;
  }
  return true;
}

const args = process.argv.slice(2);
if (!process.env.CXQA_FROM_SOURCE && builtAndFresh()) {
  // dist/bin.js reads process.argv.slice(2): the same arguments this launcher got
  await import(pathToFileURL(join(PACKAGES, 'cli', 'dist', 'bin.js')).href);
} else {
  const tsx = import.meta.resolve('tsx');
  const child = spawn(process.execPath, ['--conditions=source', '--import', tsx, join(PACKAGES, 'cli', 'src', 'bin.ts'), ...args], { stdio: 'inherit' });
  // Ctrl-C reaches both processes; a signal sent to this one alone is passed on
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => {
    process.exitCode = signal ? 128 + (constants.signals[signal] ?? 0) : (code ?? 1);
  });
}
