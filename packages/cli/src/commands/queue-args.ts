import { parseArgs } from 'node:util';
import { UsageError } from '../errors.js';

/** Arguments of `cxqa queue SUBCOMMAND`. */
export type QueueArgs =
  | { command: 'enqueue'; file: string; target: Target; config?: string | undefined; attempts?: number; backoffMs?: number }
  | {
      command: 'work';
      target: Target;
      config?: string | undefined;
      concurrency?: number;
      jsonlDir?: string | undefined;
      untilEmpty: boolean;
      lockMs?: number;
      name?: string | undefined;
    }
  | { command: 'drain'; target: Target; out?: string | undefined; wait: boolean; jsonlDir?: string | undefined }
  | { command: 'status' | 'clear'; target: Target };

interface Target {
  redis: string;
  queue: string;
}

export const QUEUE_COMMANDS = ['enqueue', 'work', 'drain', 'status', 'clear'] as const;
const DEFAULT_REDIS = 'redis://127.0.0.1:6379';

/** `cxqa queue …` arguments, or `'help'`. Throws UsageError naming the option. */
export function parseQueueArgs(argv: string[], env: Record<string, string | undefined>): QueueArgs | 'help' {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h') return 'help';
  if (!(QUEUE_COMMANDS as readonly string[]).includes(command))
    throw new UsageError(`queue ${command}: no such subcommand (subcommands: ${QUEUE_COMMANDS.join(', ')})`);
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: command === 'enqueue',
    options: {
      redis: { type: 'string' },
      queue: { type: 'string', default: 'cxqa' },
      config: { type: 'string' },
      attempts: { type: 'string' },
      'backoff-ms': { type: 'string' },
      concurrency: { type: 'string' },
      'jsonl-dir': { type: 'string' },
      'until-empty': { type: 'boolean', default: false },
      'lock-ms': { type: 'string' },
      name: { type: 'string' },
      out: { type: 'string' },
      wait: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return 'help';
  const allowed: Record<string, string[]> = {
    enqueue: ['config', 'attempts', 'backoff-ms'],
    work: ['config', 'concurrency', 'jsonl-dir', 'until-empty', 'lock-ms', 'name'],
    drain: ['out', 'wait', 'jsonl-dir'],
    status: [],
    clear: [],
  };
  const given = Object.keys(values).filter((k) => !['redis', 'queue', 'help'].includes(k) && values[k as keyof typeof values] !== false);
  const stray = given.filter((k) => !allowed[command]!.includes(k));
  if (stray.length) throw new UsageError(`queue ${command}: --${stray[0]} does not apply (see cxqa queue --help)`);
  const target = { redis: values.redis ?? env.CXQA_REDIS_URL ?? DEFAULT_REDIS, queue: values.queue! };
  const int = (option: string, min: number, max: number): number | undefined => {
    const raw = values[option as keyof typeof values] as string | undefined;
    if (raw === undefined) return undefined;
    const n = Number(raw);
    if (!(Number.isInteger(n) && n >= min && n <= max)) throw new UsageError(`--${option} ${raw}: expected an integer from ${min} to ${max}`);
    return n;
  };
  const optional = <K extends string, V>(key: K, v: V | undefined) => (v === undefined ? {} : ({ [key]: v } as Record<K, V>));
  switch (command) {
    case 'enqueue':
      if (positionals.length !== 1) throw new UsageError(`queue enqueue takes exactly one FILE, got ${positionals.length}`);
      return {
        command,
        file: positionals[0]!,
        target,
        config: values.config,
        ...optional('attempts', int('attempts', 1, 100)),
        ...optional('backoffMs', int('backoff-ms', 0, 86_400_000)),
      };
    case 'work':
      return {
        command,
        target,
        config: values.config,
        jsonlDir: values['jsonl-dir'],
        untilEmpty: values['until-empty']!,
        name: values.name,
        ...optional('concurrency', int('concurrency', 1, 256)),
        ...optional('lockMs', int('lock-ms', 500, 3_600_000)),
      };
    case 'drain':
      if (values.out === '') throw new UsageError('--out: expected a file name or "-"');
      return { command, target, out: values.out === '-' ? undefined : values.out, wait: values.wait!, jsonlDir: values['jsonl-dir'] };
    default:
      return { command: command as 'status' | 'clear', target };
  }
}
