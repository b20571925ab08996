/**
 * Child process of journal-crash.test.ts: appends records `{ n }` (n from argv[3] up) to the
 * journal at argv[2] forever, each padded to argv[4] bytes so a SIGKILL can land inside a write,
 * and prints `n` on stdout only after the append (and its fsync) returned.
 */
import { appendJournal } from '../../src/appeals/journal.js';

const [path, start, pad] = process.argv.slice(2);
const padding = 'x'.repeat(Number(pad));
for (let n = Number(start); ; n++) {
  await appendJournal(path!, [{ kind: 'test', body: { n, padding } }], { staleLockMs: 2000 });
  process.stdout.write(`${n}\n`);
}
