import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Read a UTF-8 text file inside a corpus folder, or null when it is absent. */
export function readCorpusFile(dir: string, ...parts: string[]): string | null {
  const path = join(dir, ...parts);
  return existsSync(path) ? readFileSync(path, 'utf8') : null;
}

/** Split into non-empty lines, tolerating CRLF. */
export function lines(text: string): string[] {
  return text.split(/\r?\n/).filter((l) => l.length > 0);
}
