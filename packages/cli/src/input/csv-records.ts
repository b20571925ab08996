import { parse } from 'csv-parse/sync';
import type { Line } from './lines.js';

/** One CSV record: its cells, or why it could not be read. `line` is where it starts. */
export type CsvRecord = { line: number; cells: string[]; problem?: string } | { line: number; cells?: undefined; problem: string };

const REASONS: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: 'a quoted field is never closed',
  CSV_INVALID_CLOSING_QUOTE: 'a quoted field goes on after its closing quote (a quote inside quotes must be doubled: "")',
  INVALID_OPENING_QUOTE: 'a quote inside a field that does not start with one (quote the whole field and double the quote)',
};

/**
 * Parse decoded lines as RFC 4180 CSV with csv-parse. A record that cannot be parsed becomes
 * one record with a `problem` naming its line, and reading resumes on the next line, so one
 * broken quote never swallows the rest of the file. A record spanning a line with an encoding
 * problem carries that problem. Blank lines are skipped.
 */
export function parseCsvLines(lines: readonly Line[], delimiter: string, window = 2000): CsvRecord[] {
  const records: CsvRecord[] = [];
  const texts = lines.map((l) => l.text);
  let next = 0; // index of the first line not yet consumed
  // lines parsed per call: a broken record costs one call on a few lines, not the rest of the file;
  // the size starts small after an error and doubles on each success, up to `window`
  let size = window;
  while (next < lines.length) {
    const start = next;
    const end = Math.min(lines.length, start + size);
    try {
      parse(texts.slice(start, end).join('\n'), {
        delimiter,
        record_delimiter: '\n',
        raw: true,
        relax_column_count: true,
        skip_empty_lines: false,
        // with `raw`, csv-parse passes { record, raw } (its types say string[]); raw ends with the newline
        on_record: (parsed) => {
          const { record, raw } = parsed as unknown as { record: string[]; raw: string };
          const first = next;
          next += (raw.match(/\n/g)?.length ?? 0) + (raw.endsWith('\n') ? 0 : 1);
          if (record.length === 1 && !record[0]!.trim()) return null;
          const problem = lines.slice(first, next).find((l) => l.problem)?.problem;
          records.push(problem ? { line: first + 1, cells: record, problem } : { line: first + 1, cells: record });
          return null;
        },
      });
      next = end;
      size = Math.min(window, size * 2);
    } catch (e) {
      const code = (e as { code?: string }).code ?? '';
      if (code === 'CSV_QUOTE_NOT_CLOSED' && end < lines.length) {
        size *= 2; // a quoted field runs past the window: read on from its record with a larger one
        continue;
      }
      const reason = REASONS[code] ?? (e as Error).message.replace(/ at line \d+/, '');
      const line = lines[next]!;
      const found = start + ((e as { lines?: number }).lines ?? 1);
      const where = found > line.line ? ` (noticed on line ${found})` : '';
      records.push({
        line: line.line,
        problem: line.problem ?? `CSV line ${line.line} could not be read: ${reason}${where}; reading went on from line ${line.line + 1}`,
      });
      next++;
      size = Math.min(window, 16);
    }
  }
  return records;
}

/** The cells of one line read leniently, to recover e.g. the conversation id of a broken record. */
export function lenientCells(text: string, delimiter: string): string[] {
  try {
    return (parse(text, { delimiter, relax_quotes: true, relax_column_count: true }) as string[][])[0] ?? [];
  } catch {
    return text.split(delimiter);
  }
}
