#!/usr/bin/env node
import { main } from './main.js';

main(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr }).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`cxqa: ${String(e)}\n`);
    process.exitCode = 2;
  },
);
