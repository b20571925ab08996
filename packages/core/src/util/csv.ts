import { parse } from 'csv-parse/sync';
import { CxqaError } from '../errors.js';

/**
 * RFC 4180 CSV (quoted fields, doubled quotes, separators and newlines inside quotes, CRLF, a
 * leading BOM), read by `csv-parse`. Returns rows with the 1-based line number where each row
 * starts; blank lines hold no row. A quote left open is an error naming its line, never a field
 * that swallows the rest of the file.
 *
 * @throws CxqaError `input_unreadable` with the line, e.g. `CSV line 3: a quoted field opens here and is never closed`.
 * @example
 * parseCsv('a,b\n"x, y",2\n'); // [{ line: 1, cells: ['a', 'b'] }, { line: 2, cells: ['x, y', '2'] }]
 */
export function parseCsv(text: string, delimiter = ','): { line: number; cells: string[] }[] {
  try {
    const records = parse(text, {
      delimiter,
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      record_delimiter: ['\r\n', '\n', '\r'],
    }) as unknown as {
      record: string[];
      info: { lines: number };
    }[];
    const rows: { line: number; cells: string[] }[] = [];
    // info.lines is the line a record ends on; the line breaks inside its quoted fields lead back to its start
    for (const { record, info } of records) {
      let inside = 0;
      for (const cell of record) inside += cell.match(/\r\n|\n|\r/g)?.length ?? 0;
      rows.push({ line: info.lines - inside, cells: record });
    }
    return rows;
  } catch (e) {
    // csv-parse names the line where it gave up (the end of the file); the quote opened earlier
    const line = (e as { code?: string }).code === 'CSV_QUOTE_NOT_CLOSED' ? openQuoteLine(text) : (e as { lines?: number }).lines;
    const why = (e as { code?: string }).code === 'CSV_QUOTE_NOT_CLOSED' ? 'a quoted field opens here and is never closed' : (e as Error).message;
    throw new CxqaError('input_unreadable', `CSV${line ? ` line ${line}` : ''}: ${why}`, { cause: e });
  }
}

/** The line where a quote opens that no later quote closes: the last line after which the count of quotes stays odd. */
function openQuoteLine(text: string): number {
  let odd = false;
  let opened = 1;
  const lines = text.split(/\r\n|\n|\r/);
  lines.forEach((l, i) => {
    const before = odd;
    for (let k = 0; k < l.length; k++) if (l[k] === '"') odd = !odd;
    if (!before && odd) opened = i + 1;
  });
  return opened;
}
