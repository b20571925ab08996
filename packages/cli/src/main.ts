import { parseCalibrateArgs, parseEvalArgs, parseImportArgs, parseInspectArgs } from './args.js';
import { parseAlertsArgs, parseReportArgs } from './args-kpi.js';
import { runAlerts } from './commands/alerts.js';
import { runAppeals } from './commands/appeals.js';
import { parseAppealsArgs } from './commands/appeals-args.js';
import { runCalibrate } from './commands/calibrate.js';
import { runEval } from './commands/eval.js';
import { runImport } from './commands/import.js';
import { runInspect } from './commands/inspect.js';
import { runQueue } from './commands/queue.js';
import { parseQueueArgs } from './commands/queue-args.js';
import { runReport } from './commands/report.js';
import { describeError, UsageError } from './errors.js';
import type { CliIo } from './io.js';
import { ALERTS_USAGE, APPEALS_USAGE, CALIBRATE_USAGE, EVAL_USAGE, IMPORT_USAGE, INSPECT_USAGE, QUEUE_USAGE, REPORT_USAGE, USAGE } from './usage.js';
import { CLI_VERSION } from './version.js';

export { USAGE } from './usage.js';

const COMMAND_USAGE: Record<string, string> = {
  inspect: INSPECT_USAGE,
  eval: EVAL_USAGE,
  calibrate: CALIBRATE_USAGE,
  import: IMPORT_USAGE,
  report: REPORT_USAGE,
  alerts: ALERTS_USAGE,
  queue: QUEUE_USAGE,
  appeals: APPEALS_USAGE,
};

const COMMANDS = Object.keys(COMMAND_USAGE).join(', ');

/**
 * Run the CLI with `argv` (without node and script). Resolves to the exit code: 0 done, 1 a
 * gate or --fail-on triggered, 2 a usage or input error (one line on stderr, no stack trace).
 *
 * @example
 * const code = await main(['inspect', 'export.jsonl', '--out', 'results.jsonl'], { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr });
 */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'inspect': {
        const args = parseInspectArgs(rest);
        return args === 'help' ? help(io, INSPECT_USAGE) : await runInspect(args, io);
      }
      case 'eval': {
        const args = parseEvalArgs(rest);
        return args === 'help' ? help(io, EVAL_USAGE) : await runEval(args, io);
      }
      case 'calibrate': {
        const args = parseCalibrateArgs(rest);
        return args === 'help' ? help(io, CALIBRATE_USAGE) : await runCalibrate(args, io);
      }
      case 'import': {
        const args = parseImportArgs(rest);
        return args === 'help' ? help(io, IMPORT_USAGE) : await runImport(args, io);
      }
      case 'report': {
        const args = parseReportArgs(rest);
        return args === 'help' ? help(io, REPORT_USAGE) : await runReport(args, io);
      }
      case 'alerts': {
        const args = parseAlertsArgs(rest);
        return args === 'help' ? help(io, ALERTS_USAGE) : await runAlerts(args, io);
      }
      case 'queue': {
        const args = parseQueueArgs(rest, io.env ?? process.env);
        return args === 'help' ? help(io, QUEUE_USAGE) : await runQueue(args, io);
      }
      case 'appeals': {
        const args = parseAppealsArgs(rest);
        return args === 'help' ? help(io, APPEALS_USAGE) : await runAppeals(args, io);
      }
      case '--version':
      case '-v':
        io.stdout.write(`${CLI_VERSION}\n`);
        return 0;
      case 'help':
      case '--help':
      case '-h': {
        const topic = rest[0];
        if (topic !== undefined && !COMMAND_USAGE[topic]) throw new UsageError(`help ${topic}: no such command (commands: ${COMMANDS})`);
        return help(io, topic ? COMMAND_USAGE[topic]! : USAGE);
      }
      case undefined:
        io.stderr.write(USAGE);
        return 2;
      default:
        throw new UsageError(`unknown command "${command}" (commands: ${COMMANDS}; see cxqa --help)`);
    }
  } catch (e) {
    io.stderr.write(`cxqa: ${describeError(e)}\n`);
    return 2;
  }
}

function help(io: CliIo, text: string): number {
  io.stdout.write(text);
  return 0;
}
