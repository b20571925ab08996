/**
 * Appeals on a conversation whose id is itself personal data (an e-mail address): Results show
 * the id masked, and every appeals subcommand that selects by conversation id must still find
 * it — given as the conversation has it or as the Result shows it — while nothing it writes
 * holds the real id. And identifiers of cxqa's own making (finding ids) quoted in an error stay
 * whole, where the digit sweep used to read a run of them as a phone number.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInspector, type Result } from '@cxqa/core';
import type { AppealedResult, AppealFixture } from '@cxqa/core/appeals';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'cxqa-appeals-pii-'));
const at = (f: string) => join(dir, f);
const LOG = at('appeals.log');
const lines = (text: string) => text.trim().split('\n');
const jsonl = <T>(text: string): T[] => lines(text).map((l) => JSON.parse(l) as T);

const MESSAGES = [
  { role: 'customer', text: 'Hi, my tracking number has not updated in 5 days. Is my package lost?', at: '2026-03-04T11:02:00-08:00' },
  { role: 'agent', text: 'Ok, got it.', at: '2026-03-04T11:19:00-08:00' },
  { role: 'customer', text: 'So what happens now???', at: '2026-03-04T11:21:00-08:00' },
  { role: 'agent', text: 'I have opened a trace with the carrier and will email you within 24 hours.', at: '2026-03-04T11:40:00-08:00' },
];
const EMAIL_ID = 'jane.doe@example.com';
const conversation = (id: string) => ({ id, platform: 'shopify', channel: 'chat', customer: { country: 'US' }, messages: MESSAGES });

let results: Result[];
let hexId: string | undefined;
const shown = (id: string) => results.find((r) => r.conversationId === id)!;
const greeting = (r: Result) => r.findings.find((f) => f.code === 'script.missing_greeting')!;

beforeAll(async () => {
  // a ticket id whose findings' ids hold a run of 7+ decimal digits (the digit sweep read such runs as phones)
  const inspector = createInspector();
  for (let n = 0; !hexId && n < 500; n++) {
    const r = await inspector.inspect(conversation(`t-${n}`));
    if (r.findings.some((f) => /\d{7}/.test(f.id!))) hexId = `t-${n}`;
  }
  expect(hexId).toBeDefined();
  const input = [conversation(EMAIL_ID), conversation('other-1'), conversation('ZD-48213377'), conversation(hexId!)];
  writeFileSync(at('conversations.jsonl'), input.map((c) => `${JSON.stringify(c)}\n`).join(''));
  const inspected = await run(['inspect', at('conversations.jsonl'), '--out', at('results.jsonl')]);
  expect(inspected.code, inspected.err).toBe(0);
  results = jsonl<Result>(readFileSync(at('results.jsonl'), 'utf8'));
}, 120_000); // up to 500 inspections to find a finding id with 7+ digits in a row, then cxqa inspect

const base = () => ['appeals', 'file', '--log', LOG, '--results', at('results.jsonl'), '--by', 'dana', '--reason', 'greeted before'];

describe('appeals on a conversation whose id is personal data', () => {
  it('the Result shows the id masked; file, apply and export find it by the real id and write only the masked one', async () => {
    const masked = shown('j•••@•••.com');
    expect(masked).toBeDefined();
    const filed = await run([...base(), '--conversation', EMAIL_ID, '--finding', greeting(masked).id!]);
    expect(filed.code, filed.err).toBe(0);
    expect(filed.err).toBe('appeal A1 filed on script.missing_greeting (info) in j•••@•••.com by dana\n');
    expect(readFileSync(LOG, 'utf8')).not.toContain('jane');
    const decided = await run(['appeals', 'decide', '--log', LOG, 'A1', 'accept', '--by', 'lee', '--reason', 'ok']);
    expect(decided.code, decided.err).toBe(0);

    const applied = await run(['appeals', 'apply', at('results.jsonl'), '--log', LOG, '--out', at('adjusted.jsonl')]);
    expect(applied.code, applied.err).toBe(0);
    const adjusted = jsonl<AppealedResult>(readFileSync(at('adjusted.jsonl'), 'utf8'));
    expect(adjusted.find((r) => r.conversationId === 'j•••@•••.com')!.appeals.decisions.map((d) => d.appealId)).toEqual(['A1']);
    expect(adjusted.find((r) => r.conversationId === 'other-1')!.appeals.decisions).toEqual([]);

    const exportArgs = `--log ${LOG} --conversations ${at('conversations.jsonl')} --out ${at('allow.json')} --fixtures ${at('fixtures.jsonl')}`;
    const exported = await run(['appeals', 'export', ...exportArgs.split(' ')]);
    expect(exported.code, exported.err).toBe(0);
    expect(exported.err).toBe(`1 allow-list entry, 1 fixture(s) to ${at('fixtures.jsonl')}\n`);
    const allow = readFileSync(at('allow.json'), 'utf8');
    const fixtures = readFileSync(at('fixtures.jsonl'), 'utf8');
    expect(`${allow}${fixtures}`).not.toContain('jane');
    expect(JSON.parse(allow).allow.findings).toEqual([
      { code: 'script.missing_greeting', conversationId: 'j•••@•••.com', messageIndex: greeting(masked).messageIndex, note: 'A1: ok' },
    ]);
    expect(jsonl<AppealFixture>(fixtures).map((f) => f.conversation.id)).toEqual(['j•••@•••.com']);

    // re-inspected with the export: the finding is gone from that conversation only
    const again = await run(['inspect', at('conversations.jsonl'), '--config', at('allow.json'), '--out', at('again.jsonl')]);
    expect(again.code, again.err).toBe(0);
    const codes = (id: string) =>
      jsonl<Result>(readFileSync(at('again.jsonl'), 'utf8'))
        .find((r) => r.conversationId === id)!
        .findings.map((f) => f.code);
    expect(codes('j•••@•••.com')).not.toContain('script.missing_greeting');
    expect(codes('other-1')).toContain('script.missing_greeting');
  });

  it('the id as the Result shows it is accepted as well', async () => {
    const masked = shown('j•••@•••.com');
    const other = masked.findings.find((f) => f.id !== greeting(masked).id)!;
    const filed = await run([...base(), '--conversation', 'j•••@•••.com', '--finding', other.id!]);
    expect(filed.code, filed.err).toBe(0);
  });

  it('an id masked further than the Result shows it (copied from a message) gets a hint to give it as the Result shows it', async () => {
    expect(results.map((r) => r.conversationId)).toContain('ZD-48213377');
    const r = await run([...base(), '--conversation', 'ZD-••••••77', '--finding', 'c1c77c25e0b9f007']);
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      `cxqa: conversationId: "ZD-••••••77" is in none of the results given (a result's id masks to the same text: give the id as the Result's conversationId shows it)\n`,
    );
    const nowhere = await run([...base(), '--conversation', 'ZD-00000001', '--finding', 'c1c77c25e0b9f007']);
    expect(nowhere.err).toBe('cxqa: conversationId: "ZD-00000001" is in none of the results given\n');
  });
});

describe('finding ids in messages', () => {
  it('the "its findings" hint lists the finding ids whole, even those with a run of 7+ digits', async () => {
    const ids = shown(hexId!).findings.map((f) => f.id!);
    expect(ids.some((id) => /\d{7}/.test(id))).toBe(true);
    const r = await run([...base(), '--conversation', hexId!, '--finding', '0000000000000000']);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`(its findings: ${ids.join(', ')})`);
    // the id given, which is no finding, is not vouched for: masked like any text
    expect(r.err).toContain('findingId: "••••••••••••••00"');
  });
});
