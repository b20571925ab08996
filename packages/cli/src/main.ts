import { parseArgs } from 'node:util';
import { isCxqaError } from '@cxqa/core';
import { EVAL_TASKS } from '@cxqa/eval';
import { runEval } from './commands/eval.js';
import { runInspect } from './commands/inspect.js';
import type { CliIo } from './io.js';

export const USAGE = `cxqa — explainable QA scores for customer-service conversations

Usage:
  cxqa inspect FILE [--config FILE] [--out FILE] [--concurrency N] [--format jsonl|pretty]
                    [--fail-on invalid|partial|breach|fail]...
      FILE is JSONL (one Conversation per line; "-" reads stdin) or .csv (one message per row,
      columns mapped by "csv" in --config). Writes one Result per input record, in order.
  cxqa eval [--corpora DIR] [--fixtures DIR] [--json FILE] [--thresholds FILE] [--task NAME]...
            [--no-gate]
      Measures the analyzers on labelled corpora (default ../shared/corpora) and fixtures
      (default ./fixtures); exits 1 when a metric is below its committed threshold.

Exit codes: 0 ok · 1 --fail-on triggered or a threshold failed · 2 usage or input error.
`;

/**
 * Run the CLI with `argv` (without node and script). Resolves to the exit code.
 *
 * @example
 * const code = await main(['inspect', 'export.jsonl', '--out', 'results.jsonl'], { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr });
 */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === 'inspect') {
      const { values, positionals } = parseArgs({
        args: rest,
        allowPositionals: true,
        options: {
          config: { type: 'string' }, out: { type: 'string' }, concurrency: { type: 'string' },
          format: { type: 'string' }, 'fail-on': { type: 'string', multiple: true },
        },
      });
      if (positionals.length !== 1) throw new UsageError('inspect takes exactly one FILE');
      const concurrency = values.concurrency === undefined ? undefined : Number(values.concurrency);
      if (concurrency !== undefined && !(Number.isInteger(concurrency) && concurrency > 0)) throw new UsageError(`--concurrency ${values.concurrency}: expected a positive integer`);
      if (values.format !== undefined && values.format !== 'jsonl' && values.format !== 'pretty') throw new UsageError(`--format ${values.format}: expected jsonl or pretty`);
      return await runInspect(
        { file: positionals[0]!, config: values.config, out: values.out, concurrency, format: values.format as 'jsonl' | 'pretty' | undefined, failOn: (values['fail-on'] ?? []).flatMap((v) => v.split(',')) },
        io,
      );
    }
    if (command === 'eval') {
      const { values } = parseArgs({
        args: rest,
        options: {
          corpora: { type: 'string', default: '../shared/corpora' }, fixtures: { type: 'string', default: 'fixtures' },
          json: { type: 'string' }, thresholds: { type: 'string' }, task: { type: 'string', multiple: true }, 'no-gate': { type: 'boolean', default: false },
        },
      });
      const known = EVAL_TASKS.map((t) => t.name);
      const unknown = (values.task ?? []).filter((t) => !known.includes(t));
      if (unknown.length) throw new UsageError(`--task ${unknown.join(', ')}: no such task (tasks: ${known.join(', ')})`);
      return await runEval({ corpora: values.corpora!, fixtures: values.fixtures!, json: values.json, thresholds: values.thresholds, tasks: values.task ?? [], noGate: values['no-gate']! }, io);
    }
    if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
      io.stdout.write(USAGE);
      return command === undefined ? 2 : 0;
    }
    throw new UsageError(`unknown command "${command}"`);
  } catch (e) {
    const msg = e instanceof UsageError || isCxqaError(e) || (e as NodeJS.ErrnoException)?.code?.startsWith?.('ERR_PARSE_ARGS') || (e as NodeJS.ErrnoException)?.code === 'ENOENT'
      ? (e as Error).message
      : (e as Error)?.stack ?? String(e);
    io.stderr.write(`cxqa: ${msg}\n${e instanceof UsageError ? `\n${USAGE}` : ''}`);
    return 2;
  }
}

class UsageError extends Error {}
