import { createInspector, type Finding } from '@cxqa/core';
import { buildAnalyzerContext, checkAnalyzerConformance } from '@cxqa/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { llmJudgeAnalyzer, PROMPT_VERSION } from '../src/index.js';
import { conversation, model, UPSET } from './helpers.js';
import { apiError, completion, type FakeServer, startServer } from './server.js';

let server: FakeServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

const judge = (extra = {}) => llmJudgeAnalyzer({ baseURL: server.baseURL, apiKey: 'sk-test', model: 'judge-1', retries: 0, ...extra });

const upsetModel = model((id) => {
  if (id === 'solution_offered') return { answer: 'yes', evidence: [{ message: 3, text: 'I have sent you a replacement today' }] };
  // whitespace differs from the transcript (three spaces there): still verbatim
  if (id === 'ownership')
    return { answer: 'no', confidence: 0.8, evidence: [{ message: 1, text: "That is the courier's fault, not ours. You should contact DHL yourself." }] };
  if (id === 'empathy_when_upset')
    return {
      answer: '1',
      evidence: [
        { message: 1, text: "courier's fault" },
        { message: 0, text: 'ridiculous' },
      ],
    };
  return undefined;
});

describe('llmJudgeAnalyzer', () => {
  it('asks all applicable questions in one structured request and turns bad verified answers into findings', async () => {
    server.handle(upsetModel);
    const before = server.requests.length;
    const ctx = await buildAnalyzerContext(UPSET);
    const out = await judge().analyze(ctx);
    expect(server.requests.length - before).toBe(1);
    const req = server.requests.at(-1)!.body;
    expect(req.temperature).toBe(0);
    expect(req.seed).toBe(7);
    expect(req.response_format?.type).toBe('json_schema');
    const schema = req.response_format!.json_schema!.schema as {
      properties: { answers: { items: { properties: { id: { enum: string[] } }; additionalProperties: boolean } } };
      additionalProperties: boolean;
    };
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.answers.items.additionalProperties).toBe(false);
    expect(schema.properties.answers.items.properties.id.enum).toEqual([
      'solution_offered',
      'policy_explained',
      'empathy_when_upset',
      'ownership',
      'accurate_promises',
      'closing_next_steps',
    ]);

    const codes = out.findings.map((f) => f.code).sort();
    expect(codes).toEqual(['llm.empathy_when_upset', 'llm.ownership']);
    const own = out.findings.find((f) => f.code === 'llm.ownership')! as Finding;
    expect(own.severity).toBe('major');
    expect(own.messageIndex).toBe(1);
    const text = UPSET.messages[1]!.text;
    expect(text.slice(own.span!.start, own.span!.end)).toBe(text); // the whole message, original spacing
    expect(own.evidence).toBe(text);
    expect(own.rule).toMatchObject({
      id: 'llm.ownership@1.0.0',
      kind: 'llm',
      score: 0.8,
      detail: { model: 'judge-1', promptVersion: PROMPT_VERSION, questionSetVersion: '1.0.0', answer: 'no', quotes: [{ message: 1, text }] },
    });
    const emp = out.findings.find((f) => f.code === 'llm.empathy_when_upset')!;
    expect(emp.severity).toBe('minor');
    expect((emp.rule!.detail as { quotes: unknown[] }).quotes).toHaveLength(2);

    expect(out.scores).toEqual({ outcome: 1, accuracy: null, conduct: 0 });
    expect(out.metrics).toMatchObject({
      'llm.questions': 6,
      'llm.answered': 3,
      'llm.na': 3,
      'llm.unverified': 0,
      'llm.quotesDropped': 0,
      'llm.requests': 1,
      'llm.mode': 'json_schema',
      'llm.answer.ownership': 'no',
      'llm.answer.empathy_when_upset': '1',
      'llm.answer.policy_explained': 'na',
    });
  });

  it('drops quotes not in their message, counts them, and an answer left without evidence is unverified and scores nothing', async () => {
    server.handle(
      model((id) => {
        if (id === 'ownership')
          return {
            answer: 'no',
            evidence: [
              { message: 1, text: 'We refuse to help you.' },
              { message: 0, text: "That is the courier's fault" },
            ],
          }; // invented; real text but wrong message
        if (id === 'solution_offered')
          return {
            answer: 'yes',
            evidence: [
              { message: 3, text: 'I have SENT you a replacement' },
              { message: 99, text: 'x' },
              { message: 3, text: 'replacement today' },
            ],
          }; // case differs; no message 99; one good
        if (id === 'closing_next_steps') return { answer: 'yes', evidence: [{ message: 3, text: 'tracking number follows by e-mail' }] }; // a character differs
        return undefined;
      }),
    );
    const out = await judge().analyze(await buildAnalyzerContext(UPSET));
    expect(out.metrics['llm.quotesDropped']).toBe(5);
    expect(out.metrics['llm.unverified']).toBe(2);
    expect(out.metrics['llm.answer.ownership']).toBe('unverified');
    expect(out.metrics['llm.answer.closing_next_steps']).toBe('unverified');
    expect(out.metrics['llm.answer.solution_offered']).toBe('yes');
    expect(out.findings).toEqual([]);
    expect(out.scores).toEqual({ outcome: 1, accuracy: null, conduct: null });
  });

  it('questions that do not apply are not asked; no applicable question means no request', async () => {
    server.handle(upsetModel);
    const set = {
      name: 'x',
      version: '3.1.0',
      questions: [
        {
          id: 'refund_policy',
          version: '1.0.0',
          question: 'Was the refund policy explained?',
          answer: 'yes_no' as const,
          dimension: 'accuracy',
          severity: 'major' as const,
          appliesWhen: { inquiryTypes: ['refund'] },
        },
        {
          id: 'german_formal',
          version: '1.0.0',
          question: 'Did the agent use Sie throughout?',
          answer: 'yes_no' as const,
          dimension: 'conduct',
          severity: 'minor' as const,
          appliesWhen: { languages: ['de'] },
        },
      ],
    };
    const before = server.requests.length;
    const none = await judge({ questions: set }).analyze(await buildAnalyzerContext(UPSET));
    expect(server.requests.length).toBe(before);
    expect(none).toMatchObject({ scores: { accuracy: null, conduct: null }, findings: [], metrics: { 'llm.questions': 0, 'llm.requests': 0 } });
    await judge({ questions: set }).analyze(await buildAnalyzerContext({ ...UPSET, inquiryType: 'Refund' }));
    expect(server.requests.length).toBe(before + 1);
    expect(server.requests.at(-1)!.body.response_format!.json_schema!.schema).toMatchObject({
      properties: { answers: { items: { properties: { id: { enum: ['refund_policy'] } } } } },
    });
  });

  it('falls back to JSON mode once when the endpoint rejects json_schema, and stays there', async () => {
    let n = 0;
    server.handle((req) => {
      n++;
      if (req.response_format?.type === 'json_schema')
        return apiError(400, "Invalid parameter: 'response_format' of type 'json_schema' is not supported with this model");
      return upsetModel(req);
    });
    const j = judge();
    const out = await j.analyze(await buildAnalyzerContext(UPSET));
    expect(n).toBe(2);
    expect(out.metrics['llm.mode']).toBe('json_object');
    expect(out.metrics['llm.retries']).toBe(0);
    expect(out.findings.map((f) => f.code).sort()).toEqual(['llm.empathy_when_upset', 'llm.ownership']);
    await j.analyze(await buildAnalyzerContext(UPSET));
    expect(n).toBe(3);
    expect(server.requests.at(-1)!.body.response_format).toEqual({ type: 'json_object' });
    // told to insist on json_schema, it does not fall back
    await expect(judge({ structuredOutput: 'json_schema' }).analyze(await buildAnalyzerContext(UPSET))).rejects.toThrow(/HTTP 400/);
  });

  it('malformed JSON or a reply outside the schema is asked again once, then rejects', async () => {
    const replies = ['{"answers": [', completion({ answers: [{ id: 'ownership', answer: 'no', confidence: 0.9, evidence: [], score: 100 }] })];
    for (const bad of replies) {
      let n = 0;
      server.handle(() => (n++ === 0 ? (typeof bad === 'string' ? completion(bad) : bad) : upsetModel(server.requests.at(-1)!.body)));
      const out = await judge().analyze(await buildAnalyzerContext(UPSET));
      expect(out.metrics['llm.invalidReplies']).toBe(1);
      expect(out.metrics['llm.requests']).toBe(2);
      expect(out.findings).toHaveLength(2);
      server.handle(() => (typeof bad === 'string' ? completion(bad) : bad));
      await expect(judge().analyze(await buildAnalyzerContext(UPSET))).rejects.toThrow(/reply was (not JSON|outside the reply schema)/);
    }
    // a fenced JSON reply (common in JSON mode) is read
    server.handle((req) =>
      completion(
        '```json\n' +
          JSON.stringify((upsetModel(req).body as { choices: { message: { content: string } }[] }).choices[0]!.message.content)
            .slice(1, -1)
            .replace(/\\"/g, '"') +
          '\n```',
      ),
    );
    const fenced = await judge().analyze(await buildAnalyzerContext(UPSET));
    expect(fenced.findings).toHaveLength(2);
  });

  it('an answer of the wrong type for its question counts as missing', async () => {
    server.handle(
      model((id) =>
        id === 'ownership'
          ? { answer: '4', evidence: [{ message: 1, text: 'courier' }] }
          : id === 'empathy_when_upset'
            ? { answer: 'yes', evidence: [{ message: 1, text: 'courier' }] }
            : undefined,
      ),
    );
    const out = await judge().analyze(await buildAnalyzerContext(UPSET));
    expect(out.metrics).toMatchObject({ 'llm.invalidAnswers': 2, 'llm.missing': 2, 'llm.answer.ownership': 'missing' });
    expect(out.findings).toEqual([]);
  });

  it('runs in the pipeline: findings pass the masker, the result is ok', async () => {
    server.handle(model((id) => (id === 'ownership' ? { answer: 'no', evidence: [{ message: 1, text: 'write to me at jane.doe@example.com' }] } : undefined)));
    const c = conversation('mail-1', [
      ['customer', 'Where is my order?'],
      ['agent', 'Not my problem, write to me at jane.doe@example.com'],
    ]);
    const result = await createInspector({ analyzers: [judge()] }).inspect(c);
    expect(result.status).toBe('ok');
    const f = result.findings.find((x) => x.code === 'llm.ownership')!;
    expect(f).toBeDefined();
    expect(JSON.stringify(result)).not.toContain('jane.doe@example.com');
  });

  it('another name prefixes codes and metrics; a name that cannot be a code prefix is refused', async () => {
    server.handle(upsetModel);
    const out = await judge({ name: 'llm_gpt' }).analyze(await buildAnalyzerContext(UPSET));
    expect(out.findings.map((f) => f.code).sort()).toEqual(['llm_gpt.empathy_when_upset', 'llm_gpt.ownership']);
    expect(out.metrics['llm_gpt.requests']).toBe(1);
    expect(() => judge({ name: 'LLM-Judge' })).toThrow(/`name` "LLM-Judge" must be lower-case/);
    expect(() => judge({ samples: 0 })).toThrow(/`samples` must be an integer/);
  });

  it('passes the conformance suite', async () => {
    server.handle(model(() => undefined));
    expect(await checkAnalyzerConformance(judge())).toEqual([]);
  });
});
