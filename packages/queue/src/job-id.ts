import { createHash } from 'node:crypto';
import type { Issue, Versions } from '@cxqa/core';
import { stringify } from 'safe-stable-stringify';

/** One input record as the CLI's readers give it: a parsed value, or why the line could not be read. */
export type QueueRecord = { line: number; value: unknown } | { line: number; error: string; id?: string; issues?: Issue[] };

/** What a job carries: the record, and the versions key it was enqueued for. */
export interface ConversationJobData {
  line: number;
  /** The conversation as given (validated by the worker's inspector). */
  conversation?: unknown;
  /** Why the record could not be read (then `conversation` is absent). */
  error?: string;
  id?: string;
  issues?: Issue[];
  /** `versionsKey(versions)` of the producer's inspector. */
  versions: string;
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** 12 hex characters naming engine, analyzer and scorecard versions (sha-256 of their key-sorted JSON). */
export function versionsKey(versions: Versions): string {
  return sha256(stringify(versions) ?? '').slice(0, 12);
}

/**
 * The idempotent job id of a record: `ID|CONTENT|VERSIONS` — the conversation id (URL-encoded, so
 * never a `:`, at most 200 characters; `line-N` when the record has none), 16 hex characters of
 * the sha-256 of the record's key-sorted JSON, and `versionsKey`. The same conversation enqueued
 * twice for the same engine is one job; a changed message or a new analyzer version is a new one.
 */
export function conversationJobId(record: QueueRecord, versions: Versions): string {
  const value = 'value' in record ? record.value : undefined;
  const ownId = (value as { id?: unknown } | undefined)?.id;
  const id = typeof ownId === 'string' && ownId ? ownId : 'error' in record && record.id ? record.id : `line-${record.line}`;
  const content = 'value' in record ? (stringify(record.value) ?? 'undefined') : `error:${record.line}:${record.error}`;
  return `${encodeURIComponent(id).slice(0, 200)}|${sha256(content).slice(0, 16)}|${versionsKey(versions)}`;
}

/** The job data for a record. */
export function jobData(record: QueueRecord, versions: Versions): ConversationJobData {
  const key = versionsKey(versions);
  if ('value' in record) return { line: record.line, conversation: record.value, versions: key };
  return {
    line: record.line,
    error: record.error,
    ...(record.id ? { id: record.id } : {}),
    ...(record.issues ? { issues: record.issues } : {}),
    versions: key,
  };
}
