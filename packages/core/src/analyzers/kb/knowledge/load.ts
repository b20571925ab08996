import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { CxqaError, describeZodIssues } from '../../../errors.js';
import { parseCsv } from '../../../util/csv.js';
import { parsingUserData } from '../../../util/pattern-engine.js';
import { type KnowledgeBase, KnowledgeBaseSchema } from './schema.js';

/** Validate a knowledge base object; errors name the entry and field (`entries.3.facts.0.value`). */
export function parseKnowledgeBase(data: unknown, source = 'knowledge base'): KnowledgeBase {
  // `mustMention` patterns must compile on RE2 (see util/pattern-engine.ts)
  const parsed = parsingUserData(() => KnowledgeBaseSchema.safeParse(data));
  if (!parsed.success) {
    const { issues, summary } = describeZodIssues(parsed.error);
    throw new CxqaError('invalid_config', `${source}: ${summary}`, { path: [source], issues });
  }
  const seen = new Set<string>();
  for (const [i, e] of parsed.data.entries.entries()) {
    if (seen.has(e.id)) throw new CxqaError('invalid_config', `${source}: entries.${i}.id: duplicate id "${e.id}"`, { path: [source, 'entries', i, 'id'] });
    seen.add(e.id);
  }
  return parsed.data;
}

/** `name=value unit; name=value` (CSV `facts` column) → facts. `yes`/`no` become booleans. */
function parseFacts(cell: string): { name: string; value: number | boolean | string; unit?: string }[] {
  return cell
    .split(';')
    .map((f) => f.trim())
    .filter(Boolean)
    .map((f) => {
      const eq = f.indexOf('=');
      const name = f.slice(0, eq).trim();
      const raw = f.slice(eq + 1).trim();
      const num = /^(-?\d+(?:\.\d+)?)\s*(.*)$/.exec(raw);
      if (/^(?:yes|true)$/i.test(raw)) return { name, value: true };
      if (/^(?:no|false)$/i.test(raw)) return { name, value: false };
      return num ? { name, value: Number(num[1]), ...(num[2] ? { unit: num[2] } : {}) } : { name, value: raw };
    });
}

const splitList = (cell: string | undefined) =>
  cell
    ? cell
        .split('|')
        .map((s) => s.trim())
        .filter(Boolean)
    : [];

/**
 * Load a knowledge base from `.json` (`{ version, entries }`), `.jsonl` (one entry per line),
 * `.csv` (columns id, intent, questions (`|`-separated), answer, facts (`name=value unit; …`),
 * mustMention (`|`), language, tags (`|`)) or `.yaml`/`.yml`. Without a `version` (JSONL, CSV),
 * the version is the file name plus a hash of its content.
 *
 * @example
 * const kb = await loadKnowledgeBase('fixtures/kb/kb.json');
 */
export async function loadKnowledgeBase(path: string): Promise<KnowledgeBase> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new CxqaError('input_unreadable', `${path}: ${(e as Error).message}`, { path: [path] });
  }
  const version = `${basename(path)}@${contentHash(text)}`;
  const fail = (where: string, message: string) => new CxqaError('invalid_config', `${path}:${where}: ${message}`, { path: [path] });
  if (/\.jsonl$/i.test(path)) {
    const entries = text
      .split(/\r?\n/)
      .map((line, i) => [line, i + 1] as const)
      .filter(([l]) => l.trim())
      .map(([line, n]) => {
        try {
          return JSON.parse(line) as unknown;
        } catch (e) {
          throw fail(String(n), `not JSON (${(e as Error).message})`);
        }
      });
    return parseKnowledgeBase({ version, entries }, path);
  }
  if (/\.csv$/i.test(path)) {
    const [header, ...rows] = parseCsv(text);
    const col = (name: string) => header?.cells.indexOf(name) ?? -1;
    if (col('id') < 0 || col('answer') < 0) throw fail('1', 'a KB CSV needs at least the columns id and answer');
    const cell = (r: { cells: string[] }, name: string) => (col(name) >= 0 ? r.cells[col(name)] : undefined);
    const entries = rows.map((r) => ({
      id: cell(r, 'id'),
      intent: cell(r, 'intent') || undefined,
      questions: splitList(cell(r, 'questions')),
      answer: cell(r, 'answer') ?? '',
      facts: cell(r, 'facts') ? parseFacts(cell(r, 'facts')!) : undefined,
      mustMention: splitList(cell(r, 'mustMention')),
      language: cell(r, 'language') || 'en',
      tags: splitList(cell(r, 'tags')),
    }));
    return parseKnowledgeBase({ version, entries }, path);
  }
  let data: unknown;
  try {
    data = /\.ya?ml$/i.test(path) ? (await import('yaml')).parse(text) : JSON.parse(text);
  } catch (e) {
    throw fail('', (e as Error).message);
  }
  const obj = data as { version?: unknown };
  return parseKnowledgeBase(obj && typeof obj === 'object' && !('version' in obj) ? { ...obj, version } : data, path);
}

function contentHash(text: string): string {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return (h >>> 0).toString(16).padStart(8, '0');
}
