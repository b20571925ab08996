import { readFileSync } from 'node:fs';
import { isCxqaError } from '@cxqa/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CALIBRATION_FIXTURE, calibrate, formatCalibration, llmJudgeAnalyzer, parseLabels, runCalibration } from '../src/index.js';
import { model } from './helpers.js';
import { type FakeServer, startServer, transcriptOf } from './server.js';

let server: FakeServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

describe('calibration', () => {
  it('reads CSV and JSONL labels and names the line of a bad row', () => {
    expect(parseLabels('conversation_id,question_id,answer\nc1,ownership,Yes\n')).toEqual([{ conversationId: 'c1', questionId: 'ownership', answer: 'yes' }]);
    expect(parseLabels('{"conversationId":"c1","questionId":"q","answer":"3"}\n')).toEqual([{ conversationId: 'c1', questionId: 'q', answer: '3' }]);
    try {
      parseLabels('conversation_id,question_id,answer\nc1,ownership,yes\nc2,,no\n', 'l.csv');
      expect.unreachable();
    } catch (e) {
      expect(isCxqaError(e, 'input_unreadable') && e.message).toMatch(/^l\.csv:3: /);
    }
  });

  it('unanswered judge answers lower coverage, not accuracy', () => {
    const labels = ['yes', 'yes', 'no', 'no'].map((answer, i) => ({ conversationId: `c${i}`, questionId: 'q', answer }));
    const judged: Record<string, string> = { c0: 'yes', c1: 'no', c2: 'no', c3: 'unverified' };
    const r = calibrate(labels, (c) => judged[c]).questions[0]!;
    expect(r).toMatchObject({
      labelled: 4,
      compared: 3,
      unanswered: 1,
      coverage: 0.75,
      categories: ['yes', 'no'],
      confusion: [
        [1, 1],
        [0, 1],
      ],
    });
    expect(r.accuracy).toBeCloseTo(2 / 3);
  });

  it('runs the judge over the shipped fixture and reports accuracy, κ and the confusion matrix per question', async () => {
    const labels = parseLabels(readFileSync(CALIBRATION_FIXTURE.labels, 'utf8'));
    const firstText = new Map(
      readFileSync(CALIBRATION_FIXTURE.conversations, 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { id: string; messages: { text: string }[] })
        .map((c) => [c.messages[0]!.text, c.id]),
    );
    expect(labels).toHaveLength(48);
    // the scripted judge gives the human answer except: cal-05 ownership no (human yes), cal-02 empathy 2 (human 1), cal-03 policy na (human yes), cal-08 closing with an invented quote
    server.handle(
      model((id, req) => {
        const lines = transcriptOf(req);
        const conv = firstText.get(lines[0]!.text)!;
        let answer = labels.find((l) => l.conversationId === conv && l.questionId === id)!.answer;
        if (conv === 'cal-05' && id === 'ownership') answer = 'no';
        if (conv === 'cal-02' && id === 'empathy_when_upset') answer = '2';
        if (conv === 'cal-03' && id === 'policy_explained') answer = 'na';
        const quote = conv === 'cal-08' && id === 'closing_next_steps' ? 'Have a nice day!' : lines[1]!.text.slice(0, 12);
        return { answer, evidence: answer === 'na' ? [] : [{ message: lines[1]!.index, text: quote }] };
      }),
    );
    const run = await runCalibration({
      ...CALIBRATION_FIXTURE,
      judge: llmJudgeAnalyzer({ baseURL: server.baseURL, apiKey: 'sk-test', model: 'judge-1', retries: 0 }),
      minKappa: 0.5,
      minCoverage: 0.9,
    });
    const q = (id: string) => run.questions.find((x) => x.questionId === id)!;
    expect(q('solution_offered')).toMatchObject({ compared: 8, accuracy: 1, kappa: 1 });
    expect(q('ownership')).toMatchObject({
      compared: 8,
      categories: ['yes', 'no', 'na'],
      confusion: [
        [5, 1, 0],
        [0, 2, 0],
        [0, 0, 0],
      ],
    });
    expect(q('ownership').accuracy).toBeCloseTo(7 / 8);
    expect(q('ownership').kappa).toBeCloseTo((7 / 8 - 36 / 64) / (1 - 36 / 64), 10);
    expect(q('closing_next_steps')).toMatchObject({ labelled: 8, compared: 7, unanswered: 1, accuracy: 1 });
    expect(q('policy_explained')).toMatchObject({
      accuracy: 7 / 8,
      confusion: [
        [0, 0, 1],
        [0, 0, 0],
        [0, 0, 7],
      ],
    });
    expect(q('empathy_when_upset').categories).toEqual(['1', '2', '3', '4', '5', 'na']);
    expect(q('empathy_when_upset').accuracy).toBeCloseTo(7 / 8);
    expect(run.overall).toMatchObject({ labelled: 48, compared: 47 });
    expect(run.ok).toBe(false);
    expect(run.failures).toEqual(['policy_explained: κ 0.00 < 0.5', 'closing_next_steps: coverage 0.88 < 0.9']);
    expect(run.failed).toEqual({});
    expect(run.text).toContain('ownership             8        8      0.88   0.71');
    expect(formatCalibration(run)).toMatch(/^calibration: 47\/48 labels compared/);
  });
});
