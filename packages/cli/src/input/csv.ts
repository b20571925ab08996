import { createReadStream } from 'node:fs';
import type { Issue } from '@cxqa/core';
import { z } from 'zod';
import { lenientCells, parseCsvLines } from './csv-records.js';
import type { InputRecord } from './jsonl.js';
import { type Line, readLines } from './lines.js';

/** Which CSV column holds which Conversation/Message field. Defaults match the field names. */
export const CsvMappingSchema = z.object({
  delimiter: z.string().length(1).default(','),
  columns: z
    .object({
      conversationId: z.string().default('conversation_id'),
      role: z.string().default('role'),
      text: z.string().default('text'),
      at: z.string().default('at'),
      authorId: z.string().default('author_id'),
      language: z.string().default('language'),
      customerCountry: z.string().default('customer_country'),
      customerTimezone: z.string().default('customer_timezone'),
      customerLocale: z.string().default('customer_locale'),
      agentId: z.string().default('agent_id'),
      inquiryType: z.string().default('inquiry_type'),
      platform: z.string().default('platform'),
      channel: z.string().default('channel'),
      resolved: z.string().default('resolved'),
      csat: z.string().default('csat'),
    })
    .prefault({}),
  /** Map the export's role values (case-insensitive) to cxqa roles. Merged over the defaults. */
  roles: z.record(z.string(), z.enum(['customer', 'agent', 'bot', 'system'])).default({}),
});
export type CsvMapping = z.output<typeof CsvMappingSchema>;

const DEFAULT_ROLES: Record<string, string> = {
  customer: 'customer',
  user: 'customer',
  'end-user': 'customer',
  end_user: 'customer',
  requester: 'customer',
  buyer: 'customer',
  client: 'customer',
  agent: 'agent',
  staff: 'agent',
  admin: 'agent',
  seller: 'agent',
  support: 'agent',
  operator: 'agent',
  bot: 'bot',
  automation: 'bot',
  chatbot: 'bot',
  system: 'system',
  note: 'system',
};

/**
 * Read a CSV export with one message per row and group the rows into conversations (in
 * order of first appearance). Each conversation is reported at the line of its first row.
 * A row that cannot be read (broken quoting, wrong number of fields, bytes that are not valid
 * in the file's encoding) makes its conversation `invalid` with an issue naming the line,
 * rather than scoring the conversation without it; a broken row whose conversation id cannot
 * be read is an invalid record of its own. Nothing is dropped silently.
 */
export async function* readCsvConversations(path: string, mapping: CsvMapping): AsyncGenerator<InputRecord> {
  const lines: Line[] = [];
  for await (const l of readLines(createReadStream(path))) lines.push(l);
  const [header, ...rows] = parseCsvLines(lines, mapping.delimiter);
  if (!header) return;
  if (!header.cells || header.problem) {
    const message = `CSV header (line ${header.line}) cannot be read: ${header.problem}`;
    yield { line: header.line, error: message, issues: [{ code: 'invalid_csv', message, line: header.line }] };
    return;
  }
  const names = header.cells;
  const col = (name: string) => names.findIndex((h) => h.trim() === name);
  const c = Object.fromEntries(Object.entries(mapping.columns).map(([k, v]) => [k, col(v)])) as Record<keyof CsvMapping['columns'], number>;
  const roles = { ...DEFAULT_ROLES, ...Object.fromEntries(Object.entries(mapping.roles).map(([k, v]) => [k.toLowerCase(), v])) };
  const missing = (['conversationId', 'role', 'text', 'at'] as const).filter((k) => c[k] < 0);
  if (missing.length) {
    const names = missing.map((k) => `"${mapping.columns[k]}"`).join(', ');
    yield { line: header.line, error: `CSV header has no column ${names} (map yours with csv.columns in --config)` };
    return;
  }
  const get = (cells: string[], k: keyof CsvMapping['columns']) => (c[k] >= 0 ? cells[c[k]]?.trim() || undefined : undefined);
  const convs = new Map<string, { line: number; conv: Record<string, unknown>; messages: unknown[]; issues: Issue[] }>();
  for (const row of rows) {
    const { line } = row;
    const cells = row.cells ?? lenientCells(lines[line - 1]!.text, mapping.delimiter);
    const id = get(cells, 'conversationId') ?? `(row ${line})`;
    let entry = convs.get(id);
    if (!entry) convs.set(id, (entry = { line, conv: { id }, messages: [], issues: [] }));
    const problem = row.problem ?? (cells.length === names.length ? undefined : `CSV line ${line} has ${cells.length} fields, the header has ${names.length}`);
    if (problem) {
      entry.issues.push({ code: /not valid UTF|NUL characters/.test(problem) ? 'invalid_encoding' : 'invalid_csv', message: problem, line });
      continue;
    }
    if (entry.messages.length === 0) Object.assign(entry.conv, conversationFields(cells, get));
    const rawRole = get(cells, 'role') ?? '';
    const message: Record<string, unknown> = { role: roles[rawRole.toLowerCase()] ?? rawRole, text: cells[c.text] ?? '', at: get(cells, 'at') };
    if (get(cells, 'authorId')) message.authorId = get(cells, 'authorId');
    if (get(cells, 'language')) message.language = get(cells, 'language');
    entry.messages.push(message);
  }
  for (const [id, e] of convs) {
    yield e.issues.length ? { line: e.line, id, error: e.issues[0]!.message, issues: e.issues } : { line: e.line, value: { ...e.conv, messages: e.messages } };
  }
}

/** The conversation-level fields, taken from the conversation's first row. */
function conversationFields(cells: string[], get: (cells: string[], k: keyof CsvMapping['columns']) => string | undefined): Record<string, unknown> {
  const customer = Object.fromEntries(
    [
      ['country', get(cells, 'customerCountry')],
      ['timezone', get(cells, 'customerTimezone')],
      ['locale', get(cells, 'customerLocale')],
    ].filter(([, v]) => v),
  );
  const resolved = get(cells, 'resolved');
  const csat = get(cells, 'csat');
  const conv: Record<string, unknown> = {};
  if (Object.keys(customer).length) conv.customer = customer;
  for (const k of ['agentId', 'inquiryType', 'platform', 'channel'] as const) if (get(cells, k)) conv[k] = get(cells, k);
  if (resolved) conv.resolved = /^(true|yes|1|y)$/i.test(resolved) ? true : /^(false|no|0|n)$/i.test(resolved) ? false : resolved;
  if (csat) conv.csat = Number.isFinite(Number(csat)) ? Number(csat) : csat;
  return conv;
}
