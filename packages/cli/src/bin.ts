#!/usr/bin/env node
import { describeError } from './errors.js';
import { main } from './main.js';

// `cxqa inspect … | head` closes stdout early: stop quietly instead of crashing.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

main(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr }).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`cxqa: ${describeError(e)}\n`);
    process.exitCode = 2;
  },
);
