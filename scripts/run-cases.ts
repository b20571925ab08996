/**
 * Run fixtures/reported/*.jsonl (or the files given) and print, per case, pass or the reason it
 * fails. A quick view while fixing; the tests in packages/core/test/reported-cases.test.ts are the gate.
 *
 *   pnpm cases [fixtures/reported/own-x.jsonl …]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { reportedCaseInspectors } from '../packages/core/test/reported-case-inspector.js';

const dir = new URL('../fixtures/reported/', import.meta.url);
const files = process.argv.slice(2).length
  ? process.argv.slice(2)
  : readdirSync(dir)
      .filter((f) => f.endsWith('.jsonl'))
      .sort()
      .map((f) => new URL(f, dir).pathname);
const inspectorFor = reportedCaseInspectors(dir);
let failed = 0;
let total = 0;
for (const file of files) {
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const c = JSON.parse(line);
    const r = await inspectorFor(c).inspect(c.conversation);
    const codes = r.findings.map((f) => f.code);
    const why: string[] = [];
    for (const code of c.expect.finding_codes_present ?? []) if (!codes.includes(code)) why.push(`missing ${code}`);
    for (const code of c.expect.finding_codes_absent ?? [])
      if (codes.includes(code))
        why.push(
          `unexpected ${code}: ${r.findings
            .filter((f) => f.code === code)
            .map((f) => `@${f.messageIndex} "${f.evidence ?? ''}"`)
            .join(', ')}`,
        );
    for (const [k, v] of Object.entries(c.expect.metrics ?? {}))
      if (r.metrics[k] !== v) why.push(`${k} = ${JSON.stringify(r.metrics[k])}, expected ${JSON.stringify(v)}`);
    if (c.expect.pass !== undefined && r.pass !== c.expect.pass) why.push(`pass = ${r.pass}`);
    total++;
    if (why.length) failed++;
    console.log(`${why.length ? 'FAIL' : 'ok  '} ${c.conversation.id} ${why.join('; ')}`);
  }
}
console.log(`${total - failed}/${total} pass`);
