import { type Conversation, maskPersonalData } from '@cxqa/core';
import { ImportError } from './errors.js';
import { freshdeskImporter } from './freshdesk.js';
import { gorgiasImporter } from './gorgias.js';
import type { Importer, Vendor } from './importer.js';
import { intercomImporter } from './intercom.js';
import { type ByteSource, type ExportRecord, readExportRecords } from './records.js';
import { zendeskImporter } from './zendesk.js';

export { ImportError, type ImportErrorCode } from './errors.js';
export { type Importer, type InternalNote, VENDORS, type Vendor } from './importer.js';
export { type ByteSource, type ExportRecord, type FileFault, readExportRecords } from './records.js';

/** The importer of each helpdesk. */
export const IMPORTERS: Record<Vendor, Importer> = {
  zendesk: zendeskImporter,
  intercom: intercomImporter,
  freshdesk: freshdeskImporter,
  gorgias: gorgiasImporter,
};

/** Why one record was not imported: where it is in the file, the JSONPath in the record, the record's id when it has one. */
export interface ImportFailure {
  record: number;
  where: string;
  id?: string;
  code: ImportError['code'];
  path: string;
  message: string;
}

/** A fault of the file after its last record (data after a complete JSON array): no record, no id. */
export type ImportFileFailure = Omit<ImportFailure, 'record' | 'id'>;

/**
 * One outcome per record of the export, in file order, and at most one `fileFailure` after the
 * records (it is not a record: it is never counted as one).
 */
export type ImportOutcome = { record: number; conversation: Conversation } | { record: number; failure: ImportFailure } | { fileFailure: ImportFileFailure };

/**
 * Convert a helpdesk export (a byte stream: NDJSON, a JSON array or one API response; see
 * readExportRecords) into one outcome per record: a Conversation or the failure that names the
 * path. Every string of a failure is masked with core's `maskPersonalData` before it leaves (see
 * maskFailure). Unexpected exceptions are bugs and are thrown.
 */
export async function* importConversations(vendor: Vendor, source: ByteSource): AsyncGenerator<ImportOutcome> {
  const importer = IMPORTERS[vendor];
  for await (const record of readExportRecords(source, importer.listKeys)) {
    if ('fileError' in record) {
      yield { fileFailure: maskFailure({ where: record.where, code: record.fileError.code, path: record.fileError.path, message: detail(record.fileError) }) };
      continue;
    }
    if ('error' in record) {
      yield { record: record.index, failure: failure(record, record.error) };
      continue;
    }
    try {
      yield { record: record.index, conversation: await importer.convert(record.value) };
    } catch (e) {
      if (!(e instanceof ImportError)) throw e;
      yield { record: record.index, failure: failure(record, e) };
    }
  }
}

function failure(record: ExportRecord, error: ImportError): ImportFailure {
  const raw = 'value' in record ? (record.value.id ?? (record.value.ticket as { id?: unknown } | undefined)?.id) : undefined;
  const id = typeof raw === 'string' || typeof raw === 'number' ? String(raw) : undefined;
  return maskFailure({ record: record.index, where: record.where, ...(id ? { id } : {}), code: error.code, path: error.path, message: detail(error) });
}

/** The message of an ImportError without its `path: ` prefix. */
const detail = (error: ImportError): string => error.message.slice(error.path.length + 2);

/**
 * A failure as it may leave the engine: every string masked with core's `maskPersonalData`. The
 * message with the default sweep (every run of 7+ digits). The vendor id, `where` and `path` with
 * `digitRuns: 'formatted'`, as core masks a Result's conversation id: a plain ticket number such
 * as 35436 or 12345678901234567891 stays readable so the failure can be found in the helpdesk,
 * while an e-mail, a phone written as one (`+1 415 555 0199`), a card (Luhn) or an address used as
 * an id is masked. Idempotent.
 */
export function maskFailure<F extends ImportFileFailure & { id?: string }>(f: F): F {
  const locator = (s: string) => maskPersonalData(s, { digitRuns: 'formatted' });
  return {
    ...f,
    ...(f.id === undefined ? {} : { id: locator(f.id) }),
    where: locator(f.where),
    path: locator(f.path),
    message: maskPersonalData(f.message),
  };
}
