export { parseCsv } from '@cxqa/core';
export { type EvalArgs, runEval } from './commands/eval.js';
export { type ImportArgs, runImport } from './commands/import.js';
export { type InspectArgs, runInspect } from './commands/inspect.js';
export { formatKpiTable } from './commands/report.js';
export { type CliConfig, CliConfigSchema, loadConfig } from './config.js';
export {
  type ExportRecord,
  type FileFault,
  IMPORTERS,
  ImportError,
  type ImportErrorCode,
  type Importer,
  type ImportFailure,
  type ImportFileFailure,
  type ImportOutcome,
  importConversations,
  maskFailure,
  readExportRecords,
  VENDORS,
  type Vendor,
} from './importers/index.js';
export { type CsvMapping, CsvMappingSchema, readCsvConversations } from './input/csv.js';
export { type InputRecord, readJsonl } from './input/jsonl.js';
export type { CliIo } from './io.js';
export { main, USAGE } from './main.js';
export { Summary } from './output/summary.js';
export { buildHtmlReport } from './report-html/build.js';
export { type Echarts, loadEcharts } from './report-html/charts.js';
export { createHtmlReportCollector, type HtmlReportCollector } from './report-html/collect.js';
export { createReportExtras, type ReportExtras, type ReportExtrasOptions } from './report-html/extras.js';
export type { FindingCount, HtmlReportInput, ReviewEvidence, ReviewItem } from './report-html/model.js';
