import { once } from 'node:events';
import { createWriteStream, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Writable } from 'node:stream';
import { UsageError } from '../errors.js';

export interface Sink {
  stream: Writable & { isTTY?: boolean };
  /** Flush and close a file; nothing for stdout. */
  close(): Promise<void>;
}

/**
 * Where results go: `stdout` when `path` is undefined, else a new file. Fails with a one-line
 * UsageError naming `option` and the path when the folder is missing or the file not writable.
 */
export async function openSink(option: string, path: string | undefined, stdout: Sink['stream']): Promise<Sink> {
  if (path === undefined) return { stream: stdout, close: async () => {} };
  assertWritableFolder(option, path);
  const stream = createWriteStream(path);
  try {
    await once(stream, 'open');
  } catch (e) {
    throw new UsageError(`${option} ${path}: cannot write there (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  return {
    stream,
    close: async () => {
      stream.end();
      await once(stream, 'finish');
    },
  };
}

/** Throw a UsageError naming `option` and `path` when the folder `path` goes in does not exist. */
export function assertWritableFolder(option: string, path: string): void {
  const folder = dirname(resolve(path));
  const stat = statSync(folder, { throwIfNoEntry: false });
  if (!stat) throw new UsageError(`${option} ${path}: folder ${folder} does not exist`);
  if (!stat.isDirectory()) throw new UsageError(`${option} ${path}: ${folder} is not a folder`);
}

/** Throw a UsageError (naming `option` when given) when an input file (not "-") is missing or not a file. */
export function assertReadableFile(path: string, option?: string): void {
  if (path === '-') return;
  const stat = statSync(path, { throwIfNoEntry: false });
  const name = option ? `${option} ${path}` : path;
  if (!stat) throw new UsageError(`${name}: no such file`);
  if (!stat.isFile()) throw new UsageError(`${name}: not a file`);
}
