import { isCxqaError, maskPersonalDataExcept } from '@cxqa/core';

/** A mistake in how the CLI was called or in what it was given: exit 2, one line, no stack. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

const FILE_ERRORS = new Set(['ENOENT', 'EACCES', 'EISDIR', 'ENOTDIR', 'EPERM', 'EROFS', 'ENOSPC', 'EMFILE']);

/** True for the errors a user can cause and fix: they get a message, never a stack trace. */
export function isExpectedError(e: unknown): boolean {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  return e instanceof UsageError || isCxqaError(e) || (typeof code === 'string' && (code.startsWith('ERR_PARSE_ARGS') || FILE_ERRORS.has(code)));
}

/**
 * What `cxqa: …` says about an error: the message of an expected one, the stack of a bug —
 * personal data masked either way (a message may quote a config value or a line of input); the
 * finding ids a CxqaError names as its `ownIds` are shown whole.
 */
export function describeError(e: unknown): string {
  let text: string;
  try {
    text = isExpectedError(e) ? (e as Error).message : `internal error, please report it: ${(e as Error)?.stack ?? String(e)}`;
  } catch {
    text = 'internal error, please report it: a thrown value that cannot be shown';
  }
  return maskPersonalDataExcept(text, (isCxqaError(e) && e.ownIds) || []);
}
