/**
 * Benchmarks: `pnpm bench [--json FILE] [--stream N] [--cli-stream N] [--cli-stream-messages M] [--cli-stream-until ISO-TIME] [--report N] [--corpora DIR] [--baseline DIR] [--only baseline|pipeline|workers|cli-stream|import|report|lexicon|validate]`.
 * Timings live here, never in unit tests. Run with --expose-gc (the package script does).
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { benchBaseline } from './baseline.bench.js';
import { cliHeapFlat } from './cli-heap.bench.js';
import { benchImport } from './import.bench.js';
import { benchKb } from './kb.bench.js';
import { benchKpi } from './kpi.bench.js';
import { benchLangid } from './langid.bench.js';
import { benchLexicons } from './lexicon.bench.js';
import { benchLlm } from './llm.bench.js';
import { benchNormalize } from './normalize.bench.js';
import { benchPipeline } from './pipeline.bench.js';
import type { BenchRow } from './report.js';
import { benchReport } from './report-html.bench.js';
import { benchTransformers } from './transformers.bench.js';
import { benchTranslate } from './translate.bench.js';
import { benchValidate } from './validate.bench.js';
import { benchWorkers } from './workers.bench.js';

const { values } = parseArgs({
  options: {
    json: { type: 'string' },
    stream: { type: 'string', default: '100000' },
    /** Conversations through `cxqa inspect --workers 2` for the heap-flat check (0: skip). */
    'cli-stream': { type: 'string', default: '100000' },
    /** Messages per conversation of that stream (default 20; a short one reaches 1 M conversations in minutes). */
    'cli-stream-messages': { type: 'string', default: '20' },
    /** Stop feeding that stream at this time (ISO 8601, e.g. 2026-11-30T19:10:00Z): the run is then of the conversations fed until then, and says so. */
    'cli-stream-until': { type: 'string' },
    /** Results through report building (HTML + CSV) for time and peak memory (0: skip). */
    report: { type: 'string', default: '1000000' },
    corpora: { type: 'string', default: '../shared/corpora' },
    baseline: { type: 'string' },
    only: { type: 'string' },
  },
});
const log = (s: string) => process.stderr.write(`${s}\n`);
const rows: BenchRow[] = [];
if (values.only === 'baseline' && !values.baseline)
  throw new Error('--only baseline needs --baseline DIR (a checkout of an earlier commit with its dependencies installed)');
const cliStream = {
  count: Number(values['cli-stream']),
  messages: Number(values['cli-stream-messages']),
  ...(values['cli-stream-until'] ? { until: new Date(values['cli-stream-until']) } : {}),
};
if (cliStream.until && Number.isNaN(cliStream.until.getTime())) throw new Error(`--cli-stream-until ${values['cli-stream-until']}: not an ISO 8601 time`);
if (values.only === 'workers') rows.push(...(await benchWorkers(cliStream, log)));
else if (values.only === 'cli-stream') rows.push(...(await cliHeapFlat(cliStream.count, log, cliStream.messages, cliStream.until)));
else if (values.only === 'import') rows.push(...(await benchImport(20_000, log)));
else if (values.only === 'report') rows.push(...(await benchReport(Number(values.report), log)));
else if (values.only === 'lexicon') rows.push(...(await benchLexicons(resolve(values.corpora!), log)));
else if (values.only === 'validate') rows.push(...benchValidate(resolve(values.corpora!), log));
else if (values.only === 'pipeline') rows.push(...(await benchPipeline(Number(values.stream), resolve(values.corpora!), log)));
else if (values.only !== 'baseline') {
  rows.push(...benchNormalize());
  rows.push(...benchValidate(resolve(values.corpora!), log));
  rows.push(...(await benchPipeline(Number(values.stream), resolve(values.corpora!), log)));
  rows.push(...(await benchLangid(resolve(values.corpora!), log)));
  rows.push(...(await benchLexicons(resolve(values.corpora!), log)));
  rows.push(...(await benchKb(resolve(values.corpora!), log)));
  rows.push(...(await benchLlm(resolve(values.corpora!), log)));
  rows.push(...(await benchTranslate(resolve(values.corpora!), log)));
  rows.push(...(await benchTransformers(log)));
  rows.push(...(await benchWorkers(cliStream, log)));
  rows.push(...(await benchImport(20_000, log)));
  rows.push(...benchKpi(log));
  rows.push(...(await benchReport(Number(values.report), log)));
}
if (values.baseline) rows.push(...(await benchBaseline(resolve(values.baseline), resolve(values.corpora!), log)));

const width = Math.max(...rows.map((r) => r.benchmark.length));
for (const r of rows)
  process.stdout.write(`${r.benchmark.padEnd(width)}  ${r.subject.padEnd(6)}  ${r.metric.padEnd(32)} ${String(r.value).padStart(12)} ${r.unit ?? ''}\n`);
if (values.json) writeFileSync(values.json, `${JSON.stringify({ results: rows }, null, 2)}\n`);
