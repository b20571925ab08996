import { EVAL_TASKS } from '@cxqa/eval';

export const FAIL_ON = ['invalid', 'partial', 'breach', 'fail'] as const;
export type FailOn = (typeof FAIL_ON)[number];

const EXIT_CODES = `Exit codes:
  0  done
  1  --fail-on triggered (inspect) or a metric below its threshold or nothing measured (eval)
  2  usage or input error: a bad argument, a missing or unreadable file, an invalid config`;

export const INSPECT_USAGE = `Usage: cxqa inspect FILE [options]

Score every conversation in FILE and write one Result per input record, in input order.
FILE is JSONL (one Conversation per line; "-" reads stdin) or .csv (one message per row,
columns mapped by "csv" in --config). UTF-8 (with or without BOM) or UTF-16 with a BOM.

Options:
  --config FILE         JSON config: scorecard, timing, csv, … (partial; merged onto the defaults)
  --out FILE            write results to FILE ("-" = stdout, the default); its folder must exist
  --format jsonl|pretty default pretty on a terminal, else jsonl
  --concurrency N       conversations in flight (default 4); output order is always input order
  --fail-on WHAT        exit 1 if any result is: ${FAIL_ON.join(' | ')} (repeatable or comma-separated)
  --dry-run             with an "llm" section in --config: print the tokens, requests and cost the
                        LLM judge would use for FILE, contacting nothing (needs @cxqa/llm)
  -h, --help            show this help

Results go to stdout (or --out); progress and the summary go to stderr. Colours on a terminal
unless NO_COLOR is set.

${EXIT_CODES}
`;

export const EVAL_USAGE = `Usage: cxqa eval [options]

Measure the analyzers on labelled corpora and the project's fixtures; print a table on stdout.

Options:
  --corpora DIR         corpus folders (default ../shared/corpora); missing corpora are skipped
  --fixtures DIR        the project's fixtures (default ./fixtures)
  --task NAME           only this task (repeatable): ${EVAL_TASKS.map((t) => t.name).join(', ')}
  --json FILE           also write the results as JSON; its folder must exist
  --thresholds FILE     floors to enforce (default: packages/eval/thresholds.json)
  --no-gate             report only, never fail on a threshold
  --allow-empty         exit 0 even when nothing was measured (default: exit 1)
  -h, --help            show this help

${EXIT_CODES}
`;

export const QUEUE_USAGE = `Usage: cxqa queue SUBCOMMAND [options]

Inspect conversations across machines on a BullMQ queue over Redis (needs @cxqa/queue).
Every subcommand takes --redis URL (default $CXQA_REDIS_URL, else redis://127.0.0.1:6379)
and --queue NAME (default cxqa).

  enqueue FILE          put every record of FILE (JSONL or .csv, as cxqa inspect reads it) on the
                        queue; a record already queued or done is skipped (idempotent job ids)
    --config FILE       the config the workers run (its versions are part of each job id)
    --attempts N        tries before a job is dead-lettered (default 3)
    --backoff-ms MS     first retry delay, doubled each retry (default 1000)
  work                  run jobs until SIGINT/SIGTERM; any number of workers on any machines
    --config FILE       same config as enqueue
    --concurrency N     jobs in flight in this process (default 8)
    --jsonl-dir DIR     results to DIR/WORKER.jsonl instead of the Redis stream
    --until-empty       exit once nothing is waiting, delayed or running
    --lock-ms MS        a killed worker's jobs are taken over after about MS (default 30000)
    --name NAME         worker name in results and files (default HOST-PID)
  drain                 write every result, one per conversation, as JSONL
    --out FILE          results file ("-" = stdout, the default)
    --wait              first wait until nothing is waiting, delayed or running
    --jsonl-dir DIR     read a --jsonl-dir folder instead of the Redis stream
  status                print job counts as JSON
  clear                 delete the queue, its dead-letter queue and its results

${EXIT_CODES}
`;

export const USAGE = `cxqa — explainable QA scores for customer-service conversations

Usage:
  cxqa inspect FILE [--config FILE] [--out FILE|-] [--format jsonl|pretty] [--concurrency N]
                    [--fail-on ${FAIL_ON.join('|')}]... [--dry-run]
  cxqa eval [--corpora DIR] [--fixtures DIR] [--task NAME]... [--json FILE]
            [--thresholds FILE] [--no-gate] [--allow-empty]
  cxqa queue enqueue FILE | work | drain --out FILE | status | clear   [--redis URL] [--queue NAME]
  cxqa COMMAND --help   options of a command
  cxqa --version        the version of @cxqa/cli

${EXIT_CODES}
`;
