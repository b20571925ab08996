export { main, USAGE } from './main.js';
export type { CliIo } from './io.js';
export { runInspect, type InspectArgs } from './commands/inspect.js';
export { runEval, type EvalArgs } from './commands/eval.js';
export { readJsonl, type InputRecord } from './input/jsonl.js';
export { readCsvConversations, CsvMappingSchema, type CsvMapping } from './input/csv.js';
export { parseCsv } from '@cxqa/core';
export { loadConfig, CliConfigSchema, type CliConfig } from './config.js';
export { Summary } from './output/summary.js';
