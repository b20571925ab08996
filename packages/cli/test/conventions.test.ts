import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ResultSchema } from '@cxqa/core';
import { describe, expect, it } from 'vitest';
import { run } from './run-cli.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const MIXED = join(ROOT, 'fixtures', 'cli', 'mixed.jsonl');
const EXAMPLES = join(ROOT, 'examples', 'data', 'conversations.jsonl');
// biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI colour codes start with ESC
const ANSI = /\x1b\[\d+m/;
const tmp = () => mkdtempSync(join(tmpdir(), 'cxqa-conv-'));

/** An expected error: exit 2 and exactly one line on stderr, without a stack trace. */
function expectOneLineError(r: { code: number; out: string; err: string }, message: RegExp): void {
  expect(r.code).toBe(2);
  expect(r.err).toMatch(/^cxqa: [^\n]+\n$/);
  expect(r.err).toMatch(message);
  expect(r.out).toBe('');
}

describe('--version and --help', () => {
  it('prints the @cxqa/cli version with --version and -v', async () => {
    const { version } = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'package.json'), 'utf8')) as { version: string };
    for (const flag of ['--version', '-v']) {
      const { code, out, err } = await run([flag]);
      expect([code, out, err]).toEqual([0, `${version}\n`, '']);
    }
  });

  it('answers --help and -h on every command with exit 0 and usage on stdout', async () => {
    for (const argv of [
      ['--help'],
      ['-h'],
      ['help'],
      ['inspect', '--help'],
      ['inspect', 'file.jsonl', '-h'],
      ['eval', '--help'],
      ['eval', '-h'],
      ['help', 'eval'],
    ]) {
      const { code, out, err } = await run(argv);
      expect({ argv, code, err }).toEqual({ argv, code: 0, err: '' });
      expect(out).toMatch(/Usage:/);
    }
    const inspectHelp = (await run(['inspect', '--help'])).out;
    for (const option of ['--config', '--out', '--format', '--concurrency', '--fail-on', '--help', 'NO_COLOR']) expect(inspectHelp).toContain(option);
    const evalHelp = (await run(['eval', '-h'])).out;
    for (const option of ['--corpora', '--fixtures', '--task', '--json', '--thresholds', '--no-gate', '--allow-empty']) expect(evalHelp).toContain(option);
    expect(evalHelp).not.toEqual(inspectHelp);
  });

  it('without a command, prints usage on stderr and exits 2', async () => {
    const { code, out, err } = await run([]);
    expect([code, out]).toEqual([2, '']);
    expect(err).toMatch(/Usage:/);
  });
});

describe('expected errors: exit 2, one line naming the argument or file, no stack trace', () => {
  it('--fail-on with a typo lists the allowed values', async () => {
    expectOneLineError(await run(['inspect', MIXED, '--fail-on', 'invalid,brech']), /--fail-on brech: expected one of invalid, partial, breach, fail/);
  });

  it('--out into a missing folder names the path, before any model or input is read', async () => {
    const missing = join(tmp(), 'no-such-folder', 'r.jsonl');
    expectOneLineError(
      await run(['inspect', MIXED, '--out', missing]),
      new RegExp(`--out ${missing.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')}: folder .*no-such-folder does not exist`),
    );
    expect(existsSync(missing)).toBe(false);
    const config = join(tmp(), 'model.json');
    writeFileSync(config, JSON.stringify({ sentimentModel: { model: 'Xenova/not-here', localModelPath: 'models', labels: { NEG: 'negative' } } }));
    expectOneLineError(await run(['inspect', MIXED, '--config', config, '--out', missing]), /--out .*no-such-folder does not exist/);
  });

  it('eval --json into a missing folder and a missing --thresholds file are named before anything runs', async () => {
    expectOneLineError(await run(['eval', '--json', join(tmp(), 'nope', 'r.json'), '--allow-empty']), /--json .*nope\/r\.json: folder .* does not exist/);
    expectOneLineError(await run(['eval', '--thresholds', join(tmp(), 'none.json')]), /--thresholds .*none\.json: no such file/);
  });

  it('an unknown option, a missing input file, an unknown command and a bad --format are one line each', async () => {
    expectOneLineError(await run(['inspect', MIXED, '--frobnicate']), /frobnicate/);
    expectOneLineError(await run(['inspect', join(tmp(), 'missing.jsonl')]), /missing\.jsonl: no such file/);
    expectOneLineError(await run(['inspect', tmp()]), /: not a file/);
    expectOneLineError(await run(['frobnicate']), /unknown command "frobnicate"/);
    expectOneLineError(await run(['inspect', MIXED, '--format', 'xml']), /--format xml/);
    expectOneLineError(await run(['inspect', MIXED, 'second.jsonl']), /exactly one FILE/);
  });
});

describe('streams', () => {
  it('stdout holds only results; the summary goes to stderr', async () => {
    const { code, out, err } = await run(['inspect', MIXED]);
    expect(code).toBe(0);
    const lines = out.trimEnd().split('\n');
    expect(lines).toHaveLength(5);
    for (const line of lines) expect(() => ResultSchema.parse(JSON.parse(line))).not.toThrow();
    expect(err).toMatch(/^5 conversations: /);
    expect(err).not.toContain('"conversationId"');
  });

  it('--out - writes to stdout, not to a file named "-"', async () => {
    const before = existsSync(join(process.cwd(), '-'));
    const { code, out } = await run(['inspect', MIXED, '--out', '-']);
    expect(code).toBe(0);
    expect(out.trim().split('\n')).toHaveLength(5);
    expect(existsSync(join(process.cwd(), '-'))).toBe(before);
  });

  it('shows progress only on a terminal stderr while results go elsewhere, and erases it before the summary', async () => {
    const dir = tmp();
    const piped = await run(['inspect', EXAMPLES, '--out', join(dir, 'r.jsonl')], '', { stderrTTY: true });
    const erase = piped.err.lastIndexOf('\r\x1b[K');
    expect(piped.err).toMatch(/^\rinspected \d+/);
    expect(erase).toBeGreaterThan(0);
    expect(piped.err.slice(erase + '\r\x1b[K'.length)).toMatch(/^10 conversations: [^\r]*$/);
    const onTerminal = await run(['inspect', EXAMPLES], '', { stdoutTTY: true, stderrTTY: true });
    expect(onTerminal.err).not.toContain('\r');
    const notTerminal = await run(['inspect', EXAMPLES, '--out', join(dir, 'r2.jsonl')]);
    expect(notTerminal.err).not.toContain('\r');
  });
});

describe('colours', () => {
  it('colours --format pretty and the summary on a terminal, not with NO_COLOR or off a terminal', async () => {
    const tty = await run(['inspect', MIXED, '--format', 'pretty'], '', { stdoutTTY: true, stderrTTY: true });
    expect(tty.out).toMatch(ANSI);
    expect(tty.err).toMatch(ANSI);
    const noColor = await run(['inspect', MIXED, '--format', 'pretty'], '', { stdoutTTY: true, stderrTTY: true, env: { NO_COLOR: '1' } });
    expect(noColor.out).not.toMatch(ANSI);
    expect(noColor.err).not.toMatch(ANSI);
    const plain = (s: string) => s.replaceAll(new RegExp(ANSI.source, 'g'), '');
    expect(plain(noColor.out)).toBe(plain(tty.out));
    const piped = await run(['inspect', MIXED, '--format', 'pretty']);
    expect(piped.out).not.toMatch(ANSI);
    expect(piped.err).not.toMatch(ANSI);
    expect(piped.out).toBe(noColor.out);
  });
});

describe('cxqa eval with nothing to measure', () => {
  it('exits 1 with one line saying nothing was measured, unless --allow-empty', async () => {
    const dir = tmp();
    const args = ['eval', '--corpora', join(dir, 'no-corpora'), '--fixtures', join(dir, 'no-fixtures')];
    const empty = await run(args);
    expect(empty.code).toBe(1);
    expect(empty.err).toMatch(/^cxqa eval: nothing was measured[^\n]*no-corpora[^\n]*no-fixtures[^\n]*--allow-empty[^\n]*\n$/);
    const allowed = await run([...args, '--allow-empty']);
    expect(allowed.code).toBe(0);
    expect(allowed.err).not.toMatch(/nothing was measured/);
  });
});
