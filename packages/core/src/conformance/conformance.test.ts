import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Analyzer, builtinAnalyzers, kbAnalyzer } from '@cxqa/core';
import { buildAnalyzerContext, checkAnalyzerConformance } from '@cxqa/core/testing';
import { describe, expect, it } from 'vitest';

describe('analyzer conformance suite', () => {
  for (const analyzer of builtinAnalyzers()) {
    it(`built-in analyzer "${analyzer.name}" conforms`, async () => {
      expect(await checkAnalyzerConformance(analyzer)).toEqual([]);
    });
  }

  it('the kb analyzer (given the fixture KB) conforms', async () => {
    const kb = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', '..', '..', 'fixtures', 'kb', 'kb.json'), 'utf8'));
    expect(await checkAnalyzerConformance(kbAnalyzer({ kb }))).toEqual([]);
  });

  it('catches an analyzer that breaks the contract in several ways', async () => {
    let calls = 0;
    const rude: Analyzer = {
      name: 'Rude',
      version: 'one',
      analyze(ctx) {
        console.log('hello from an analyzer');
        (ctx.conversation as { id: string }).id += '!';
        calls++;
        return {
          scores: {},
          findings: ctx.messages.length
            ? [{ analyzer: 'other', code: 'rude.x', severity: 'minor', messageIndex: 0, span: { start: 0, end: 10_000_000 }, explanation: 'x' }]
            : [],
          metrics: { unprefixed: calls },
        };
      },
    };
    const problems = (await checkAnalyzerConformance(rude)).join('\n');
    expect(problems).toMatch(/name "Rude"/);
    expect(problems).toMatch(/version "one"/);
    expect(problems).toMatch(/wrote output/);
    expect(problems).toMatch(/mutated/);
    expect(problems).toMatch(/different output/);
    expect(problems).toMatch(/metric "unprefixed"/);
    expect(problems).toMatch(/findings\[0\]\.analyzer/);
    expect(problems).toMatch(/outside the original text/);
  });

  it('builds the context an analyzer sees, for users unit-testing their own analyzers', async () => {
    const ctx = await buildAnalyzerContext({ id: 'x', messages: [{ role: 'customer', text: 'Ｈｉ', at: '2026-03-02T10:00:00Z' }] });
    expect(ctx.messages[0]!.view.normalized).toBe('hi');
    expect(ctx.chronological).toEqual([0]);
  });
});
