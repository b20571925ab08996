/**
 * The issue-16 re-layout of packages/core (decision 89): which file moved where, and a fixer for
 * the relative imports of files written against the old layout (a branch made before the move).
 *
 *   node --import tsx scripts/relayout-core.ts --fix FILE…   rewrite the relative import specifiers of FILE…
 *   node --import tsx scripts/relayout-core.ts --move        (once, done) git mv every entry, then --fix every file
 *
 * Merging a branch made before the move (tried with speed2: tsc and its tests pass): git follows the
 * renames; where a conflict is only in an import block, keep that branch's import lines, then run
 * `--fix` on every core file (it is idempotent) and `npx biome check --write packages/core` (import order):
 *
 *   node --import tsx scripts/relayout-core.ts --fix $(git ls-files -co --exclude-standard 'packages/core/*.ts')
 *
 * A file the branch added to an emptied folder (`src/analyzer/`) goes to the new one (git proposes it).
 *
 * A specifier is rewritten when, read from where its file used to be, it names a file that moved:
 * `../pii/mask.js` in a file that stays in `src/pipeline/` becomes `../analyzers/sensitive/pii/mask.js`.
 * Specifiers of files that did not move, and every non-relative one, are left alone. Paths are
 * relative to packages/core; MOVES lists files or whole folders, longest match first.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, posix, relative, resolve } from 'node:path';

const CORE = resolve(import.meta.dirname, '../packages/core');

/** [old, new], both relative to packages/core: a file (with its extension) or a folder. */
export const MOVES: readonly (readonly [string, string])[] = [
  ['src/schemas', 'src/pipeline/validate'],
  ['src/normalize', 'src/pipeline/normalize'],
  ['src/translate/translator.ts', 'src/pipeline/normalize/translator.ts'],
  ['src/pipeline/context.ts', 'src/pipeline/normalize/context.ts'],
  ['src/analyzer/contract.ts', 'src/pipeline/analyze/contract.ts'],
  ['src/pipeline/run-analyzer.ts', 'src/pipeline/analyze/run-analyzer.ts'],
  ['src/pipeline/merge-findings.ts', 'src/pipeline/analyze/merge-findings.ts'],
  ['src/scorecard', 'src/pipeline/score'],
  ['src/pipeline/result.ts', 'src/pipeline/score/result.ts'],
  ['src/pipeline/mask-result.ts', 'src/pipeline/score/mask-result.ts'],
  ['src/pipeline/conversation-facts.ts', 'src/pipeline/score/conversation-facts.ts'],
  ['src/pii', 'src/analyzers/sensitive/pii'],
  ['src/policy', 'src/analyzers/sensitive/policy'],
  ['src/sentiment', 'src/analyzers/sentiment/model'],
  ['src/politeness', 'src/analyzers/courtesy/politeness'],
  ['src/kb', 'src/analyzers/kb/knowledge'],
  ['test/backlog.test.ts', 'src/kpi/backlog.test.ts'],
  ['test/kpi-input-checks.test.ts', 'src/kpi/kpi-input-checks.test.ts'],
  ['test/kpi-quantiles.test.ts', 'src/kpi/kpi-quantiles.test.ts'],
  ['test/kpi.test.ts', 'src/kpi/kpi.test.ts'],
  ['test/kpi-result.ts', 'src/kpi/kpi-result.fixture.ts'],
  ['test/conduct.test.ts', 'src/analyzers/courtesy/conduct.test.ts'],
  ['test/courtesy.test.ts', 'src/analyzers/courtesy/courtesy.test.ts'],
  ['test/conformance.test.ts', 'src/conformance/conformance.test.ts'],
  ['test/csv.test.ts', 'src/util/csv.test.ts'],
  ['test/json-schemas.test.ts', 'src/pipeline/validate/json-schemas.test.ts'],
  ['test/kb.test.ts', 'src/analyzers/kb/kb.test.ts'],
  ['test/langid-prior.test.ts', 'src/langid/langid-prior.test.ts'],
  ['test/langid.test.ts', 'src/langid/langid.test.ts'],
  ['test/lexicon.test.ts', 'src/lexicon/lexicon.test.ts'],
  ['test/linear-regex.test.ts', 'src/util/linear-regex.test.ts'],
  ['test/live-session.test.ts', 'src/pipeline/live-session.test.ts'],
  ['test/matcher.test.ts', 'src/matcher/matcher.test.ts'],
  ['test/normalize.test.ts', 'src/pipeline/normalize/normalize.test.ts'],
  ['test/package-file.test.ts', 'src/util/package-file.test.ts'],
  ['test/pii-context.test.ts', 'src/analyzers/sensitive/pii/pii-context.test.ts'],
  ['test/pii-kinds.test.ts', 'src/analyzers/sensitive/pii/pii-kinds.test.ts'],
  ['test/pii.test.ts', 'src/analyzers/sensitive/pii/pii.test.ts'],
  ['test/pipeline.test.ts', 'src/pipeline/pipeline.test.ts'],
  ['test/policy.test.ts', 'src/analyzers/sensitive/policy/policy.test.ts'],
  ['test/result-facts.test.ts', 'src/pipeline/score/result-facts.test.ts'],
  ['test/scorecard.test.ts', 'src/pipeline/score/scorecard.test.ts'],
  ['test/sensitive.test.ts', 'src/analyzers/sensitive/sensitive.test.ts'],
  ['test/sentiment-analyzer.test.ts', 'src/analyzers/sentiment/sentiment-analyzer.test.ts'],
  ['test/sentiment-model.test.ts', 'src/analyzers/sentiment/model/sentiment-model.test.ts'],
  ['test/text-utils.test.ts', 'src/text/text-utils.test.ts'],
  ['test/timing-analyzer.test.ts', 'src/analyzers/timing/timing-analyzer.test.ts'],
  ['test/timing-calendar.test.ts', 'src/analyzers/timing/timing-calendar.test.ts'],
  ['test/timing-holidays.test.ts', 'src/analyzers/timing/timing-holidays.test.ts'],
  ['test/translation.test.ts', 'src/pipeline/normalize/translation.test.ts'],
  // folders emptied by the moves above: a file another branch adds there belongs in the new place
  ['src/analyzer', 'src/pipeline/analyze'],
  ['src/translate', 'src/pipeline/normalize'],
];

const EXTENSIONS = ['.ts', '.js', '.mjs', '.json', '.d.ts'];
const stem = (path: string): string => path.replace(/\.(?:d\.ts|ts|js|mjs|json)$/, '');

/** Map `path` (relative to packages/core) through MOVES, from one side to the other; unmoved paths come back as they are. */
function mapPath(path: string, from: 0 | 1): string {
  const to = from === 0 ? 1 : 0;
  const entries = [...MOVES].sort((a, b) => b[from].length - a[from].length);
  for (const entry of entries) {
    const source = stem(entry[from]);
    const target = stem(entry[to]);
    const bare = stem(path);
    if (bare === source) return target + path.slice(bare.length);
    if (path.startsWith(`${entry[from]}/`)) return entry[to] + path.slice(entry[from].length);
  }
  return path;
}

function existsAsModule(path: string): boolean {
  const full = join(CORE, path);
  return existsSync(full) || EXTENSIONS.some((ext) => existsSync(join(CORE, stem(path) + ext)));
}

const SPECIFIER = /(\bfrom\s+|\bimport\s*\(\s*|\bimport\s+|\bvi\.mock\(\s*|\brequire\(\s*)(['"])(\.{1,2}\/[^'"]+)\2/g;

/**
 * The folders a file now in `dir` may have been written in: where it was if it moved (MOVES), else
 * `dir` itself, then every old folder whose files moved into `dir` (a file another branch added
 * beside them, e.g. in `src/analyzer/` that git placed in `src/pipeline/analyze/`).
 */
function formerDirs(file: string): string[] {
  const dir = posix.dirname(file);
  const dirs = [posix.dirname(mapPath(file, 1)), dir];
  for (const [from, to] of MOVES) {
    if (/\.ts$/.test(to) ? posix.dirname(to) === dir : to === dir) dirs.push(/\.ts$/.test(from) ? posix.dirname(from) : from);
  }
  return [...new Set(dirs)];
}

/** The file's text with every relative specifier that named a moved file pointing at its new place. */
export function fixSpecifiers(file: string, text: string): string {
  const now = posix.normalize(relative(CORE, resolve(file)).split('\\').join('/'));
  const dirs = formerDirs(now);
  return text.replace(SPECIFIER, (whole, lead: string, quote: string, spec: string) => {
    for (const dir of dirs) {
      const newTarget = mapPath(posix.join(dir, spec), 0);
      if (!existsAsModule(newTarget)) continue;
      let rel = posix.relative(posix.dirname(now), newTarget);
      if (!rel.startsWith('.')) rel = `./${rel}`;
      return `${lead}${quote}${rel}${quote}`;
    }
    return whole;
  });
}

function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(?:ts|mjs)$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

function fix(files: string[]): void {
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const fixed = fixSpecifiers(file, text);
    if (fixed !== text) {
      writeFileSync(file, fixed);
      process.stdout.write(`fixed ${relative(process.cwd(), file)}\n`);
    }
  }
}

if (process.argv.includes('--move')) {
  for (const [from, to] of MOVES) {
    const source = join(CORE, from);
    if (!existsSync(source)) continue;
    const target = join(CORE, to);
    mkdirSync(dirname(target), { recursive: true });
    if (!from.endsWith('.ts') && existsSync(target)) {
      for (const name of readdirSync(source)) execFileSync('git', ['mv', join(source, name), join(target, name)], { cwd: CORE });
    } else {
      execFileSync('git', ['mv', source, target], { cwd: CORE });
    }
  }
  fix([...sourceFiles(join(CORE, 'src')), ...sourceFiles(join(CORE, 'test'))]);
} else if (process.argv[2] === '--fix') {
  fix(process.argv.slice(3).map((f) => resolve(f)));
}
