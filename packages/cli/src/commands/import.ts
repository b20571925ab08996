import { once } from 'node:events';
import { createReadStream } from 'node:fs';
import { type ImportFailure, type ImportFileFailure, importConversations, type Vendor } from '../importers/index.js';
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
  let fileFaults = 0;
  for await (const outcome of importConversations(args.vendor, input)) {
    if ('conversation' in outcome) {
      converted++;
      notes += Number(outcome.conversation.metadata?.internalNoteCount ?? 0);
      if (!out.stream.write(`${JSON.stringify(outcome.conversation)}\n`)) await once(out.stream, 'drain');
      continue;
    }
    const fault = 'failure' in outcome ? outcome.failure : outcome.fileFailure;
    if ('failure' in outcome) failed++;
    else fileFaults++;
    if (errors) errors.stream.write(`${JSON.stringify(fault)}\n`);
    else io.stderr.write(`cxqa import: ${describeFailure(fault)}\n`);
  }
  await Promise.all([out.close(), errors?.close()]);
  const total = converted + failed;
  io.stderr.write(
    `${args.vendor}: ${total} record${total === 1 ? '' : 's'}: ${converted} conversation${converted === 1 ? '' : 's'}, ${failed} failed; ${notes} internal note${notes === 1 ? '' : 's'} kept in metadata${fileFaults ? '; the file has data after its last record' : ''}\n`,
  );
  return failed || fileFaults ? 1 : 0;
}

/**
 * `record 3 (line 3, id 35436): invalid_field at $.comments[1].created_at: …`, or for a fault of
 * the file `file (after $[1]): invalid_json at $: …`. Its strings come masked from importConversations.
 */
export function describeFailure(f: ImportFailure | ImportFileFailure): string {
  const head = 'record' in f ? `record ${f.record} (${f.where}${f.id ? `, id ${f.id}` : ''})` : `file (${f.where})`;
  return `${head}: ${f.code} at ${f.path}: ${f.message}`;
}
