import { type Analyzer, courtesyAnalyzer, createInspector, timingAnalyzer } from '@cxqa/core';
import { describe, expect, it } from 'vitest';
import { MAX_ALSO_AT, MAX_FINDINGS_PER_CODE, mergeFindings } from '../src/pipeline/analyze/merge-findings.js';
import { MAX_FINDINGS_PER_ANALYZER } from '../src/pipeline/analyze/run-analyzer.js';
import { maxOf, minOf, pushAll } from '../src/util/arrays.js';

// Reproducers of an outside probe (issue 12, "data is lost"): each input must yield its own result,
// whatever a user analyzer throws or returns and however large the conversation.
const at = (i: number) => new Date(Date.UTC(2026, 2, 2, 10, 0, 0) + i * 1000).toISOString();
const conv = (texts: string[], id = 'c') => ({ id, messages: texts.map((text, i) => ({ role: i % 2 ? 'agent' : 'customer', text, at: at(i) })) });
const analyzer = (analyze: Analyzer['analyze']): Analyzer => ({ name: 'user', version: '1', analyze });

async function all(analyzers: Analyzer[], timeLimitMs?: number) {
  const inspector = createInspector({ analyzers, ...(timeLimitMs ? { timeLimitMs } : {}) });
  const out = [];
  for await (const r of inspector.inspectMany([conv(['hi', 'hello'], 'a'), conv(['where is it?', 'today'], 'b')])) out.push(r);
  return out;
}

describe('a user analyzer cannot lose the stream', () => {
  const cases: [string, Analyzer['analyze'], string][] = [
    [
      'throws a null-prototype object',
      () => {
        throw Object.create(null);
      },
      'analyzer_failed',
    ],
    [
      'throws an Error whose message getter throws',
      () => {
        const e = new Error('x');
        Object.defineProperty(e, 'message', {
          get() {
            throw new Error('no');
          },
        });
        throw e;
      },
      'analyzer_failed',
    ],
    ['rejects with a Symbol', () => Promise.reject(Symbol('s')), 'analyzer_failed'],
    [
      'returns an output whose getter throws',
      () => ({
        get scores(): never {
          throw new Error('getter');
        },
        findings: [],
        metrics: {},
      }),
      'analyzer_invalid_output',
    ],
    [
      'returns findings whose getter throws a null-prototype object',
      () => ({
        scores: {},
        get findings(): never {
          throw Object.create(null);
        },
        metrics: {},
      }),
      'analyzer_invalid_output',
    ],
    ['never settles', () => new Promise(() => {}), 'analyzer_timeout'],
  ];
  for (const [what, analyze, code] of cases) {
    it(`one partial result per input when the analyzer ${what}`, async () => {
      const results = await all([analyzer(analyze), timingAnalyzer()], 100);
      expect(results.map((r) => r.conversationId)).toEqual(['a', 'b']);
      for (const r of results) {
        expect(r.status).toBe('partial');
        expect(r.issues[0]).toMatchObject({ code, analyzer: 'user' });
        expect(r.metrics['timing.firstResponseSeconds']).toBe(1); // the other analyzers still ran
      }
    });
  }

  it('keeps the first findings of an analyzer that returns 200,000 and says so', async () => {
    const many = Array.from({ length: 200_000 }, (_, i) => ({
      code: 'user.x',
      severity: 'minor' as const,
      messageIndex: i % 2,
      explanation: 'x',
      analyzer: 'user',
    }));
    const [r] = await all([analyzer(() => ({ scores: {}, findings: many, metrics: {} }))]);
    expect(r!.status).toBe('partial');
    expect(r!.issues[0]).toMatchObject({ code: 'analyzer_output_truncated', message: expect.stringContaining(`first ${MAX_FINDINGS_PER_ANALYZER}`) });
    expect(r!.findings).toHaveLength(2); // one per code and message, the rest as places
    expect(r!.findings[0]!.rule?.detail).toMatchObject({ alsoAtMore: MAX_FINDINGS_PER_ANALYZER / 2 - 1 - MAX_ALSO_AT });
  });
});

describe('a user analyzer’s output is copied, not passed through', () => {
  const valid = { code: 'user.x', severity: 'minor' as const, messageIndex: 0, explanation: 'x', analyzer: 'user' };
  it('drops keys the schema does not know (they would bypass the masker) and masks metric keys', async () => {
    const [r] = await all([
      analyzer(() => ({
        scores: {},
        findings: [
          {
            ...valid,
            note: 'jane.doe77@gmail.com',
            span: { start: 0, end: 1, text: 'jane.doe77@gmail.com' },
            rule: { id: 'r', kind: 'rule' as const, note: 'jane.doe77@gmail.com' },
          },
        ],
        metrics: { 'x.jane.doe77@gmail.com': 1 },
      })),
    ]);
    expect(JSON.stringify(r)).not.toContain('jane.doe77');
    expect(r!.status).toBe('ok');
  });
  it('a rule.detail that cannot be written as JSON (a BigInt, a throwing toJSON) is an invalid output, not an unwritable result', async () => {
    for (const detail of [
      { n: 10n },
      {
        x: {
          toJSON: () => {
            throw new Error('no');
          },
        },
      },
    ]) {
      const [r] = await all([analyzer(() => ({ scores: {}, findings: [{ ...valid, rule: { id: 'r', kind: 'rule' as const, detail } }], metrics: {} }))]);
      expect(r!.status).toBe('partial');
      expect(r!.issues[0]).toMatchObject({ code: 'analyzer_invalid_output', message: expect.stringContaining('cannot be written as JSON') });
      expect(() => JSON.stringify(r)).not.toThrow();
    }
  });
  it('reads each value once: a severity getter that changes its answer cannot reach the result', async () => {
    let reads = 0;
    const finding = {
      ...valid,
      get severity() {
        return reads++ === 0 ? ('minor' as const) : ('weird' as 'minor');
      },
    };
    const [r] = await all([analyzer(() => ({ scores: {}, findings: [finding], metrics: {} }))]);
    expect(r!.findings[0]!.severity).toBe('minor');
  });
});

describe('input size never reaches the call stack', () => {
  it('scores a 200,000-message conversation (timing and courtesy) without a partial result', async () => {
    const texts = Array.from({ length: 200_000 }, (_, i) => (i % 2 ? 'ok' : 'hi'));
    const r = await createInspector({ analyzers: [timingAnalyzer(), courtesyAnalyzer({ conduct: false })] }).inspect(conv(texts));
    expect(r.issues).toEqual([]);
    expect(r.status).toBe('ok');
    expect(r.metrics['timing.longestResponseSeconds']).toBe(1);
  }, 60_000);

  it('pushAll, maxOf and minOf take 500,000 items where spreading them throws', () => {
    const big = Array.from({ length: 500_000 }, (_, i) => i);
    expect(() => Math.max(...big)).toThrow(RangeError);
    expect(maxOf(big)).toBe(499_999);
    expect(minOf(big)).toBe(0);
    expect(pushAll([-1], big)).toHaveLength(500_001);
    expect(maxOf([])).toBe(-Infinity);
    expect(Number.isNaN(maxOf([1, Number.NaN, 3]))).toBe(true);
  });
});

describe('mergeFindings is bounded and linear', () => {
  const f = (code: string, messageIndex: number | undefined, start: number) => ({
    code,
    severity: 'minor' as const,
    explanation: 'e',
    analyzer: 'a',
    ...(messageIndex === undefined ? {} : { messageIndex }),
    span: { start, end: start + 1 },
  });
  it('caps separate values per code and message and counts the rest', () => {
    const pii = Array.from({ length: 150_000 }, (_, i) => f('pii.email', 0, i * 2));
    const out = mergeFindings(pii);
    expect(out).toHaveLength(MAX_FINDINGS_PER_CODE);
    expect(out.at(-1)!.rule?.detail?.omitted).toBe(150_000 - MAX_FINDINGS_PER_CODE);
    expect(out.at(-1)!.explanation).toMatch(/and 149,980 more like it/);
  });
  it('merges one code on one message with its places, capped', () => {
    const out = mergeFindings(Array.from({ length: 100_000 }, (_, i) => f('politeness.curt', 3, i)));
    expect(out).toHaveLength(1);
    expect(out[0]!.rule!.detail!.alsoAt).toHaveLength(MAX_ALSO_AT);
    expect(out[0]!.rule!.detail!.alsoAtMore).toBe(100_000 - 1 - MAX_ALSO_AT);
  });
  it('keeps the most severe of a merged group and findings without a message apart (capped)', () => {
    const out = mergeFindings([f('x.y', 1, 0), { ...f('x.y', 1, 5), severity: 'major' }, ...Array.from({ length: 30 }, (_, i) => f('z.w', undefined, i))]);
    expect(out[0]).toMatchObject({ severity: 'major', rule: { detail: { alsoAt: [{ start: 0, end: 1 }] } } });
    expect(out.filter((x) => x.code === 'z.w')).toHaveLength(MAX_FINDINGS_PER_CODE);
  });
});

describe('a translator cannot hang or break a run', () => {
  const bilingual = {
    id: 't',
    messages: [
      { role: 'customer', text: 'Wo ist meine Bestellung? Sie sollte gestern ankommen.', at: at(0) },
      { role: 'agent', text: 'Ich sehe sofort nach.', at: at(1) },
    ],
  };
  const run = (translate: (texts: string[], o: { signal?: AbortSignal }) => Promise<string[]>) =>
    createInspector({ analyzers: [timingAnalyzer()], timeLimitMs: 100, translation: { to: 'en', translator: { name: 'mt', translate } } }).inspect(bilingual);
  it('cuts a translator that never settles at the time limit and tells it through the signal', async () => {
    let aborted = false;
    const r = await run(
      (_t, o) =>
        new Promise(() =>
          o.signal?.addEventListener('abort', () => {
            aborted = true;
          }),
        ),
    );
    expect(r.issues).toEqual([expect.objectContaining({ code: 'translation_failed', message: expect.stringContaining('did not finish within 100 ms') })]);
    expect(aborted).toBe(true);
    expect(r.metrics['timing.firstResponseSeconds']).toBe(1);
  });
  it('reports a translator that rejects with a null-prototype object or returns a non-array', async () => {
    expect((await run(() => Promise.reject(Object.create(null)))).issues[0]).toMatchObject({ code: 'translation_failed' });
    expect((await run(async () => 'nope' as unknown as string[])).issues[0]).toMatchObject({
      code: 'translation_failed',
      message: expect.stringContaining('string texts'),
    });
  });
});
