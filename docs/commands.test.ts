/**
 * Every fenced block in README.md and docs/*.md is checked by its kind (its info string):
 *
 * - `ts run`: executed (docs.test.ts);
 * - `sh`: every command line runs in bash from the repository root and must exit 0, or the code
 *   its trailing comment names (`# exit 1: …`);
 * - `output`: printed by the `sh` block above it — each of its lines (except `…`) appears in that
 *   block's stdout and stderr, in order;
 * - `json`, `json config`: parse as JSON;
 * - `text`: an illustration (a diagram), not code;
 * - `sh skip="why"` / `ts skip="why"`: cannot run here (downloads a model, takes minutes), with
 *   the reason. An untyped block or any other kind fails the test, so nothing goes unchecked.
 *
 * The docs' scratch paths (`/tmp/cxqa-docs-…`) run in a folder of this run's own, so two checkouts
 * testing at once do not overwrite each other's files; printed paths are mapped back before comparing.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const DOCS = import.meta.dirname;
const ROOT = join(DOCS, '..');
const FILES = [
  ...readdirSync(DOCS)
    .filter((f) => f.endsWith('.md'))
    .map((f) => join('docs', f)),
  'README.md',
];
const SCRATCH = mkdtempSync(join(tmpdir(), 'cxqa-docs-run-'));
const DOC_SCRATCH = '/tmp/cxqa-docs-';
const RUN_SCRATCH = join(SCRATCH, 'cxqa-docs-');
const KINDS = /^(?:ts run|sh|output|json|json config|text|(?:sh|ts) skip="[^"]+")$/;

interface Block {
  file: string;
  line: number;
  info: string;
  body: string;
}

function blocks(file: string): Block[] {
  const out: Block[] = [];
  const lines = readFileSync(join(ROOT, file), 'utf8').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(.*)$/.exec(lines[i]!);
    if (!open) continue;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && !lines[i]!.startsWith('```'); i++) body.push(lines[i]!);
    out.push({ file, line: start + 1, info: open[1]!.trim(), body: body.join('\n') });
  }
  return out;
}

/** Command lines of an `sh` block: comments and blank lines dropped, `# exit N` read. */
function commands(body: string): { command: string; exit: number }[] {
  return body
    .split('\n')
    .filter((l) => l.trim() && !l.trim().startsWith('#'))
    .map((l) => {
      const exit = /#\s*exit (\d+)/.exec(l);
      return { command: l.replace(/\s+#.*$/, '').trim(), exit: exit ? Number(exit[1]) : 0 };
    });
}

const all = FILES.flatMap(blocks);

describe('documented commands and blocks', () => {
  afterAll(() => rmSync(SCRATCH, { recursive: true, force: true }));

  it('every block says what it is', () => {
    const unknown = all.filter((b) => !KINDS.test(b.info)).map((b) => `${b.file}:${b.line} \`\`\`${b.info}`);
    expect(unknown).toEqual([]);
  });

  it('the README test command is exactly what CI runs', () => {
    const readme = all.filter((b) => b.file === 'README.md' && b.info.startsWith('sh'));
    const test = readme.flatMap((b) => commands(b.body)).find((c) => / test$/.test(c.command));
    expect(test).toBeDefined();
    expect(readFileSync(join(ROOT, '.ci/run'), 'utf8')).toContain(test!.command);
  });

  for (const b of all.filter((x) => x.info === 'json' || x.info === 'json config')) {
    it(`${b.file}:${b.line} json parses`, () => {
      expect(() => JSON.parse(b.body)).not.toThrow();
    });
  }

  const shell = all.filter((b) => b.info === 'sh');
  for (const b of shell) {
    const index = all.indexOf(b);
    const next = all[index + 1];
    const expected = next?.file === b.file && next.info === 'output' ? next.body : null;
    it(`${b.file}:${b.line} commands run${expected ? ' and print what the doc shows' : ''}`, () => {
      const before = new Set(readdirSync(ROOT));
      let printed = '';
      try {
        for (const { command, exit } of commands(b.body)) {
          // the README's test command is the one running this test (CI runs it via .ci/run)
          if (/pnpm@10 test$/.test(command)) continue;
          const r = spawnSync('bash', ['-c', command.replaceAll(DOC_SCRATCH, RUN_SCRATCH)], {
            cwd: ROOT,
            encoding: 'utf8',
            timeout: 300_000,
            env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '' },
            maxBuffer: 64 * 1024 * 1024,
          });
          printed += `${r.stdout}\n${r.stderr}\n`.replaceAll(RUN_SCRATCH, DOC_SCRATCH);
          expect(r.status, `${command}\n${r.stderr.slice(-2000)}`).toBe(exit);
        }
      } finally {
        // files a documented command writes into the root (results.jsonl) are removed again
        for (const f of readdirSync(ROOT)) if (!before.has(f)) rmSync(join(ROOT, f), { recursive: true, force: true });
      }
      if (expected) {
        const got = printed.split('\n').map((l) => l.trimEnd());
        let at = 0;
        for (const want of expected
          .split('\n')
          .map((l) => l.trimEnd())
          .filter((l) => l && l !== '…')) {
          const found = got.indexOf(want, at);
          expect(found, `"${want}" not printed (in order) by ${b.file}:${b.line}`).toBeGreaterThanOrEqual(0);
          at = found + 1;
        }
      }
    }, 600_000);
  }
});
