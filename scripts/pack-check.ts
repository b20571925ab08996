/**
 * Pack check (issue 12): what a user outside the repository gets from npm.
 *
 * Builds and packs every package (`pnpm -r pack`, workspace: ranges replaced by versions),
 * inspects each tarball (no workspace: range, no `source` export condition, README, LICENSE,
 * publishConfig, every shipped data folder complete), installs the tarballs into throw-away
 * projects with npm, and there: imports @cxqa/core from ESM (the package README's example),
 * requires it from CommonJS, type-checks an import with `moduleResolution` node16 and bundler,
 * bundles an app with esbuild and runs it (inside the project, and deployed without the package
 * but with CXQA_DATA_DIR), and runs the installed `cxqa` bin on a JSONL file (inspect, then report
 * --format html with its echarts dependency) and an Intercom export.
 *
 *   node --import tsx scripts/pack-check.ts [--keep]     (--keep leaves the temp folder)
 *
 * Third-party dependencies come from npm's cache or the registry (`--prefer-offline`).
 * Ends with `pack check: N passed, M failed`; exit 1 when anything failed.
 */
import { type SpawnSyncOptions, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const PACKAGES = ['core', 'eval', 'cli', 'transformers', 'llm', 'queue'] as const;
const started = Date.now();
const keep = process.argv.includes('--keep');
const work = mkdtempSync(join(tmpdir(), 'cxqa-pack-'));
let passed = 0;
let failed = 0;

function check(name: string, ok: boolean, detail = ''): void {
  if (ok) passed++;
  else failed++;
  process.stdout.write(`${ok ? 'ok  ' : 'FAIL'} ${name}${!ok && detail ? `: ${detail}` : ''}\n`);
}

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}
function run(cmd: string, args: string[], options: SpawnSyncOptions = {}): Run {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20, ...options });
  if (r.error) throw r.error;
  return { status: r.status, stdout: String(r.stdout), stderr: String(r.stderr) };
}
function mustRun(what: string, cmd: string, args: string[], options: SpawnSyncOptions = {}): Run {
  const r = run(cmd, args, options);
  if (r.status !== 0) {
    process.stdout.write(`FAIL ${what}: exit ${r.status}\n${r.stdout.slice(-4000)}\n${r.stderr.slice(-4000)}\n`);
    throw new Error(`${what} failed`);
  }
  return r;
}
/** pnpm as this script was started by (`pnpm run pack:check`), else through npx. */
function pnpm(args: string[], options: SpawnSyncOptions = {}): Run {
  const execPath = process.env.npm_execpath;
  const [cmd, pre] = execPath && /pnpm/.test(execPath) ? [process.execPath, [execPath]] : ['npx', ['-y', 'pnpm@10']];
  return mustRun(`pnpm ${args.join(' ')}`, cmd, [...pre, ...args], { cwd: ROOT, ...options });
}
function npmInstall(dir: string, tarballs: string[]): void {
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'cxqa-pack-check', private: true, type: 'module' }, null, 2));
  mustRun(`npm install in ${relative(work, dir)}`, 'npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', ...tarballs], {
    cwd: dir,
  });
}
function duBytes(path: string): number {
  const st = statSync(path, { throwIfNoEntry: false });
  if (!st) return 0;
  if (!st.isDirectory()) return st.size;
  return readdirSync(path).reduce((sum, name) => sum + duBytes(join(path, name)), 0);
}
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)));
}
const mb = (bytes: number): string => (bytes < 1e6 ? `${(bytes / 1e3).toFixed(1)} kB` : `${(bytes / 1e6).toFixed(1)} MB`);
const seconds = (): string => `${((Date.now() - started) / 1000).toFixed(0)} s`;

// ── one conversation, checked the same way in every consumer ─────────────────────────────────
const CONVERSATION = {
  id: 'pack-1',
  customer: { country: 'DE' },
  messages: [
    { role: 'customer', text: 'Die Schuhe sind zu klein.', at: '2026-03-02T10:00:00+01:00' },
    { role: 'agent', text: 'Sie hätten die Größentabelle lesen sollen.', at: '2026-03-02T10:04:00+01:00' },
  ],
};
/** What each consumer prints: enough to tell that models, lexicons and timing data were all found. */
const SUMMARY_JS = `(r) => JSON.stringify({ id: r.conversationId, status: r.status, pass: r.pass, firstResponse: r.metrics['timing.firstResponseSeconds'], blaming: r.findings.some((f) => f.code === 'politeness.blaming') })`;
const EXPECTED = { id: 'pack-1', status: 'ok', pass: false, firstResponse: 240, blaming: true };
function checkSummary(name: string, r: Run): void {
  let got: Record<string, unknown> = {};
  try {
    got = JSON.parse(r.stdout.trim().split('\n').at(-1) ?? '') as Record<string, unknown>;
  } catch {
    /* reported below */
  }
  const ok = r.status === 0 && Object.entries(EXPECTED).every(([k, v]) => got[k] === v);
  check(name, ok, ok ? '' : `exit ${r.status}, got ${r.stdout.trim().slice(-300)} ${r.stderr.trim().slice(-600)}`);
}

try {
  // ── build and pack ─────────────────────────────────────────────────────────────────────────
  pnpm(['-r', 'run', 'build']);
  const packDir = join(work, 'tarballs');
  mkdirSync(packDir);
  // dist was just built (in parallel); prepack would build each package again, one at a time
  pnpm(['-r', '--config.ignore-scripts=true', 'pack', '--pack-destination', packDir]);
  const tarball = (name: string): string => join(packDir, readdirSync(packDir).find((f) => f.startsWith(`cxqa-${name}-`))!);
  process.stdout.write(`packed in ${seconds()}\n`);

  // ── the tarballs themselves ────────────────────────────────────────────────────────────────
  for (const name of PACKAGES) {
    const file = tarball(name);
    const listing = mustRun('tar -t', 'tar', ['-tzf', file])
      .stdout.split('\n')
      .filter(Boolean)
      .map((f) => f.replace(/^package\//, ''));
    const text = mustRun('tar -x', 'tar', ['-xOzf', file, 'package/package.json']).stdout;
    const pkg = JSON.parse(text) as Record<string, any>;
    const source = JSON.parse(readFileSync(join(ROOT, 'packages', name, 'package.json'), 'utf8')) as Record<string, any>;
    process.stdout.write(`     @cxqa/${name}: tarball ${mb(statSync(file).size)}, ${listing.length} files\n`);
    check(`@cxqa/${name}: no workspace: range in the packed package.json`, !text.includes('workspace:'));
    const deps = { ...pkg.dependencies, ...pkg.peerDependencies };
    for (const [dep, range] of Object.entries(source.dependencies ?? {})) {
      if (String(range).startsWith('workspace:')) {
        const version = JSON.parse(readFileSync(join(ROOT, 'packages', dep.replace('@cxqa/', ''), 'package.json'), 'utf8')).version;
        check(`@cxqa/${name}: ${dep} pinned to ${version}`, deps[dep] === version, `packed ${deps[dep]}`);
      }
    }
    check(
      `@cxqa/${name}: exports without the source condition`,
      !JSON.stringify(pkg.exports).includes('"source"') && !JSON.stringify(pkg.exports).includes('/src/'),
    );
    check(`@cxqa/${name}: publishConfig access public`, pkg.publishConfig?.access === 'public');
    check(
      `@cxqa/${name}: README.md, LICENSE (MIT), dist/index.js, dist/index.d.ts`,
      ['README.md', 'LICENSE', 'dist/index.js', 'dist/index.d.ts'].every((f) => listing.includes(f)) && pkg.license === 'MIT',
    );
    check(`@cxqa/${name}: no sources, tests or maps`, !listing.some((f) => /^(src|test)\/|\.map$/.test(f)));
    if (name === 'core') {
      const folders = (source.files as string[]).filter((f) => !['dist', 'README.md', 'LICENSE'].includes(f));
      for (const folder of ['models', 'lexicons', 'policies', 'courtesy', 'conduct', 'sentiment', 'schemas']) {
        const want = filesUnder(join(ROOT, 'packages/core', folder))
          .map((f) => `${folder}/${f}`)
          .sort();
        const got = listing.filter((f) => f.startsWith(`${folder}/`)).sort();
        check(
          `@cxqa/core: ${folder}/ shipped complete (${want.length} files)`,
          folders.includes(folder) && want.length > 0 && JSON.stringify(got) === JSON.stringify(want),
        );
      }
    }
    if (name === 'cli') {
      const bin = mustRun('tar -x', 'tar', ['-xOzf', file, 'package/dist/bin.js']).stdout;
      check('@cxqa/cli: bin cxqa → dist/bin.js with a node shebang', pkg.bin?.cxqa === './dist/bin.js' && bin.startsWith('#!/usr/bin/env node\n'));
    }
  }

  // ── a project with core, eval, the CLI and the queue: ESM, the bin ─────────────────────────
  const full = join(work, 'full');
  mkdirSync(full);
  npmInstall(full, ['core', 'eval', 'cli', 'queue'].map(tarball));
  process.stdout.write(`installed core+eval+cli+queue (${seconds()})\n`);

  const readme = readFileSync(join(ROOT, 'packages/core/README.md'), 'utf8');
  const example = /```js\n([\s\S]*?)```/.exec(readme)?.[1];
  check('@cxqa/core README has a js example', example !== undefined);
  writeFileSync(join(full, 'readme-example.mjs'), example ?? '');
  const readmeRun = run(process.execPath, ['readme-example.mjs'], { cwd: full });
  check('ESM: the @cxqa/core README example runs from the installed package', readmeRun.status === 0, readmeRun.stderr.slice(-800));

  writeFileSync(
    join(full, 'esm.mjs'),
    [
      `import { createInspector } from '@cxqa/core';`,
      `import { checkAnalyzerConformance } from '@cxqa/core/testing';`,
      `import { accuracy } from '@cxqa/eval';`,
      `import { createRequire } from 'node:module';`,
      `if (typeof checkAnalyzerConformance !== 'function' || accuracy(['a'], ['a']) !== 1) throw new Error('subpath or eval import broken');`,
      `createRequire(import.meta.url).resolve('@cxqa/core/schemas/conversation.schema.json');`,
      `const exported = JSON.parse((await import('node:fs')).readFileSync(createRequire(import.meta.url).resolve('@cxqa/core/package.json'), 'utf8')).exports;`,
      `for (const key of Object.keys(exported).filter((k) => k !== '.' && !k.includes('*') && !k.endsWith('.json'))) {`,
      `  if (Object.keys(await import('@cxqa/core' + key.slice(1))).length === 0) throw new Error('empty subpath ' + key);`,
      `}`,
      `const r = await createInspector().inspect(${JSON.stringify(CONVERSATION)});`,
      `console.log((${SUMMARY_JS})(r));`,
    ].join('\n'),
  );
  checkSummary('ESM: import @cxqa/core (+ every subpath, /schemas/*, @cxqa/eval) and inspect', run(process.execPath, ['esm.mjs'], { cwd: full }));

  writeFileSync(join(full, 'conversations.jsonl'), `${JSON.stringify(CONVERSATION)}\nnot json\n`);
  const cli = run('npx', ['--no', 'cxqa', 'inspect', 'conversations.jsonl', '--format', 'jsonl'], { cwd: full });
  const lines = cli.stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { conversationId?: string; status: string; findings?: { code: string }[] });
  check(
    'bin: `cxqa inspect` from the installed @cxqa/cli, one result per line, in order',
    cli.status === 0 &&
      lines.length === 2 &&
      lines[0]!.conversationId === 'pack-1' &&
      lines[0]!.status === 'ok' &&
      lines[0]!.findings!.some((f) => f.code === 'politeness.blaming') &&
      lines[1]!.status === 'invalid' &&
      /2 conversations: 1 ok, 0 partial, 1 invalid/.test(cli.stderr),
    `exit ${cli.status} ${cli.stdout.slice(0, 300)} ${cli.stderr.slice(-500)}`,
  );
  writeFileSync(join(full, 'results.jsonl'), cli.stdout);
  const html = run('npx', ['--no', 'cxqa', 'report', 'results.jsonl', '--format', 'html', '--out', 'report.html'], { cwd: full });
  const page = html.status === 0 ? readFileSync(join(full, 'report.html'), 'utf8') : '';
  check(
    'bin: `cxqa report --format html` from the installed CLI writes one page with inline SVG charts (echarts installed as a dependency), no script',
    html.status === 0 && page.startsWith('<!doctype html>') && page.includes('<svg') && page.includes('ecmeta_ssr_type="chart"') && !page.includes('<script'),
    `exit ${html.status} ${html.stderr.slice(-600)}`,
  );
  const byPackage = run('npx', ['--no', '@cxqa/cli', 'inspect', 'conversations.jsonl', '--format', 'jsonl'], { cwd: full });
  check(
    'bin: `npx @cxqa/cli inspect` (the package name runs its only bin)',
    byPackage.status === 0 && byPackage.stdout === cli.stdout,
    `exit ${byPackage.status} ${byPackage.stderr.slice(-400)}`,
  );
  const many = Array.from({ length: 80 }, (_, i) => (i % 9 === 4 ? 'not json' : JSON.stringify({ ...CONVERSATION, id: `pack-${i}` }))).join('\n');
  writeFileSync(join(full, 'many.jsonl'), `${many}\n`);
  const mainThread = run('npx', ['--no', 'cxqa', 'inspect', 'many.jsonl', '--format', 'jsonl'], { cwd: full });
  const threaded = run('npx', ['--no', 'cxqa', 'inspect', 'many.jsonl', '--format', 'jsonl', '--workers', '2'], { cwd: full });
  check(
    'bin: `cxqa inspect --workers 2` from the installed CLI (worker threads load dist) writes what the main thread writes',
    threaded.status === 0 && threaded.stdout === mainThread.stdout && threaded.stdout.trim().split('\n').length === 80 && threaded.stderr === mainThread.stderr,
    `exit ${threaded.status} ${threaded.stderr.slice(-600)}`,
  );
  writeFileSync(
    join(full, 'queue.mjs'),
    [
      `import * as queue from '@cxqa/queue';`,
      `const names = ['createProducer', 'createQueueWorker', 'redisStreamSink', 'jsonlFilesSink', 'callbackSink', 'readStreamResults', 'conversationJobId'];`,
      `const missing = names.filter((n) => typeof queue[n] !== 'function');`,
      `if (missing.length) throw new Error('missing ' + missing.join(', '));`,
      `console.log(queue.queueNames({ redis: 'redis://127.0.0.1:6379' }).resultsKey);`,
    ].join('\n'),
  );
  const queueRun = run(process.execPath, ['queue.mjs'], { cwd: full });
  check(
    'ESM: import @cxqa/queue (bullmq, ioredis) from the installed package',
    queueRun.status === 0 && queueRun.stdout.trim() === 'bull:cxqa:cxqa-results',
    queueRun.stderr.slice(-800),
  );
  const queueHelp = run('npx', ['--no', 'cxqa', 'queue', '--help'], { cwd: full });
  check(
    'bin: `cxqa queue --help` from the installed @cxqa/cli',
    queueHelp.status === 0 && queueHelp.stdout.includes('cxqa queue SUBCOMMAND'),
    queueHelp.stderr.slice(-400),
  );
  // through the audit log's lock (proper-lockfile from the published manifest of @cxqa/core) and back
  const appeal = run('npx', ['--no', 'cxqa', 'appeals', 'decide', '--log', 'appeals.log', 'A1', 'accept', '--by', 'lee', '--reason', 'pack check'], {
    cwd: full,
  });
  check(
    'bin: `cxqa appeals decide` from the installed CLI takes the log lock and names the missing appeal',
    appeal.status === 2 && appeal.stderr.includes('appealId: no appeal "A1"') && !existsSync(join(full, 'appeals.log.lock')),
    `exit ${appeal.status} ${appeal.stderr.slice(-400)}`,
  );
  const usage = run('npx', ['--no', 'cxqa', 'inspect'], { cwd: full });
  check('bin: a usage error exits 2', usage.status === 2, `exit ${usage.status}`);
  // a JSON array with HTML bodies: @streamparser/json and html-to-text resolve from the published manifest
  cpSync(join(ROOT, 'fixtures/importers/intercom/conversations.json'), join(full, 'intercom.json'));
  const imported = run('npx', ['--no', 'cxqa', 'import', 'intercom', 'intercom.json'], { cwd: full });
  check(
    "bin: `cxqa import intercom` writes the fixture's expected conversations",
    imported.status === 0 && imported.stdout === readFileSync(join(ROOT, 'fixtures/importers/intercom/conversations.expected.jsonl'), 'utf8'),
    `exit ${imported.status} ${imported.stdout.slice(0, 300)} ${imported.stderr.slice(-400)}`,
  );

  process.stdout.write(`ESM and bin checked (${seconds()})\n`);

  // ── a project with @cxqa/core alone: its install size, CommonJS, TypeScript, esbuild ──────────
  const core = join(work, 'core-only');
  mkdirSync(core);
  npmInstall(core, [tarball('core')]);
  const modules = join(core, 'node_modules');
  const top = readdirSync(modules)
    .filter((n) => !n.startsWith('.'))
    .flatMap((n) => (n.startsWith('@') ? readdirSync(join(modules, n)).map((m) => `${n}/${m}`) : [n]));
  const sizes = top.map((n) => [n, duBytes(join(modules, n))] as const).sort((a, b) => b[1] - a[1]);
  process.stdout.write(
    `installed @cxqa/core alone: ${mb(duBytes(modules))} in ${top.length} packages; largest ${sizes
      .slice(0, 6)
      .map(([n, s]) => `${n} ${mb(s)}`)
      .join(', ')}\n`,
  );

  writeFileSync(
    join(core, 'app.cjs'),
    [
      `const { createInspector } = require('@cxqa/core');`,
      `createInspector().inspect(${JSON.stringify(CONVERSATION)}).then((r) => console.log((${SUMMARY_JS})(r)));`,
    ].join('\n'),
  );
  checkSummary("CommonJS: require('@cxqa/core') (Node's require(esm)) and inspect", run(process.execPath, ['app.cjs'], { cwd: core }));

  // TypeScript: an import type-checks under node16 and bundler resolution, and the types are real (not any)
  const tsc = createRequire(join(ROOT, 'package.json')).resolve('typescript/bin/tsc');
  writeFileSync(
    join(core, 'app.ts'),
    [
      `import { createInspector, type Conversation, type Result } from '@cxqa/core';`,
      `import { checkAnalyzerConformance } from '@cxqa/core/testing';`,
      `import { parseDuration } from '@cxqa/core/timing';`,
      `import type { ClosedDays, AutomatonMatch } from '@cxqa/core'; // types of subpath modules, from the root`,
      `const wait: number | null = parseDuration('4h');`,
      `const closed: ClosedDays = new Map([['2026-12-25', 0]]);`,
      `const hit: AutomatonMatch | undefined = undefined;`,
      `const conversation: Conversation = ${JSON.stringify(CONVERSATION)};`,
      `const result: Result = await createInspector().inspect(conversation);`,
      `const score: number | null = result.score;`,
      `// @ts-expect-error the score is a number: fails if the types resolved to any`,
      `const wrong: string = result.score;`,
      `export { score, wrong, checkAnalyzerConformance, wait, closed, hit };`,
    ].join('\n'),
  );
  for (const [resolution, module] of [
    ['node16', 'node16'],
    ['bundler', 'esnext'],
  ] as const) {
    writeFileSync(
      join(core, `tsconfig.${resolution}.json`),
      JSON.stringify({
        compilerOptions: {
          // the node16 run also checks the shipped .d.ts files themselves (and zod's: about 10 s)
          module,
          moduleResolution: resolution,
          target: 'es2022',
          strict: true,
          noEmit: true,
          skipLibCheck: resolution !== 'node16',
          types: ['node'],
          typeRoots: [join(ROOT, 'node_modules/@types')],
        },
        files: ['app.ts'],
      }),
    );
    const r = run(process.execPath, [tsc, '-p', `tsconfig.${resolution}.json`], { cwd: core });
    check(`TypeScript: tsc --noEmit, moduleResolution ${resolution}`, r.status === 0, (r.stdout + r.stderr).slice(0, 1500));
  }

  // a CommonJS TypeScript file: module nodenext (TypeScript >= 5.8 models require(esm)); node16 cannot
  writeFileSync(join(core, 'cjs-app.cts'), `import { createInspector } from '@cxqa/core';\nexport const inspector = createInspector();\n`);
  const tsOptions = ['--noEmit', '--strict', '--skipLibCheck', '--types', 'node', '--typeRoots', join(ROOT, 'node_modules/@types'), 'cjs-app.cts'];
  const cts = run(process.execPath, [tsc, '--module', 'nodenext', '--moduleResolution', 'nodenext', ...tsOptions], { cwd: core });
  check('TypeScript: a CommonJS file (.cts) imports @cxqa/core under module nodenext', cts.status === 0, (cts.stdout + cts.stderr).slice(0, 800));
  const cts16 = run(process.execPath, [tsc, '--module', 'node16', '--moduleResolution', 'node16', ...tsOptions], { cwd: core });
  check(
    'TypeScript: under module node16 the same file is TS1479, as docs/install.md says',
    cts16.status !== 0 && cts16.stdout.includes('TS1479'),
    (cts16.stdout + cts16.stderr).slice(0, 800),
  );

  process.stdout.write(`CommonJS and TypeScript checked (${seconds()})\n`);

  // esbuild: an app bundled with @cxqa/core inlined
  const { build } = (await import('esbuild')) as typeof import('esbuild');
  writeFileSync(
    join(core, 'bundle-entry.mjs'),
    [
      `import { createInspector } from '@cxqa/core';`,
      `const r = await createInspector().inspect(${JSON.stringify(CONVERSATION)});`,
      `console.log((${SUMMARY_JS})(r));`,
    ].join('\n'),
  );
  await build({
    entryPoints: [join(core, 'bundle-entry.mjs')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: join(core, 'out/app.mjs'),
    logLevel: 'error',
  });
  checkSummary('esbuild: bundled app inside the project finds the installed data', run(process.execPath, ['out/app.mjs'], { cwd: core }));

  // deployed elsewhere: the third-party dependencies beside it, @cxqa/core itself not installed
  const deployed = join(work, 'deployed');
  mkdirSync(join(deployed, 'node_modules'), { recursive: true });
  cpSync(join(core, 'out/app.mjs'), join(deployed, 'app.mjs'));
  for (const n of readdirSync(modules)) if (n !== '@cxqa' && !n.startsWith('.')) symlinkSync(join(modules, n), join(deployed, 'node_modules', n));
  const env = { ...process.env, CXQA_DATA_DIR: '' };
  const lost = run(process.execPath, ['app.mjs'], { cwd: deployed, env });
  check(
    'esbuild: deployed without the package and without CXQA_DATA_DIR, the error says what, where and how',
    lost.status !== 0 &&
      /shipped data file \S+ not found/.test(lost.stderr) &&
      lost.stderr.includes(join(deployed, 'lexicons')) &&
      lost.stderr.includes('CXQA_DATA_DIR') &&
      !lost.stderr.includes('reinstall'),
    lost.stderr.slice(0, 800),
  );
  const data = join(deployed, 'cxqa-data');
  for (const folder of ['models', 'lexicons', 'policies', 'courtesy', 'conduct', 'sentiment'])
    cpSync(join(modules, '@cxqa/core', folder), join(data, folder), { recursive: true });
  checkSummary(
    'esbuild: deployed with CXQA_DATA_DIR pointing at a copy of the data',
    run(process.execPath, ['app.mjs'], { cwd: deployed, env: { ...env, CXQA_DATA_DIR: data } }),
  );
  const wrongDir = run(process.execPath, ['app.mjs'], { cwd: deployed, env: { ...env, CXQA_DATA_DIR: join(deployed, 'nowhere') } });
  check(
    'esbuild: a CXQA_DATA_DIR without the data is reported as that setting',
    wrongDir.status !== 0 && wrongDir.stderr.includes(`CXQA_DATA_DIR=${join(deployed, 'nowhere')} is set`),
    wrongDir.stderr.slice(0, 600),
  );
  for (const folder of ['models', 'lexicons', 'policies', 'courtesy', 'conduct', 'sentiment'])
    cpSync(join(data, folder), join(deployed, folder), { recursive: true });
  checkSummary('esbuild: deployed with the data folders copied beside the bundle', run(process.execPath, ['app.mjs'], { cwd: deployed, env }));
} catch (e) {
  failed++;
  process.stdout.write(`FAIL ${(e as Error).message}\n`);
} finally {
  if (keep) process.stdout.write(`kept ${work}\n`);
  else rmSync(work, { recursive: true, force: true });
}
process.stdout.write(`pack check took ${seconds()}\npack-check: ${passed} passed, ${failed} failed\n`);
process.exitCode = failed === 0 && passed > 0 ? 0 : 1;
