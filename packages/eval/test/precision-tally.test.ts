import type { Finding, Severity } from '@cxqa/core';
import { describe, expect, it } from 'vitest';
import { type Judgement, tallyPrecision } from '../src/index.js';

const finding = (code: string, severity: Severity, messageIndex: number): Finding =>
  ({ analyzer: 'courtesy', code, severity, messageIndex, explanation: '' }) as Finding;
const judged = (conversationId: string, code: string, messageIndex: number, verdict: 'right' | 'wrong'): Judgement => ({
  corpus: 'c',
  conversationId,
  code,
  messageIndex,
  spanStart: null,
  severity: 'info',
  verdict,
  reason: '',
  judge: 't',
  date: '2026-11-30',
  round: 'report',
});

describe('tallyPrecision', () => {
  it('tallies a code that fires at two severities per severity, so the loud form has its own bar', () => {
    const code = 'politeness.no_acknowledgement';
    const current = [
      { conversationId: 'a', finding: finding(code, 'info', 1) },
      { conversationId: 'b', finding: finding(code, 'info', 1) },
      { conversationId: 'c', finding: finding(code, 'critical', 1) },
      { conversationId: 'd', finding: finding('sensitive.insult', 'critical', 2) },
    ];
    const judgements = [
      judged('a', code, 1, 'wrong'),
      judged('b', code, 1, 'right'),
      judged('c', code, 1, 'right'),
      judged('e', code, 3, 'right'), // no longer fires: gone, on the quietest level
      judged('d', 'sensitive.insult', 2, 'right'),
    ];
    const tally = tallyPrecision(current, judgements);
    expect(tally).toEqual([
      { code: `${code}@critical`, severity: 'critical', judged: 1, right: 1, unjudged: 0, gone: 0 },
      { code: `${code}@info`, severity: 'info', judged: 2, right: 1, unjudged: 0, gone: 1 },
      { code: 'sensitive.insult', severity: 'critical', judged: 1, right: 1, unjudged: 0, gone: 0 },
    ]);
  });

  it('keeps the plain code name when a code fires at one severity', () => {
    const tally = tallyPrecision([{ conversationId: 'a', finding: finding('script.missing_greeting', 'minor', 0) }], []);
    expect(tally).toEqual([{ code: 'script.missing_greeting', severity: 'minor', judged: 0, right: 0, unjudged: 1, gone: 0 }]);
  });
});
