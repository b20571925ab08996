import { EVAL_TASKS } from '@cxqa/eval';

export const FAIL_ON = ['invalid', 'partial', 'breach', 'fail'] as const;

/** Eval tasks that judge with an LLM: run only when named with --task, against the --config file's `llm` endpoint. */
export const LLM_EVAL_TASKS = ['injection', 'llm-calibration'] as const;
export type FailOn = (typeof FAIL_ON)[number];

const EXIT_CODES = `Exit codes:
  0  done
  1  --fail-on triggered (inspect), a metric below its threshold or nothing measured (eval), an alert fired (alerts), a record failed (import),
     nothing to report (report, without --allow-empty)
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
  --workers N           inspect on N worker threads (default 0: the main thread), each loading
                        the same --config; --concurrency then counts per worker
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
                        LLM tasks, run only when named, against --config's "llm" endpoint:
                        injection (the prompt-injection suite: answers each attempt changed),
                        llm-calibration (accuracy, Cohen's κ and confusion per question)
  --config FILE         JSON config with an "llm" section (for the LLM tasks)
  --labels FILE         llm-calibration's human answers, CSV or JSONL (default: the shipped fixture)
  --conversations FILE  the labelled conversations, JSONL (default: the shipped fixture)
  --json FILE           also write the results as JSON; its folder must exist
  --thresholds FILE     floors to enforce (default: packages/eval/thresholds.json)
  --no-gate             report only, never fail on a threshold
  --allow-empty         exit 0 even when nothing was measured (default: exit 1)
  -h, --help            show this help

${EXIT_CODES}
`;

export const CALIBRATE_USAGE = `Usage: cxqa calibrate RESULTS --reviews FILE [options]

Agreement of cxqa's results (JSONL from cxqa inspect; "-" reads stdin) with human reviews: Cohen's κ
of the verdict and of each labelled finding code, score MAE and Spearman (overall and per
dimension), confusion tables, and the conversations that disagree most.
Reviews are JSONL ({"conversationId","reviewer","pass","score","dimensions","findings"}) or CSV
with the header conversation_id,reviewer,pass,score,code,present (see docs/calibration.md).

Options:
  --reviews FILE        the human reviews (required)
  --json FILE           also write the full report as JSON; its folder must exist
  --top N               disagreeing conversations listed (default 20)
  -h, --help            show this help

${EXIT_CODES}
`;

export const USAGE = `cxqa — explainable QA scores for customer-service conversations

Usage:
  cxqa inspect FILE [--config FILE] [--out FILE|-] [--format jsonl|pretty] [--concurrency N]
                    [--workers N] [--fail-on ${FAIL_ON.join('|')}]... [--dry-run]
  cxqa eval [--corpora DIR] [--fixtures DIR] [--task NAME]... [--json FILE]
            [--thresholds FILE] [--no-gate] [--allow-empty]
            [--config FILE] [--labels FILE] [--conversations FILE]
  cxqa calibrate RESULTS --reviews FILE [--json FILE] [--top N]
  cxqa import zendesk|intercom|freshdesk|gorgias FILE [--out FILE|-] [--errors FILE]
  cxqa report RESULTS... [--period day|week|month|quarter|all] [--by agent|team|platform|region|inquiryType|channel]
              [--format json|csv|md|html] [--title TEXT] [--config FILE] [--status-log FILE] [--orders FILE] [--out FILE|-] [--allow-empty]
  cxqa alerts SNAPSHOT [--at TIME] [--rules FILE] [--config FILE] [--out FILE|-]
  cxqa queue enqueue FILE | work | drain --out FILE | status | clear   [--redis URL] [--queue NAME]
  cxqa appeals file | decide | list | apply | report | export   --log LOG [options]
  cxqa COMMAND --help   options of a command
  cxqa --version        the version of @cxqa/cli

${EXIT_CODES}
`;

export const REPORT_USAGE = `Usage: cxqa report RESULTS... [options]

KPIs per period and group from result files (JSONL written by cxqa inspect): QA score, SLA
attainment per target, first response p50/p90, resolution time, FCR, 72-hour repeat contact,
CSAT, conversations per day, utilisation, blended KPI per role. Formulas: docs/kpis.md.

Options:
  --period P            day | week (ISO, Monday first; default) | month | quarter | all
  --by G                agent (default) | team | platform | region | inquiryType | channel
  --format F            json (every KPI; default) | csv (one row per group and period) | md
                        | html (one self-contained page: overview, scorecards with trends, SLA by
                        region, findings by code, conversations to review; charts as inline SVG)
  --title TEXT          title of the HTML report (default "cxqa QA report")
  --config FILE         JSON config; its "kpis" section: timezone, teams, roles, roleWeights, csat, lowTraffic, …
  --status-log FILE     agent status intervals (JSONL: agentId, status online|busy|away, from, to) for utilisation
  --orders FILE         orders (JSONL or CSV: conversationId, or customerKey and at) for conversion
  --out FILE            write there ("-" = stdout, the default); its folder must exist
  --allow-empty         exit 0 when there is nothing to report (no valid result with a start time;
                        the empty report is written either way, stderr says so; default: exit 1)
  -h, --help            show this help

${EXIT_CODES}
`;

export const ALERTS_USAGE = `Usage: cxqa alerts SNAPSHOT [options]

Backlog alerts over open conversations (JSONL or .csv, the inspect input format). Default rules
(seed): level 1 when >= 10 conversations are unanswered for 2 h, level 2 when >= 5 order issues
are unresolved for 4 h. JSON on stdout; each alert lists the conversations behind it.

Options:
  --at TIME             the snapshot instant, RFC 3339 (default: now)
  --rules FILE          JSON array of rules (replaces the defaults and the config's "alerts")
  --config FILE         JSON config: "alerts" (rules), "csv" (column mapping)
  --out FILE            write there ("-" = stdout, the default); its folder must exist
  -h, --help            show this help

${EXIT_CODES}
`;

export const IMPORT_USAGE = `Usage: cxqa import zendesk|intercom|freshdesk|gorgias FILE [options]

Convert a helpdesk export into cxqa Conversations, one JSON line per ticket or conversation.
FILE is NDJSON (one record per line, or API list pages such as {"tickets": [...]} one per
line), a JSON array of records, or one API response; "-" reads stdin. Internal notes stay out
of the transcript and are kept in metadata.internalNotes. See docs/importers.md.

Options:
  --out FILE            write conversations to FILE ("-" = stdout, the default)
  --errors FILE         write one JSON line per record that failed to FILE (default: stderr)
  -h, --help            show this help

Exit codes:
  0  every record converted
  1  some records failed (each named with its line or index and JSON path)
  2  usage or input error: a bad argument, a missing or unreadable file
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

export const APPEALS_USAGE = `Usage: cxqa appeals SUBCOMMAND --log LOG [options]

Appeals on findings, decided by reviewers, kept in LOG: an append-only JSONL audit log, each line
checksummed and chained to the one before (see docs/appeals.md).

Subcommands:
  file --results FILE --conversation ID --finding ID --by NAME --reason TEXT
                        appeal one finding of a result; prints the appeal id (A1, A2, …)
  decide APPEAL_ID accept|reject|severity=LEVEL --by NAME --reason TEXT
                        a reviewer's decision (a later one on the same appeal supersedes it)
  list [--as-of DATE]   the appeals and their standing decisions
  apply RESULTS... [--config FILE] [--as-of DATE] [--out FILE|-]
                        re-score results with the decisions (original and adjusted score,
                        decisions applied); --config: the one the results were inspected with
  report [--results FILE]... [--since DATE] [--until DATE] [--by code|rule] [--format md|json] [--out FILE|-]
                        overturn rate per finding code or rule over a period (appeal rate with --results)
  export [--conversations FILE] [--as-of DATE] [--out FILE|-] [--fixtures FILE]
                        accepted appeals as a config {"allow": …} for cxqa inspect --config, and
                        regression fixtures (JSONL, personal data masked) for the conversations given

DATE is 2026-04-01 (00:00 UTC) or an RFC 3339 time.

${EXIT_CODES}
`;
