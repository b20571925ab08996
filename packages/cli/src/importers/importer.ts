import { type Conversation, ConversationSchema, type Message } from '@cxqa/core';
import { ImportError } from './errors.js';
import type { Json } from './fields.js';

/** The helpdesks `cxqa import` reads. */
export const VENDORS = ['zendesk', 'intercom', 'freshdesk', 'gorgias'] as const;
export type Vendor = (typeof VENDORS)[number];

/**
 * One helpdesk's mapping: a plain object. `convert` turns one ticket / conversation record into
 * a Conversation or throws an ImportError naming the JSONPath of what it could not read.
 */
export interface Importer {
  vendor: Vendor;
  /** Keys of an API list response whose array holds the records (`{"tickets": [...]}`). */
  listKeys: readonly string[];
  convert(record: Json): Promise<Conversation>;
}

/** A note only agents see: left out of `messages`, kept in `metadata.internalNotes`. */
export interface InternalNote {
  at: string;
  authorId?: string;
  text: string;
}

/** What every importer fills in; `build` validates it against the Conversation schema. */
export interface Draft extends Omit<Conversation, 'messages' | 'metadata'> {
  messages: Message[];
  notes: InternalNote[];
  metadata: Record<string, unknown>;
}

/**
 * The Conversation for a draft: messages and notes in time order (an export or API page may list
 * parts out of order; equal times keep the export's order, and `metadata.reordered` says so when
 * anything moved), internal notes counted and kept in metadata, absent fields dropped, and the
 * result checked with core's ConversationSchema (an issue → `invalid_field` with its path, so
 * nothing invalid is written).
 */
export function build(vendor: Vendor, draft: Draft): Conversation {
  const { notes, metadata, ...rest } = draft;
  const messages = inTimeOrder(draft.messages);
  const reordered = messages.some((m, i) => m !== draft.messages[i]);
  const sortedNotes = inTimeOrder(notes);
  const conversation = dropUndefined({
    ...rest,
    messages,
    metadata: dropUndefined({
      source: vendor,
      ...metadata,
      reordered: reordered || undefined,
      internalNoteCount: notes.length,
      internalNotes: notes.length ? sortedNotes : undefined,
    }),
  });
  const parsed = ConversationSchema.safeParse(conversation);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ImportError('invalid_field', `(converted).${issue.path.join('.')}`, issue.message);
  }
  return parsed.data;
}

/** A stable sort by `at` (ISO timestamps with offsets, compared as instants); entries without a readable time keep their place relative to each other. */
function inTimeOrder<T extends { at?: string | undefined }>(items: readonly T[]): T[] {
  const time = (x: T) => (x.at === undefined ? Number.NaN : Date.parse(x.at));
  if (items.every((x, i) => i === 0 || !(time(items[i - 1]!) > time(x)))) return [...items];
  return items
    .map((item, i) => ({ item, i, t: time(item) }))
    .sort((a, b) => (Number.isNaN(a.t) || Number.isNaN(b.t) ? a.i - b.i : a.t - b.t || a.i - b.i))
    .map((x) => x.item);
}

function dropUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
