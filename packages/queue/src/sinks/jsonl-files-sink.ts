import { mkdirSync } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';
import { join } from 'node:path';
import type { QueueTarget } from '../target.js';
import { connectDoneSet } from './done-set.js';
import type { ResultSink } from './sink.js';

/**
 * Results to JSONL files: each worker appends `{"jobId","worker","result"}` lines to
 * `DIR/WORKER.jsonl` (DIR on a disk every worker can reach, or one per machine, collected later),
 * then marks the job id done. A worker killed between the two leaves a line whose job another
 * worker will run again, and one killed mid-line leaves a torn last line: `readJsonlResults`
 * drops both (dedupe by job id, unterminated lines skipped), so reading gives one result per job.
 */
export function jsonlFilesSink(target: QueueTarget, options: { dir: string; worker: string }): ResultSink {
  const { done, quit } = connectDoneSet(target);
  mkdirSync(options.dir, { recursive: true });
  const path = join(options.dir, `${options.worker.replace(/[^\w.-]/g, '_')}.jsonl`);
  let file: Promise<FileHandle> | undefined;
  return {
    kind: 'jsonl-files',
    delivered: done.has,
    async write(entry) {
      if (await done.has(entry.jobId)) return false;
      file ??= open(path, 'a');
      await (await file).appendFile(`${JSON.stringify(entry)}\n`);
      await done.add(entry.jobId);
      return true;
    },
    async close() {
      await (await file)?.close();
      await quit();
    },
  };
}
