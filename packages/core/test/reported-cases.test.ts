import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Result } from '../src/index.js';
import { reportedCaseInspectors } from './reported-case-inspector.js';

/** Every `fixtures/reported/*.jsonl` line: a conversation and the findings/metrics it must (not) have. */
interface ReportedCase {
  kind: string;
  conversation: { id: string };
  expect: { finding_codes_present?: string[]; finding_codes_absent?: string[]; metrics?: Record<string, number | string | null>; pass?: boolean };
  /** `true`: the knowledge base `turn2-kb.json`; a file name: that knowledge base beside the cases. */
  kb?: boolean | string;
}

/**
 * Cases whose fix has not landed yet: each runs as \`it.fails\` (it must still fail, so a fix that
 * lands without removing its id here is noticed). Empty when the work is done.
 */
const NOT_YET_FIXED = new Set<string>([
  // Its expectation (open) contradicts the State Council's 2026 notice: 4 May 2026 is inside the
  // 1–5 May Labour Day break (make-up day Sat 9 May). Youth Day itself no longer closes anything
  // (own-calendar.jsonl tests it on 2023-05-04); this case stays failing on purpose.
  'bh-cn-youth-day',
  // Language ID: a word the n-gram model has only seen in another language outweighs the
  // customer prior by design (a prior never overrides strong evidence); needs model vocabulary.
  // ("Moin", 4 letters, now follows the agent's German as a bare first reply: langid/conversation.ts.)
  'own-langid-es-vale-genial',
  'own-langid-fr-nickel',
  'own-langid-de-prima',
  // own-independent.jsonl (written by an independent tester): left failing by decision (docs/sensitive.md,
  // lexicons): bare French "con", German "Mist", Japanese カス and ボケ are not listed (Spanish/Italian
  // "with", mild, lint and coffee grounds, bokeh)
  'ind-xlang-fr-con-agent',
  'ind-xlang-de-mist-agent',
  'ind-substr-ja-kasu-agent',
  'ind-substr-ja-boke-agent',
]);

const dir = new URL('../../../fixtures/reported/', import.meta.url);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.jsonl'))
  .sort();
const inspectorFor = reportedCaseInspectors(dir);

for (const file of files) {
  const cases = readFileSync(new URL(file, dir), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as ReportedCase);
  describe(`reported cases: ${file}`, () => {
    for (const c of cases) {
      (NOT_YET_FIXED.has(c.conversation.id) ? it.fails : it)(`${c.conversation.id} (${c.kind})`, async () => {
        const r: Result = await inspectorFor(c).inspect(c.conversation);
        expect(r.status).toBe('ok');
        const codes = r.findings.map((f) => f.code);
        const shown = r.findings.map((f) => `${f.code}@${f.messageIndex ?? '-'} ${f.evidence ?? ''}`);
        for (const code of c.expect.finding_codes_present ?? []) expect(codes, `missing ${code}; got ${shown.join(' | ')}`).toContain(code);
        for (const code of c.expect.finding_codes_absent ?? []) expect(codes, `unexpected ${code}; got ${shown.join(' | ')}`).not.toContain(code);
        for (const [k, v] of Object.entries(c.expect.metrics ?? {})) expect(r.metrics[k], k).toBe(v);
        if (c.expect.pass !== undefined) expect(r.pass).toBe(c.expect.pass);
      });
    }
  });
}
