import type { Conversation } from '@cxqa/core';
import { ImportError } from './errors.js';
import { freshdeskImporter } from './freshdesk.js';
import { gorgiasImporter } from './gorgias.js';
import type { Importer, Vendor } from './importer.js';
import { intercomImporter } from './intercom.js';
import { type ByteSource, type ExportRecord, readExportRecords } from './records.js';
import { zendeskImporter } from './zendesk.js';

export { ImportError, type ImportErrorCode } from './errors.js';
export { type Importer, type InternalNote, VENDORS, type Vendor } from './importer.js';
export { type ByteSource, type ExportRecord, readExportRecords } from './records.js';

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

/** One outcome per record of the export, in file order. */
export type ImportOutcome = { record: number; conversation: Conversation } | { record: number; failure: ImportFailure };

/**
 * Convert a helpdesk export (a byte stream: NDJSON, a JSON array or one API response; see
 * readExportRecords) into one outcome per record: a Conversation or the failure that names the
 * path. Unexpected exceptions are bugs and are thrown.
 */
export async function* importConversations(vendor: Vendor, source: ByteSource): AsyncGenerator<ImportOutcome> {
  const importer = IMPORTERS[vendor];
  for await (const record of readExportRecords(source, importer.listKeys)) {
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
  const message = error.message.slice(error.path.length + 2);
  return { record: record.index, where: record.where, ...(id ? { id } : {}), code: error.code, path: error.path, message };
}
