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
 * The Conversation for a draft: internal notes counted and kept in metadata, absent fields
 * dropped, and the result checked with core's ConversationSchema (an issue → `invalid_field`
 * with its path, so nothing invalid is written).
 */
export function build(vendor: Vendor, draft: Draft): Conversation {
  const { notes, metadata, ...rest } = draft;
  const conversation = dropUndefined({
    ...rest,
    metadata: dropUndefined({ source: vendor, ...metadata, internalNoteCount: notes.length, internalNotes: notes.length ? notes : undefined }),
  });
  const parsed = ConversationSchema.safeParse(conversation);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ImportError('invalid_field', `(converted).${issue.path.join('.')}`, issue.message);
  }
  return parsed.data;
}

function dropUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
