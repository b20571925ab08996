import { PassThrough, Readable } from 'node:stream';
import { main } from '@cxqa/cli';

/** Run the CLI in-process with `stdin` as input; collect exit code, stdout and stderr. */
export async function run(args: string[], stdin = ''): Promise<{ code: number; out: string; err: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c) => (out += c));
  stderr.on('data', (c) => (err += c));
  const code = await main(args, { stdin: Readable.from([stdin]), stdout, stderr });
  return { code, out, err };
}
