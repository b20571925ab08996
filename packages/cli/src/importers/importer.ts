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

/**
 * The items in time order by `at` (ISO timestamps with offsets, compared as instants), stable:
 * equal times keep their order. An item without a readable time keeps its place after the item
 * before it — it moves with the nearest timed item above it (items before the first timed one
 * stay first) — so the order is a sort of runs "timed item + the untimed ones after it" by their
 * time and position: a total order, where comparing an untimed item with each timed one by
 * position alone was not transitive once both kinds mixed. Already sorted input comes back as a
 * copy in the same order.
 */
export function inTimeOrder<T extends { at?: string | undefined }>(items: readonly T[]): T[] {
  const time = (x: T) => (x.at === undefined ? Number.NaN : Date.parse(x.at));
  const runs: { t: number; i: number; items: T[] }[] = [];
  for (const [i, item] of items.entries()) {
    const t = time(item);
    const last = runs.at(-1);
    if (Number.isNaN(t) && last) last.items.push(item);
    else runs.push({ t: Number.isNaN(t) ? Number.NEGATIVE_INFINITY : t, i, items: [item] });
  }
  return runs.sort((a, b) => a.t - b.t || a.i - b.i).flatMap((r) => r.items);
}

function dropUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
