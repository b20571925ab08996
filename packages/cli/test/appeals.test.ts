/**
 * The appeal round trip of issue 15, through the CLI: inspect → file appeals on findings →
 * decide → apply (score adjusted, decisions listed) → report (overturn rate) → export the
 * allow-list → re-inspect with it: the overturned findings no longer fire, the others still do.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_SCORECARD, type Result } from '@cxqa/core';
import type { AppealedResult, AppealFixture, OverturnRow } from '@cxqa/core/appeals';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from './run-cli.js';

const ROOT = join(import.meta.dirname, '../../..');
const dir = mkdtempSync(join(tmpdir(), 'cxqa-appeals-'));
const at = (f: string) => join(dir, f);
const LOG = at('appeals.log');
const jsonl = <T>(text: string): T[] =>
  text
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as T);

/** The agent quotes the customer's word back: a profanity hit a reviewer overturns. */
const QUOTE = {
  id: 'lex-1',
  platform: 'shopify',
  customer: { contact: 'mia.jones@example.com' },
  messages: [
    { role: 'customer', text: 'This blender is total crap, it broke in two days. Call me on +1 415 555 0134.', at: '2026-03-02T10:00:00Z' },
    {
      role: 'agent',
      text: 'Hello! I am sorry it felt like total crap to you; a replacement ships today. Anything else I can help with?',
      at: '2026-03-02T10:02:00Z',
    },
  ],
};

let results: Result[];
/** The finding of `code` in a conversation (the scored one when the code also fires as info, as on the customer's words). */
const finding = (conversation: string, code: string) => {
  const r = results.find((x) => x.conversationId === conversation)!;
  return (r.findings.find((f) => f.code === code && f.severity !== 'info') ?? r.findings.find((f) => f.code === code))!;
};
const file = async (conversation: string, code: string, reason: string) => {
  const r = await run([
    'appeals',
    'file',
    '--log',
    LOG,
    '--results',
    at('results.jsonl'),
    '--conversation',
    conversation,
    '--finding',
    finding(conversation, code).id!,
    '--by',
    'dana',
    '--reason',
    reason,
  ]);
  expect(r.code, r.err).toBe(0);
  return r.out.trim();
};
const decide = async (appeal: string, decision: string) => {
  const r = await run(['appeals', 'decide', '--log', LOG, appeal, decision, '--by', 'lee', '--reason', `reviewed ${appeal}`]);
  expect(r.code, r.err).toBe(0);
};

describe('cxqa appeals: the round trip', () => {
  let beforeDecisions: string;
  beforeAll(async () => {
    writeFileSync(at('conversations.jsonl'), `${readFileSync(join(ROOT, 'examples/data/conversations.jsonl'), 'utf8').trim()}\n${JSON.stringify(QUOTE)}\n`);
    const inspected = await run(['inspect', at('conversations.jsonl'), '--out', at('results.jsonl')]);
    expect(inspected.code, inspected.err).toBe(0);
    results = jsonl<Result>(readFileSync(at('results.jsonl'), 'utf8'));
    expect(await file('amz-9009', 'policy.review_manipulation', 'the refund is store policy, not for the review')).toBe('A1');
    expect(await file('lex-1', 'sensitive.profanity', 'the agent quotes the customer, call +1 415 555 0134')).toBe('A2');
    expect(await file('shopify-2002', 'script.missing_greeting', 'greeted in the chat before')).toBe('A3');
    expect(await file('ebay-4004', 'timing.first_response_breach', 'a holiday')).toBe('A4');
    expect(await file('wa-5005', 'timing.first_response_breach', 'the order was not urgent')).toBe('A5');
    await new Promise((r) => setTimeout(r, 5));
    beforeDecisions = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 5));
    await decide('A1', 'accept');
    await decide('A2', 'accept');
    await decide('A3', 'accept');
    await decide('A4', 'reject');
    await decide('A5', 'severity=major');
  }, 120_000); // inspect + 10 CLI runs: past the 10 s default on a loaded machine

  it('apply re-scores with core scorecard: original and adjusted verdicts, the decisions listed', async () => {
    const r = await run(['appeals', 'apply', at('results.jsonl'), '--log', LOG, '--out', at('adjusted.jsonl')]);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toContain(`${results.length} result(s), 5 re-scored with 5 decision(s)`);
    const adjusted = jsonl<AppealedResult>(readFileSync(at('adjusted.jsonl'), 'utf8'));
    expect(adjusted).toHaveLength(results.length);
    const amz = adjusted.find((x) => x.conversationId === 'amz-9009')!;
    const original = results.find((x) => x.conversationId === 'amz-9009')!;
    expect(amz.appeals.original.score).toBe(original.score);
    expect(amz.score!).toBeGreaterThan(original.score!);
    expect(amz.appeals.adjusted).toEqual({ score: amz.score, pass: amz.pass });
    expect(amz.findings.map((f) => f.code)).not.toContain('policy.review_manipulation');
    expect(amz.appeals.withdrawn.map((f) => f.code)).toEqual(['policy.review_manipulation']);
    expect(amz.appeals.decisions).toMatchObject([{ appealId: 'A1', outcome: 'accept', from: 'critical', to: null, decidedBy: 'lee', appealedBy: 'dana' }]);
    // the customer's phone number in the reason was masked before it was logged
    const lex = adjusted.find((x) => x.conversationId === 'lex-1')!;
    expect(lex.appeals.decisions[0]!.appealReason).not.toContain('555 0134');
    expect(lex.score!).toBeGreaterThan(lex.appeals.original.score!);
    expect(lex.appeals.adjusted).toEqual({ score: lex.score, pass: lex.pass });
    // a rejected appeal changes nothing but is listed; a severity decision lowers the deduction
    const ebay = adjusted.find((x) => x.conversationId === 'ebay-4004')!;
    expect(ebay.score).toBe(ebay.appeals.original.score);
    expect(ebay.appeals.decisions).toMatchObject([{ appealId: 'A4', outcome: 'reject', from: 'major', to: 'major' }]);
    const wa = adjusted.find((x) => x.conversationId === 'wa-5005')!;
    expect(wa.findings.find((f) => f.code === 'timing.first_response_breach')!.severity).toBe('major');
    expect(wa.score!).toBeGreaterThan(wa.appeals.original.score!);
    expect(wa.dimensions.find((d) => d.name === 'timeliness')!.explanation).toContain('1 major × 25');
    // a result no appeal concerns comes back with its scores and an empty appeals block
    const ali = adjusted.find((x) => x.conversationId === 'ali-6006')!;
    expect(ali.score).toBe(ali.appeals.original.score);
    expect(ali.appeals.decisions).toEqual([]);
  });

  it('apply --as-of before the decisions replays the log as it stood then: nothing decided yet', async () => {
    const r = await run(['appeals', 'apply', at('results.jsonl'), '--log', LOG, '--as-of', beforeDecisions]);
    expect(r.code, r.err).toBe(0);
    const adjusted = jsonl<AppealedResult>(r.out);
    expect(adjusted.every((x) => x.appeals.decisions.length === 0 && x.score === x.appeals.original.score)).toBe(true);
    expect(adjusted.find((x) => x.conversationId === 'amz-9009')!.appeals.pending).toEqual(['A1']);
    expect(adjusted[0]!.appeals.log).toMatchObject({ records: 5, asOf: beforeDecisions });
  });

  it('apply refuses its own output and results of another scorecard', async () => {
    const again = await run(['appeals', 'apply', at('adjusted.jsonl'), '--log', LOG]);
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/already re-scored with appeals/);
    writeFileSync(at('other.json'), JSON.stringify({ scorecard: { name: 'acme', version: '1', passThreshold: 70 } }));
    const other = await run(['appeals', 'apply', at('results.jsonl'), '--log', LOG, '--config', at('other.json')]);
    expect(other.code).toBe(2);
    expect(other.err).toContain(`scored with ${DEFAULT_SCORECARD.name}@${DEFAULT_SCORECARD.version}, not acme@1`);
    // a changed default that keeps its name is another card too, even when no score tells them apart
    writeFileSync(at('threshold.json'), JSON.stringify({ scorecard: { passThreshold: 60 } }));
    const threshold = await run(['appeals', 'apply', at('results.jsonl'), '--log', LOG, '--config', at('threshold.json')]);
    expect(threshold.code).toBe(2);
    expect(threshold.err).toMatch(new RegExp(`not ${DEFAULT_SCORECARD.name}@${DEFAULT_SCORECARD.version.replace(/\./g, '\\.')}\\+custom\\.[0-9a-f]{8}`));
  });

  it('report gives the overturn rate per code, and the appeal rate with --results', async () => {
    const r = await run(['appeals', 'report', '--log', LOG, '--results', at('results.jsonl'), '--format', 'json']);
    expect(r.code, r.err).toBe(0);
    const { rows, total } = JSON.parse(r.out) as { rows: OverturnRow[]; total: OverturnRow };
    const timing = rows.find((x) => x.key === 'timing.first_response_breach')!;
    expect(timing).toMatchObject({ appeals: 2, decided: 2, accepted: 0, severityChanged: 1, rejected: 1, overturnRate: 0, changeRate: 0.5, findings: 3 });
    expect(timing.appealRate).toBeCloseTo(2 / 3, 3);
    expect(total).toMatchObject({ appeals: 5, decided: 5, accepted: 3, overturnRate: 0.6 });
    expect(rows[0]!.overturnRate).toBe(1);
    const md = await run(['appeals', 'report', '--log', LOG, '--since', '2999-01-01']);
    expect(md.out).toMatch(/\| total +\| +0 \|/);
  });

  it('list prints the chain head whole (a hex hash is never masked), so it can be noted and compared', async () => {
    const r = await run(['appeals', 'list', '--log', LOG]);
    expect(r.code, r.err).toBe(0);
    const { readJournal } = await import('@cxqa/core/appeals');
    expect(r.err).toContain(`record(s), head ${readJournal(LOG).head}\n`);
  });

  it('export gives the allow-list that makes the overturned findings stop firing on re-inspection', async () => {
    const r = await run([
      'appeals',
      'export',
      '--log',
      LOG,
      '--conversations',
      at('conversations.jsonl'),
      '--out',
      at('allow.json'),
      '--fixtures',
      at('fixtures.jsonl'),
    ]);
    expect(r.code, r.err).toBe(0);
    const { allow } = JSON.parse(readFileSync(at('allow.json'), 'utf8'));
    expect(allow.lexicons).toEqual({ 'cxqa.profanity': ['total crap to'] });
    expect(allow.policies).toEqual({ 'policy.review_manipulation': ['refund you in full if you change your review to 5 stars'] });
    expect(allow.findings).toEqual([{ code: 'script.missing_greeting', conversationId: 'shopify-2002', messageIndex: 2, note: 'A3: reviewed A3' }]);

    const again = await run(['inspect', at('conversations.jsonl'), '--config', at('allow.json')]);
    expect(again.code, again.err).toBe(0);
    const after = jsonl<Result>(again.out);
    const codes = (id: string) => after.find((x) => x.conversationId === id)!.findings.map((f) => f.code);
    expect(codes('amz-9009')).not.toContain('policy.review_manipulation');
    expect(codes('amz-9009')).toContain('policy.off_platform_contact');
    // the agent's quote no longer fires; the customer's own words ("total crap, it") still do, as info
    expect(
      after
        .find((x) => x.conversationId === 'lex-1')!
        .findings.filter((f) => f.code === 'sensitive.profanity')
        .map((f) => f.messageIndex),
    ).toEqual([0]);
    expect(codes('shopify-2002')).not.toContain('script.missing_greeting');
    expect(codes('ebay-4004')).toContain('timing.first_response_breach');
    // re-scoring from the log and re-inspecting with the exported rules agree on the overturned conversations
    const adjusted = jsonl<AppealedResult>(readFileSync(at('adjusted.jsonl'), 'utf8'));
    for (const id of ['amz-9009', 'lex-1', 'shopify-2002'])
      expect(after.find((x) => x.conversationId === id)!.score, id).toBe(adjusted.find((x) => x.conversationId === id)!.score);

    const fixtures = jsonl<AppealFixture>(readFileSync(at('fixtures.jsonl'), 'utf8'));
    expect(fixtures.map((f) => f.appeals)).toEqual([['A1'], ['A2'], ['A3']]);
    const lexCase = fixtures.find((f) => f.conversation.id === 'lex-1')!;
    expect(lexCase.expect.findings_absent).toEqual([{ code: 'sensitive.profanity', messageIndex: 1 }]);
    expect(JSON.stringify(lexCase)).not.toMatch(/555 0134|mia\.jones/);
  });

  it('bad input is a one-line error naming the field', async () => {
    const base = ['appeals', 'file', '--log', LOG, '--results', at('results.jsonl'), '--by', 'dana', '--reason', 'x'];
    const noConversation = await run([...base, '--conversation', 'nope', '--finding', 'c1c77c25e0b9f007']);
    expect(noConversation).toMatchObject({ code: 2, err: 'cxqa: conversationId: "nope" is in none of the results given\n' });
    const badId = await run([...base, '--conversation', 'amz-9009', '--finding', 'xyz']);
    expect(badId.err).toMatch(/^cxqa: appeal: findingId: a finding id as results give it/);
    const twice = await run([...base, '--conversation', 'amz-9009', '--finding', finding('amz-9009', 'policy.review_manipulation').id!]);
    expect(twice.err).toMatch(/findingId: .* is already appealed as A1/);
    const unknown = await run(['appeals', 'decide', '--log', LOG, 'A99', 'accept', '--by', 'lee', '--reason', 'x']);
    expect(unknown.err).toMatch(/appealId: no appeal "A99"/);
    const level = await run(['appeals', 'decide', '--log', LOG, 'A1', 'severity=huge', '--by', 'lee', '--reason', 'x']);
    expect(level.err).toMatch(/severity=huge: expected one of info, minor, major, critical/);
    const noLog = await run(['appeals', 'apply', at('results.jsonl'), '--log', at('typo.log')]);
    expect(noLog).toMatchObject({ code: 2, err: `cxqa: --log ${at('typo.log')}: no such file\n` });
    const stray = await run(['appeals', 'list', '--log', LOG, '--by', 'lee']);
    expect(stray.err).toMatch(/appeals list: --by does not apply/);
    const allow = at('bad-allow.json');
    writeFileSync(allow, JSON.stringify({ allow: { lexicons: { 'cxqa.nope': ['x'] } } }));
    const badConfig = await run(['inspect', at('conversations.jsonl'), '--config', allow]);
    expect(badConfig.err).toContain('allow.lexicons.cxqa.nope: no lexicon "cxqa.nope"');
  });
});

describe('cxqa appeals dates', () => {
  it.each(['2026-11-31', '2026-02-30', '2026-02-29T10:00:00Z', '0001-02-29', '2026-13-01', 'yesterday'])(
    '--as-of %s is a usage error (exit 2), never a rolled-over day',
    async (value) => {
      const r = await run(['appeals', 'list', '--log', join(tmpdir(), 'cxqa-no-such.log'), '--as-of', value]);
      expect(r.code).toBe(2);
      expect(r.err).toContain(`--as-of ${value}: expected a date`);
      expect(r.out).toBe('');
    },
  );
  // years 0001–0099 too: Date.UTC would read 0004 as 1904 (and 0001-01-01 as 1901, refused as a rolled-over day)
  it.each(['2028-02-29', '0004-02-29', '0001-01-01'])('%s, a day that exists, is a date', async (value) => {
    const r = await run(['appeals', 'list', '--log', join(tmpdir(), 'cxqa-no-such.log'), '--as-of', value]);
    expect(r.err).not.toContain('expected a date');
    expect(r.err).toContain('no such file'); // the date passed; the missing log is what stops it
  });
});

describe('cxqa appeals --log in a folder that does not exist', () => {
  it('names the missing folder (exit 2), not a lock', async () => {
    const log = join(tmpdir(), 'cxqa-no-such-folder', 'deeper', 'a.log');
    const r = await run(['appeals', 'decide', '--log', log, 'A1', 'accept', '--by', 'lee', '--reason', 'x']);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`--log ${log}: folder ${join(tmpdir(), 'cxqa-no-such-folder', 'deeper')} does not exist`);
    expect(r.err).not.toMatch(/lock/);
  });
});
