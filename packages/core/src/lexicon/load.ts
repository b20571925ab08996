import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { CxqaError, describeZodIssues } from '../errors.js';
import type { Severity } from '../pipeline/validate/finding.js';
import { type Lexicon, type LexiconInput, LexiconSchema } from './schema.js';

export interface LexiconFileDefaults {
  id?: string;
  version?: string;
  category?: string;
  severity?: Severity;
  languages?: string[];
}

/**
 * Validate a lexicon given in code.
 *
 * @example
 * const shop = defineLexicon({ id: 'shop.banned', version: '1', defaults: { category: 'competitor', severity: 'minor' }, terms: ['acme', 'globex'] });
 */
export function defineLexicon(input: LexiconInput): Lexicon {
  const parsed = LexiconSchema.safeParse(input);
  if (!parsed.success) {
    const { issues, summary } = describeZodIssues(parsed.error);
    throw new CxqaError('invalid_option', `lexicon ${String((input as { id?: unknown })?.id ?? '')}: ${summary}`, { issues });
  }
  return parsed.data;
}

/**
 * Load a lexicon file: `.json` (the lexicon schema), `.txt` (one term a line, `#` comments,
 * optional `term<TAB>category<TAB>severity`) or `.csv` (`term,category,severity,languages,boundary`
 * header; languages separated by `;`). Id defaults to the file name, version to a content hash.
 *
 * @example
 * const zh = loadLexicon('../shared/corpora/lexicon-ldnoobw/zh.txt', { category: 'profanity', languages: ['zh'] });
 */
export function loadLexicon(path: string, defaults: LexiconFileDefaults = {}): Lexicon {
  let content: string;
  try {
    content = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  } catch (e) {
    throw new CxqaError('input_unreadable', `cannot read lexicon ${path}: ${(e as Error).message}`, { path: [path] });
  }
  const ext = extname(path).toLowerCase();
  const id =
    defaults.id ??
    basename(path, ext)
      .toLowerCase()
      .replace(/[^a-z0-9._-]+/g, '-')
      .replace(/^-+/, '') ??
    'lexicon';
  const version = defaults.version ?? createHash('sha1').update(content).digest('hex').slice(0, 12);
  const base = {
    category: defaults.category ?? 'sensitive',
    severity: defaults.severity ?? 'major',
    ...(defaults.languages ? { languages: defaults.languages } : {}),
  };
  if (ext === '.json') {
    try {
      const raw = JSON.parse(content) as Partial<LexiconInput>;
      return defineLexicon({ ...raw, id: raw.id ?? id, version: raw.version ?? version, terms: raw.terms ?? [], defaults: { ...base, ...raw.defaults } });
    } catch (e) {
      if (e instanceof CxqaError) throw new CxqaError(e.code, `${path}: ${e.message}`, { path: [path], ...(e.issues ? { issues: e.issues } : {}) });
      throw new CxqaError('invalid_option', `${path}: ${(e as Error).message}`, { path: [path] });
    }
  }
  const lines = content
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  if (ext === '.csv') {
    const [header = '', ...rows] = lines;
    const cols = header.split(',').map((h) => h.trim().toLowerCase());
    const at = (cells: string[], name: string) => (cols.indexOf(name) >= 0 ? cells[cols.indexOf(name)]?.trim() || undefined : undefined);
    const terms = rows.map((row) => {
      const cells = row.split(',');
      const langs = at(cells, 'languages');
      const boundary = at(cells, 'boundary');
      return {
        text: at(cells, 'term') ?? cells[0]!.trim(),
        ...(at(cells, 'category') ? { category: at(cells, 'category') } : {}),
        ...(at(cells, 'severity') ? { severity: at(cells, 'severity') as Severity } : {}),
        ...(langs ? { languages: langs.split(';').map((s) => s.trim()) } : {}),
        ...(boundary ? { boundary: boundary as 'word' | 'none' | 'start' } : {}),
      };
    });
    return defineLexicon({ id, version, defaults: base, terms });
  }
  const terms = lines.map((line) => {
    const [text = '', category, severity] = line.split('\t');
    return category ? { text, category, ...(severity ? { severity: severity as Severity } : {}) } : text;
  });
  return defineLexicon({ id, version, defaults: base, terms });
}
