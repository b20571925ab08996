import { once } from 'node:events';
import { createReadStream } from 'node:fs';
import { maskPersonalData } from '@cxqa/core';
import { type ImportFailure, importConversations, type Vendor } from '../importers/index.js';
import type { CliIo } from '../io.js';
import { assertReadableFile, openSink } from '../output/sink.js';

export interface ImportArgs {
  vendor: Vendor;
  /** The export; "-" reads stdin. */
  file: string;
  /** Conversations to this file instead of stdout. */
  out?: string | undefined;
  /** Failures as JSONL to this file instead of one line each on stderr. */
  errors?: string | undefined;
}

/**
 * `cxqa import VENDOR FILE`: one Conversation line per record that converts, one failure per
 * record that does not (to --errors as JSONL, else a line on stderr), and a summary on stderr.
 * Exit 0 when every record converted, 1 when some failed.
 */
export async function runImport(args: ImportArgs, io: CliIo): Promise<number> {
  if (args.file !== '-') assertReadableFile(args.file, 'FILE');
  const out = await openSink('--out', args.out, io.stdout);
  const errors = args.errors ? await openSink('--errors', args.errors, io.stderr) : undefined;
  const input = args.file === '-' ? io.stdin : createReadStream(args.file);
  let converted = 0;
  let failed = 0;
  let notes = 0;
  for await (const outcome of importConversations(args.vendor, input)) {
    if ('conversation' in outcome) {
      converted++;
      notes += Number(outcome.conversation.metadata?.internalNoteCount ?? 0);
      if (!out.stream.write(`${JSON.stringify(outcome.conversation)}\n`)) await once(out.stream, 'drain');
      continue;
    }
    failed++;
    if (errors) errors.stream.write(`${JSON.stringify({ ...outcome.failure, message: maskPersonalData(outcome.failure.message) })}\n`);
    else io.stderr.write(`cxqa import: ${describeFailure(outcome.failure)}\n`);
  }
  await Promise.all([out.close(), errors?.close()]);
  const total = converted + failed;
  io.stderr.write(
    `${args.vendor}: ${total} record${total === 1 ? '' : 's'}: ${converted} conversation${converted === 1 ? '' : 's'}, ${failed} failed; ${notes} internal note${notes === 1 ? '' : 's'} kept in metadata\n`,
  );
  return failed ? 1 : 0;
}

/**
 * `record 3 (line 3, id 35436): invalid_field at $.comments[1].created_at: …`. The message may
 * quote a value of the export, so it is masked; ids, places and paths are not personal data.
 */
export function describeFailure(f: ImportFailure): string {
  return `record ${f.record} (${f.where}${f.id ? `, id ${f.id}` : ''}): ${f.code} at ${f.path}: ${maskPersonalData(f.message)}`;
}
