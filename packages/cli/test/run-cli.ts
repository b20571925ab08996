import { PassThrough, Readable } from 'node:stream';
import { main } from '@cxqa/cli';

export interface RunOptions {
  /** Pretend stdout / stderr are terminals. */
  stdoutTTY?: boolean;
  stderrTTY?: boolean;
  /** Environment for NO_COLOR / FORCE_COLOR (default: empty, whatever the test runner sets). */
  env?: Record<string, string | undefined>;
}

/** Run the CLI in-process with `stdin` as input; collect exit code, stdout and stderr. */
export async function run(args: string[], stdin = '', options: RunOptions = {}): Promise<{ code: number; out: string; err: string }> {
  const stdout = Object.assign(new PassThrough(), { isTTY: options.stdoutTTY });
  const stderr = Object.assign(new PassThrough(), { isTTY: options.stderrTTY });
  let out = '';
  let err = '';
  stdout.on('data', (c) => (out += c));
  stderr.on('data', (c) => (err += c));
  const code = await main(args, { stdin: Readable.from([stdin]), stdout, stderr, env: options.env ?? {} });
  return { code, out, err };
}
