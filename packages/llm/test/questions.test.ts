import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isCxqaError } from '@cxqa/core';
import { describe, expect, it } from 'vitest';
import { applies, defaultQuestionSet, loadQuestionSet, parseQuestionSet } from '../src/index.js';

function error(fn: () => unknown) {
  try {
    fn();
  } catch (e) {
    if (isCxqaError(e)) return e;
    throw e;
  }
  throw new Error('did not throw');
}

describe('question sets', () => {
  it('ships the six default questions, each with a dimension, severity and version', () => {
    const set = defaultQuestionSet();
    expect(set.questions.map((q) => q.id)).toEqual([
      'solution_offered',
      'policy_explained',
      'empathy_when_upset',
      'ownership',
      'accurate_promises',
      'closing_next_steps',
    ]);
    expect(set.questions.find((q) => q.id === 'empathy_when_upset')!.answer).toBe('scale');
    for (const q of set.questions) expect(`llm.${q.id}`).toMatch(/^[a-z0-9_]+(\.[a-z0-9_]+)+$/);
    expect(set.questions.map((q) => q.evidenceFrom)).toEqual([['agent'], ['agent'], ['agent', 'customer'], ['agent'], ['agent'], ['agent']]);
  });

  it('a YAML error names the file, the line and the field', () => {
    const yaml = [
      'name: brand',
      'version: 1.0.0',
      'questions:',
      '  - id: greet',
      '    version: 1.0.0',
      '    question: Did the agent greet the customer?',
      '    answer: yes_no',
      '    dimension: courtesy',
      '    severity: terrible',
    ].join('\n');
    const e = error(() => parseQuestionSet(yaml, 'brand.yaml'));
    expect(e.code).toBe('invalid_config');
    expect(e.message).toMatch(/^invalid question set: brand\.yaml:9: questions\.0\.severity: /);
    expect(e.path).toEqual(['brand.yaml', 'questions', 0, 'severity']);
  });

  it('a missing field points at its question, an unknown field at itself', () => {
    const yaml = [
      'name: brand',
      'version: 1.0.0',
      'questions:',
      '  - id: a_ok',
      '    version: 1.0.0',
      '    question: Did the agent greet the customer?',
      '    answer: yes_no',
      '    dimension: courtesy',
      '    severity: minor',
      '  - id: b',
      '    version: 1.0.0',
      '    question: Did the agent say goodbye?',
      '    answer: yes_no',
      '    severity: minor',
      '    colour: red',
    ].join('\n');
    const e = error(() => parseQuestionSet(yaml, 'b.yaml'));
    expect(e.message).toContain('b.yaml:10: questions.1.dimension');
    expect(e.message).toMatch(/b\.yaml:10: questions\.1: Unrecognized key: "colour"/);
  });

  it('JSON gets line numbers too, and bad ids and duplicate ids are named', () => {
    const json = JSON.stringify(
      {
        name: 'x',
        version: '1.0.0',
        questions: [
          { id: 'dup', version: '1.0.0', question: 'Was the agent polite?', answer: 'yes_no', dimension: 'conduct', severity: 'minor' },
          { id: 'dup', version: '1.0.0', question: 'Was the agent polite again?', answer: 'yes_no', dimension: 'conduct', severity: 'minor' },
        ],
      },
      null,
      2,
    );
    const e = error(() => parseQuestionSet(json, 'q.json'));
    expect(e.message).toMatch(/q\.json:\d+: questions\.1\.id: duplicate question id "dup"/);
    const line = Number(/q\.json:(\d+)/.exec(e.message)![1]);
    expect(json.split('\n')[line - 1]).toContain('"id": "dup"');
    const bad = error(() => parseQuestionSet(json.replace(/"dup"/, '"Bad-Id"'), 'q.json'));
    expect(bad.message).toMatch(/questions\.0\.id: lower-case letters/);
  });

  it('broken YAML syntax names the line', () => {
    const e = error(() => parseQuestionSet('name: x\nversion: 1.0.0\nquestions: [\n  {id: a\n', 'broken.yaml'));
    expect(e.message).toMatch(/^broken\.yaml:\d+: not valid YAML\/JSON/);
  });

  it('loads from a file and an unreadable file is input_unreadable', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cxqa-q-'));
    writeFileSync(
      join(dir, 'q.yaml'),
      'name: x\nversion: 2.0.0\nquestions:\n  - {id: a, version: 1.0.0, question: Did the agent apologise?, answer: yes_no, dimension: conduct, severity: minor}\n',
    );
    expect(loadQuestionSet(join(dir, 'q.yaml')).version).toBe('2.0.0');
    expect(error(() => loadQuestionSet(join(dir, 'none.yaml'))).code).toBe('input_unreadable');
  });

  it('appliesWhen filters by inquiry type, platform and language; und never matches a language filter', () => {
    const [q] = parseQuestionSet(
      'name: x\nversion: 1.0.0\nquestions:\n  - {id: a, version: 1.0.0, question: Was the refund policy explained?, answer: yes_no, dimension: accuracy, severity: major, appliesWhen: {inquiryTypes: [refund], languages: [de, en], platforms: [Amazon]}}\n',
    ).questions;
    expect(applies(q!, { inquiryType: 'Refund', platform: 'amazon', languages: ['de', 'und'] })).toBe(true);
    expect(applies(q!, { inquiryType: 'shipping', platform: 'amazon', languages: ['de'] })).toBe(false);
    expect(applies(q!, { inquiryType: 'refund', platform: 'ebay', languages: ['de'] })).toBe(false);
    expect(applies(q!, { inquiryType: 'refund', platform: 'amazon', languages: ['und', 'fr'] })).toBe(false);
    expect(applies(q!, { inquiryType: undefined, platform: 'amazon', languages: ['de'] })).toBe(false);
  });
});
