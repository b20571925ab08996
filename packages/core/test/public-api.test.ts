import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as root from '../src/index.js';
import tsupConfig from '../tsup.config.js';

const REPO = join(import.meta.dirname, '../../..');
const CORE = join(REPO, 'packages/core');
const read = (p: string): string => readFileSync(p, 'utf8');
const filesIn = (dir: string, ext: RegExp): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && ext.test(e.name))
    .map((e) => join(e.parentPath, e.name));
const pkg = JSON.parse(read(join(CORE, 'package.json'))) as {
  exports: Record<string, string | Record<string, string>>;
  publishConfig: { exports: Record<string, string | Record<string, string>> };
};
const subpaths = Object.keys(pkg.exports).filter((k) => k !== '.' && !k.includes('*') && !k.endsWith('.json'));

describe('the public API of @cxqa/core', () => {
  it('every runtime name of the root is used by the README, docs/, examples/ or another package', () => {
    const corpus = [
      join(REPO, 'README.md'),
      ...filesIn(join(REPO, 'docs'), /\.md$/),
      ...filesIn(join(REPO, 'examples'), /\.ts$/).filter((f) => !f.includes('node_modules')),
      ...['cli', 'eval', 'transformers'].flatMap((p) => filesIn(join(REPO, 'packages', p, 'src'), /\.ts$/)),
    ]
      .map(read)
      .join('\n');
    const unused = Object.keys(root).filter((name) => !new RegExp(`\\b${name}\\b`).test(corpus));
    expect(unused, 'document it (docs/install.md lists the root) or move it behind a subpath').toEqual([]);
    expect(Object.keys(root).length).toBeLessThan(100);
  });

  it('each subpath has its source, its build entry and a published export without the source condition', () => {
    const entries = (tsupConfig as { entry: Record<string, string> }).entry;
    expect(subpaths.length).toBeGreaterThanOrEqual(8);
    for (const key of subpaths) {
      const name = key.slice(2);
      const dev = pkg.exports[key] as Record<string, string>;
      expect(read(join(CORE, dev.source!)).length, key).toBeGreaterThan(0);
      expect(join(CORE, entries[name]!), key).toBe(join(CORE, dev.source!));
      expect(pkg.publishConfig.exports[key], key).toEqual({ types: `./dist/${name}.d.ts`, import: `./dist/${name}.js`, default: `./dist/${name}.js` });
      expect(dev.import).toBe(`./dist/${name}.js`);
    }
    expect(Object.keys(pkg.publishConfig.exports).sort()).toEqual(Object.keys(pkg.exports).sort());
  });

  it('each subpath offers names the root does not, and docs/install.md lists it', async () => {
    const install = read(join(REPO, 'docs/install.md'));
    for (const key of subpaths) {
      const source = (pkg.exports[key] as Record<string, string>).source!;
      const mod = (await import(join(CORE, source))) as Record<string, unknown>;
      expect(Object.keys(mod).filter((n) => !(n in root)).length, key).toBeGreaterThan(0);
      expect(install, key).toContain(`\`@cxqa/core/${key.slice(2)}\``);
    }
  });
});
