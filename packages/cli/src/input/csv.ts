import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { parseCsv } from '@cxqa/core';
import type { InputRecord } from './jsonl.js';

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
  customer: 'customer', user: 'customer', 'end-user': 'customer', end_user: 'customer', requester: 'customer', buyer: 'customer', client: 'customer',
  agent: 'agent', staff: 'agent', admin: 'agent', seller: 'agent', support: 'agent', operator: 'agent',
  bot: 'bot', automation: 'bot', chatbot: 'bot', system: 'system', note: 'system',
};

/**
 * Read a CSV export with one message per row and group the rows into conversations (in
 * order of first appearance). Each conversation is reported at the line of its first row.
 */
export function readCsvConversations(path: string, mapping: CsvMapping): InputRecord[] {
  const table = parseCsv(readFileSync(path, 'utf8'), mapping.delimiter);
  const [header, ...rows] = table;
  if (!header) return [];
  const col = (name: string) => header.cells.findIndex((h) => h.trim() === name);
  const c = Object.fromEntries(Object.entries(mapping.columns).map(([k, v]) => [k, col(v)])) as Record<keyof CsvMapping['columns'], number>;
  const roles = { ...DEFAULT_ROLES, ...Object.fromEntries(Object.entries(mapping.roles).map(([k, v]) => [k.toLowerCase(), v])) };
  const missing = (['conversationId', 'role', 'text', 'at'] as const).filter((k) => c[k] < 0);
  if (missing.length) {
    const names = missing.map((k) => `"${mapping.columns[k]}"`).join(', ');
    return [{ line: header.line, error: `CSV header has no column ${names} (map yours with csv.columns in --config)` }];
  }
  const get = (cells: string[], k: keyof CsvMapping['columns']) => (c[k] >= 0 ? cells[c[k]]?.trim() || undefined : undefined);
  const convs = new Map<string, { line: number; conv: Record<string, unknown>; messages: unknown[] }>();
  for (const { line, cells } of rows) {
    const id = get(cells, 'conversationId') ?? `(row ${line})`;
    let entry = convs.get(id);
    if (!entry) {
      const customer = Object.fromEntries(
        [['country', get(cells, 'customerCountry')], ['timezone', get(cells, 'customerTimezone')], ['locale', get(cells, 'customerLocale')]].filter(([, v]) => v),
      );
      const resolved = get(cells, 'resolved');
      const csat = get(cells, 'csat');
      const conv: Record<string, unknown> = { id };
      if (Object.keys(customer).length) conv.customer = customer;
      for (const k of ['agentId', 'inquiryType', 'platform', 'channel'] as const) if (get(cells, k)) conv[k] = get(cells, k);
      if (resolved) conv.resolved = /^(true|yes|1|y)$/i.test(resolved) ? true : /^(false|no|0|n)$/i.test(resolved) ? false : resolved;
      if (csat) conv.csat = Number.isFinite(Number(csat)) ? Number(csat) : csat;
      convs.set(id, (entry = { line, conv, messages: [] }));
    }
    const rawRole = get(cells, 'role') ?? '';
    const message: Record<string, unknown> = { role: roles[rawRole.toLowerCase()] ?? rawRole, text: c.text >= 0 ? (cells[c.text] ?? '') : '', at: get(cells, 'at') };
    if (get(cells, 'authorId')) message.authorId = get(cells, 'authorId');
    if (get(cells, 'language')) message.language = get(cells, 'language');
    entry.messages.push(message);
  }
  return [...convs.values()].map((e) => ({ line: e.line, value: { ...e.conv, messages: e.messages } }));
}
