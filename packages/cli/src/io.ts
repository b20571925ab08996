import type { Readable, Writable } from 'node:stream';

/** The streams a command uses; tests pass their own. */
export interface CliIo {
  stdin: Readable;
  stdout: Writable & { isTTY?: boolean };
  stderr: Writable & { isTTY?: boolean };
  /** Environment read for NO_COLOR / FORCE_COLOR and the llm key variable (default: process.env). */
  env?: Record<string, string | undefined>;
}
