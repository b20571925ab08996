/**
 * Recall and writer precision of every `policy.*` finding at the labelled seller message of blind
 * marketplace-steering files (fixtures/blind/policy-steering-*.jsonl format). Counts only, so a
 * held-out batch can be measured without reading it; V=1 also prints misses and wrong firings
 * (only for batches that are design data).
 *
 *   node --conditions=source --import tsx scripts/steering-recall.ts FILE…
 */
import { readFileSync } from 'node:fs';
import { createInspector, type Finding } from '@cxqa/core';

const verbose = process.env.V === '1';
const inspector = createInspector();
for (const file of process.argv.slice(2)) {
  let steer = 0;
  let caught = 0;
  let caughtContact = 0;
  let fired = 0;
  let firedRight = 0;
  let innocentFired = 0;
  const misses: string[] = [];
  const wrong: string[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const c = JSON.parse(line);
    const at = Number(c.label.agent_message_index);
    const r = await inspector.inspect(c.conversation);
    const policy = r.findings.filter((f: Finding) => f.code.startsWith('policy.') && f.messageIndex === at);
    const yes = c.label.off_platform_steering === 'yes';
    const text = c.conversation.messages[at]?.text ?? '';
    if (yes) {
      steer++;
      if (policy.length) caught++;
      else misses.push(`${c.id} [${c.language}] ${text}`);
      if (policy.some((f: Finding) => f.code === 'policy.off_platform_contact')) caughtContact++;
    }
    if (policy.length) {
      fired++;
      if (yes) firedRight++;
      else {
        if (c.label.off_platform_steering === 'no') innocentFired++;
        wrong.push(`${c.id} [${c.label.off_platform_steering}] ${policy.map((f: Finding) => `${f.code}:${f.severity}`).join(',')} :: ${text}`);
      }
    }
  }
  const ratio = (a: number, b: number) => (b ? Number((a / b).toFixed(3)) : null);
  console.log(
    JSON.stringify({
      file,
      steering: steer,
      caught,
      recall: ratio(caught, steer),
      off_platform_contact_caught: caughtContact,
      fired,
      writer_right: firedRight,
      writer_precision: ratio(firedRight, fired),
      fired_on_innocent: innocentFired,
    }),
  );
  if (verbose) {
    for (const m of misses) console.log(`  miss ${m}`);
    for (const w of wrong) console.log(`  not-yes ${w}`);
  }
}
