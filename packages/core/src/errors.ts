import type { z } from 'zod';

/** Every error cxqa throws carries one of these codes. */
export type CxqaErrorCode =
  | 'invalid_conversation'
  | 'invalid_scorecard'
  | 'invalid_config'
  | 'invalid_option'
  | 'analyzer_failed'
  | 'analyzer_timeout'
  | 'analyzer_invalid_output'
  | 'unknown_timezone'
  | 'model_missing'
  | 'input_unreadable'
  | 'invalid_appeal'
  | 'audit_log_tampered'
  | 'audit_log_busy';

export interface CxqaErrorDetails {
  /** Where the problem is, e.g. `["messages", 2, "at"]` or a file path. */
  path?: (string | number)[];
  analyzer?: string;
  issues?: { path: (string | number)[]; message: string }[];
  cause?: unknown;
  /**
   * Identifiers the message quotes as a Result shows them — finding ids (of cxqa's own making), a
   * conversation id masked as a Result's (`maskConversationId`): where the message is masked again
   * (`maskPersonalDataExcept`, the CLI's `cxqa: …` line) they stay whole, so they can be copied.
   */
  ownIds?: string[];
}

/** Typed error: switch on `code`, read `path` / `issues` for where. */
export class CxqaError extends Error {
  override readonly name = 'CxqaError';
  readonly code: CxqaErrorCode;
  readonly path?: (string | number)[];
  readonly analyzer?: string;
  readonly issues?: { path: (string | number)[]; message: string }[];
  /** See CxqaErrorDetails.ownIds. */
  readonly ownIds?: string[];

  constructor(code: CxqaErrorCode, message: string, details: CxqaErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.code = code;
    if (details.path) this.path = details.path;
    if (details.analyzer) this.analyzer = details.analyzer;
    if (details.issues) this.issues = details.issues;
    if (details.ownIds?.length) this.ownIds = details.ownIds;
  }
}

/** True when `e` is a CxqaError, optionally with the given code. */
export function isCxqaError(e: unknown, code?: CxqaErrorCode): e is CxqaError {
  return e instanceof CxqaError && (code === undefined || e.code === code);
}

/** Flatten zod issues to `{ path, message }` with a readable one-line summary. */
export function describeZodIssues(error: z.ZodError): { issues: { path: (string | number)[]; message: string }[]; summary: string } {
  const issues = error.issues.map((i) => ({
    path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
    message: i.message,
  }));
  const summary = issues.map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`).join('; ');
  return { issues, summary };
}

/**
 * What a thrown value says, without trusting it: an Error's message, a string, or the value's
 * type (a null-prototype object, a getter that throws, a Symbol) — never a second exception.
 */
export function describeThrown(error: unknown): string {
  try {
    if (error instanceof Error) return String(error.message);
    if (typeof error === 'string') return error;
    return String(error);
  } catch {
    return `a value of type ${error === null ? 'null' : typeof error} that cannot be shown`;
  }
}
