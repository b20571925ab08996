import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildKbIndex, kbWords, checkFacts, createInspector, extractQuantities, isCxqaError, kbAnalyzer, lexicalSimilarity, loadKnowledgeBase, parseKnowledgeBase, sameQuantity, translatorFromFunction } from '@cxqa/core';

const dir = mkdtempSync(join(tmpdir(), 'cxqa-kb-'));
const file = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
};

describe('knowledge base loading', () => {
  it('reads JSON, JSONL, CSV and YAML into the same entries, versioning files without one', async () => {
    const entry = { id: 'returns', questions: ['How long to return?', 'Return window?'], answer: 'Within 30 days.', facts: [{ name: 'return window', value: 30, unit: 'days' }, { name: 'free return shipping', value: false }], language: 'en' };
    const json = await loadKnowledgeBase(file('kb.json', JSON.stringify({ version: 'v7', entries: [entry] })));
    const jsonl = await loadKnowledgeBase(file('kb.jsonl', `${JSON.stringify(entry)}\n`));
    const csv = await loadKnowledgeBase(file('kb.csv', 'id,questions,answer,facts,language\nreturns,How long to return?|Return window?,Within 30 days.,return window=30 days; free return shipping=no,en\n'));
    const yaml = await loadKnowledgeBase(file('kb.yaml', 'version: v7\nentries:\n  - id: returns\n    questions: [How long to return?, Return window?]\n    answer: Within 30 days.\n    facts:\n      - { name: return window, value: 30, unit: days }\n      - { name: free return shipping, value: false }\n'));
    expect(json.version).toBe('v7');
    expect(jsonl.version).toMatch(/^kb\.jsonl@[0-9a-f]{8}$/);
    for (const kb of [jsonl, csv, yaml]) expect(kb.entries[0]).toEqual(expect.objectContaining({ id: 'returns', questions: entry.questions, answer: entry.answer, facts: entry.facts }));
  });

  it('names the file, line or field that is wrong', async () => {
    await expect(loadKnowledgeBase(file('bad.jsonl', '{"id":"a","answer":"x"}\nnot json\n'))).rejects.toThrow(/bad\.jsonl:2: not JSON/);
    try {
      parseKnowledgeBase({ version: '1', entries: [{ id: 'a', answer: 'x', facts: [{ name: 'f', value: [1] }] }] }, 'kb.json');
      expect.unreachable();
    } catch (e) {
      expect(isCxqaError(e, 'invalid_config')).toBe(true);
      expect((e as { issues: { path: unknown[] }[] }).issues[0]!.path).toEqual(['entries', 0, 'facts', 0, 'value']);
    }
    expect(() => parseKnowledgeBase({ version: '1', entries: [{ id: 'a' }, { id: 'a' }] })).toThrow(/entries\.1\.id: duplicate id "a"/);
    expect(() => parseKnowledgeBase({ version: '1', entries: [{ id: 'a', mustMention: ['my orders('] }] })).toThrow(/entries\.0\.mustMention\.0: invalid regex/);
  });
});

describe('facts', () => {
  it('reads durations, percentages and money in several languages and compares across units', () => {
    const q = (t: string) => extractQuantities(t).map((x) => `${x.value} ${x.unit}`);
    expect(q('Rückgabe binnen 30 Tagen, Gebühr 15 %')).toEqual(['30 day', '15 percent']);
    expect(q('三十天内退货，满50美元包邮')).toEqual(['30 day', '50 USD']);
    expect(q('dentro de 2 semanas, 20 € de gastos')).toEqual(['2 week', '20 EUR']);
    expect(sameQuantity({ value: 1, unit: 'month' }, { value: 30, unit: 'day' })).toBe(true);
    expect(sameQuantity({ value: 2, unit: 'week' }, { value: 30, unit: 'day' })).toBe(false);
    expect(sameQuantity({ value: 30, unit: 'USD' }, { value: 30, unit: 'EUR' })).toBeNull();
  });

  it('reports a contradiction only where the sentence names the fact, with the agent span', () => {
    const entry = parseKnowledgeBase({ version: '1', entries: [{ id: 'r', answer: '', facts: [{ name: 'return window', value: 30, unit: 'days', keywords: ['return'] }, { name: 'free return shipping', value: true, keywords: ['return shipping'] }] }] }).entries[0]!;
    const text = 'We reply within 2 days. You can return it within 60 days, but return shipping is not free.';
    const conflicts = checkFacts(text, entry);
    expect(conflicts.map((c) => [c.fact.name, c.stated, c.kbValue])).toEqual([['return window', '60 days', '30 days'], ['free return shipping', 'is not free', 'yes']]);
    expect(text.slice(conflicts[0]!.start, conflicts[0]!.end)).toBe('60 days');
    expect(checkFacts('You have 30 days to return it, and return shipping is free.', entry)).toEqual([]);
  });
});

describe('retrieval', () => {
  it('segments long texts in pieces without splitting or losing words', () => {
    const words = Array.from({ length: 3000 }, (_, i) => ['alpha', 'beta', 'gamma', 'delta'][i % 4]!);
    expect(kbWords(words.join(' '))).toEqual(words);
    expect(kbWords('退货。'.repeat(400), 'zh')).toEqual(Array.from({ length: 400 }, () => kbWords('退货。', 'zh')).flat());
  });

  it('finds the entry across typos and CJK, and says when no entry applies', async () => {
    const kb = parseKnowledgeBase({
      version: 'r1',
      entries: [
        { id: 'returns', questions: ['How long do I have to return an item?', '退货期限是多久'], answer: 'Within 30 days.' },
        { id: 'shipping', questions: ['How long does shipping take?', '发货要多久'], answer: '3-5 days.' },
      ],
    });
    const index = await buildKbIndex(kb);
    expect((await index.search('how long to retrun an item')).best?.entry.id).toBe('returns');
    expect((await index.search('请问退货期限', { language: 'zh' })).best?.entry.id).toBe('returns');
    expect((await index.search('What is the weather tomorrow?')).best).toBeNull();
    expect(lexicalSimilarity('Returns within 30 days', 'Returns within 30 days')).toBeCloseTo(1);
  });
});

describe('kb analyzer across languages', () => {
  it('retrieves through the translation and reports the fact with a span in the original text', async () => {
    const kb = await loadKnowledgeBase(join(import.meta.dirname, '..', '..', '..', 'fixtures', 'kb', 'kb.json'));
    const phrasebook: Record<string, string> = { '耳机的保修期是多久？': 'How long is the warranty on the headphones?', '耳机保修两年。': 'The headphones have a two-year warranty.' };
    const translator = translatorFromFunction('phrasebook', async (texts) => texts.map((t) => phrasebook[t] ?? t));
    const inspector = createInspector({ analyzers: [kbAnalyzer({ kb })], translation: { to: 'en', translator } });
    const result = await inspector.inspect({
      id: 'zh-1',
      messages: [
        { role: 'customer', text: '耳机的保修期是多久？', at: '2026-03-02T10:00:00Z' },
        { role: 'agent', text: '耳机保修两年。', at: '2026-03-02T10:01:00Z' },
      ],
    });
    expect(result.metrics['kb.entries']).toBe('warranty');
    const [finding] = result.findings;
    expect(finding?.code).toBe('kb.contradiction');
    expect(finding?.evidence).toBe('两年');
    expect('耳机保修两年。'.slice(finding!.span!.start, finding!.span!.end)).toBe('两年');
  });
});
