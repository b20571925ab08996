import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildKbIndex, createInspector, isCxqaError, kbAnalyzer, loadKnowledgeBase, parseKnowledgeBase, translatorFromFunction } from '@cxqa/core';
import { checkFacts, extractQuantities, kbWords, lexicalSimilarity, parseDigits, sameQuantity } from '@cxqa/core/kb';
import { describe, expect, it } from 'vitest';
import { clauses } from './knowledge/clauses.js';
import { entryByTopic, topicsOf } from './knowledge/topics.js';

const dir = mkdtempSync(join(tmpdir(), 'cxqa-kb-'));
const file = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
};

describe('knowledge base loading', () => {
  it('reads JSON, JSONL, CSV and YAML into the same entries, versioning files without one', async () => {
    const entry = {
      id: 'returns',
      questions: ['How long to return?', 'Return window?'],
      answer: 'Within 30 days.',
      facts: [
        { name: 'return window', value: 30, unit: 'days' },
        { name: 'free return shipping', value: false },
      ],
      language: 'en',
    };
    const json = await loadKnowledgeBase(file('kb.json', JSON.stringify({ version: 'v7', entries: [entry] })));
    const jsonl = await loadKnowledgeBase(file('kb.jsonl', `${JSON.stringify(entry)}\n`));
    const csv = await loadKnowledgeBase(
      file(
        'kb.csv',
        'id,questions,answer,facts,language\nreturns,How long to return?|Return window?,Within 30 days.,return window=30 days; free return shipping=no,en\n',
      ),
    );
    const yaml = await loadKnowledgeBase(
      file(
        'kb.yaml',
        'version: v7\nentries:\n  - id: returns\n    questions: [How long to return?, Return window?]\n    answer: Within 30 days.\n    facts:\n      - { name: return window, value: 30, unit: days }\n      - { name: free return shipping, value: false }\n',
      ),
    );
    expect(json.version).toBe('v7');
    expect(jsonl.version).toMatch(/^kb\.jsonl@[0-9a-f]{8}$/);
    for (const kb of [jsonl, csv, yaml])
      expect(kb.entries[0]).toEqual(expect.objectContaining({ id: 'returns', questions: entry.questions, answer: entry.answer, facts: entry.facts }));
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
    expect(() => parseKnowledgeBase({ version: '1', entries: [{ id: 'a', mustMention: ['my orders('] }] })).toThrow(
      /entries\.0\.mustMention\.0: invalid regex/,
    );
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
    const entry = parseKnowledgeBase({
      version: '1',
      entries: [
        {
          id: 'r',
          answer: '',
          facts: [
            { name: 'return window', value: 30, unit: 'days', keywords: ['return'] },
            { name: 'free return shipping', value: true, keywords: ['return shipping'] },
          ],
        },
      ],
    }).entries[0]!;
    const text = 'We reply within 2 days. You can return it within 60 days, but return shipping is not free.';
    const conflicts = checkFacts(text, entry);
    expect(conflicts.map((c) => [c.fact.name, c.stated, c.kbValue])).toEqual([
      ['return window', '60 days', '30 days'],
      ['free return shipping', 'is not free', 'yes'],
    ]);
    expect(text.slice(conflicts[0]!.start, conflicts[0]!.end)).toBe('60 days');
    expect(checkFacts('You have 30 days to return it, and return shipping is free.', entry)).toEqual([]);
  });
});

describe('numbers, clauses and attribution', () => {
  const q = (t: string) => extractQuantities(t).map((x) => `${x.value}${x.max ? `-${x.max}` : ''} ${x.unit}`);

  it('reads digit grouping and decimal marks of every locale', () => {
    expect([
      parseDigits('5,000'),
      parseDigits('5.000'),
      parseDigits('1.234,56'),
      parseDigits('1,234.56'),
      parseDigits('20.5'),
      parseDigits('20,5'),
      parseDigits('0,125'),
      parseDigits('1,00,000'),
      parseDigits("5'000"),
    ]).toEqual([5000, 5000, 1234.56, 1234.56, 20.5, 20.5, 0.125, 100000, 5000]);
    expect(q('送料無料は5,000円以上、または¥5,000、５千円')).toEqual(['5000 JPY', '5000 YEN', '5000 JPY']);
    expect(q('ab 1.500 €, à partir de 1 500 €, over €1,500, 满1,500欧元')).toEqual(['1500 EUR', '1500 EUR', '1500 EUR', '1500 EUR']);
    expect(q('The fee is 20.5%, die Gebühr 12,5 %, 3割')).toEqual(['20.5 percent', '12.5 percent', '30 percent']);
  });

  it('reads prose durations and ranges, not dates, points in time or rates', () => {
    expect(q('a month, half a year, two weeks, a fortnight, a year and a half')).toEqual(['1 month', '6 month', '2 week', '14 day', '18 month']);
    expect(q('einen Monat, un mois, medio año, um mês, un anno, 半年, 一个月, 两周, 한 달, 반년')).toEqual([
      '1 month',
      '1 month',
      '6 month',
      '1 month',
      '1 year',
      '6 month',
      '1 month',
      '2 week',
      '1 month',
      '6 month',
    ]);
    expect(q('3-5 business days, de 3 a 5 días')).toEqual(['3-5 day', '3-5 day']);
    expect(q('3月5日, 2026年, 3월 5일, 2 days ago, vor 2 Tagen, 3天前, 24 hours a day, once a month, a day or two, a semana que vem')).toEqual([]);
    expect(sameQuantity({ value: 3, max: 5, unit: 'day' }, { value: 5, unit: 'day' })).toBe(true);
    expect(sameQuantity({ value: 3, max: 5, unit: 'day' }, { value: 30, unit: 'day' })).toBe(false);
  });

  it('cuts clauses at commas, semicolons and clause-opening conjunctions, not inside numbers', () => {
    const cut = (t: string) => clauses(t).map((c) => c.text.trim());
    expect(cut('Once your return reaches our warehouse, the refund takes 5 business days.')).toEqual([
      'Once your return reaches our warehouse,',
      'the refund takes 5 business days.',
    ]);
    expect(cut('Free delivery over €1,500; assembly €49')).toEqual(['Free delivery over €1,500;', 'assembly €49']);
    expect(cut('Returns and exchanges within 30 days but not for opened items')).toEqual(['Returns and exchanges within 30 days', 'but not for opened items']);
    expect(clauses('返品は、30日以内です').map((c) => c.topic)).toEqual([true, false]);
  });

  const entry = parseKnowledgeBase({
    version: '1',
    entries: [
      {
        id: 'r',
        answer: '',
        facts: [
          { name: 'return window', value: 30, unit: 'days', keywords: ['return', '退货'] },
          { name: 'free return shipping', value: true, keywords: ['return shipping', 'label'] },
          { name: 'refund time', value: 5, unit: 'days', keywords: ['refund', '退款'] },
        ],
      },
    ],
  }).entries[0]!;
  const facts = (t: string, crossLanguage = false) => checkFacts(t, entry, { crossLanguage }).map((c) => `${c.fact.name}=${c.stated}/${c.matchedBy}`);

  it('gives a number to the fact named nearest in its clause, and none when the clause names something else', () => {
    expect(facts('You have 30 days. Once your return reaches our warehouse, the refund takes 5 business days.')).toEqual([]);
    expect(facts('Once your return reaches us, the refund takes 10 business days.')).toEqual(['refund time=10 business days/keyword']);
    expect(facts('Drop off your return within 2 days of printing the label, or the label expires.')).toEqual([]);
    expect(facts('Our warehouse checks returns within 3 days.')).toEqual([]);
    expect(facts('您可以在30天内退货，退款会在收到退货后5个工作日内完成。')).toEqual([]);
    expect(facts('退货期限是15天，退款5个工作日到账。')).toEqual(['return window=15天/keyword']);
    expect(facts('Returns are accepted for a month.')).toEqual([]);
    expect(facts('Returns are accepted for half a year.')).toEqual(['return window=half a year/keyword']);
    // a temporal clause about something else is the reference point of the number before it
    expect(facts('Send the return within 14 days after you print the label.')).toEqual([]);
    expect(facts('We issue the refund 10 business days after the return arrives.')).toEqual(['refund time=10 business days/keyword']);
    // a fact named only as the reference point is not what the number is about
    expect(facts('The amount is credited within 7 days of receipt of your return.')).toEqual([]);
    expect(facts('您的款项会在收到退货后7天内到账。')).toEqual([]);
    // a message that states the value once agrees; a second amount is another quantity
    expect(facts('Returns are accepted for 30 days. Returns of swimwear: 14 days.')).toEqual([]);
  });

  it('falls back to the topic, then to the dimension, only across languages, with one fact of that dimension and a plausible value', () => {
    const warranty = parseKnowledgeBase({
      version: '1',
      entries: [{ id: 'w', answer: 'A 24-month warranty.', facts: [{ name: 'warranty', value: 24, unit: 'months', keywords: ['warranty'] }] }],
    }).entries[0]!;
    const w = (t: string, crossLanguage = true) => checkFacts(t, warranty, { crossLanguage }).map((c) => `${c.stated}/${c.matchedBy}`);
    expect(w('24个月的保修')).toEqual([]);
    // the clause names the fact's topic (保修, Garantie: warranty) in its own language
    expect(w('12个月的保修')).toEqual(['12个月/topic']);
    expect(w('12个月的保修', false)).toEqual([]);
    expect(w('Die Garantie gilt innerhalb von 14 Tagen.')).toEqual([]); // 14 days is no plausible misstatement of 24 months
    expect(w('Ich melde mich in 2 Tagen. Die Garantie beträgt ein Jahr.')).toEqual(['ein Jahr/topic']);
    expect(w('保修一年，维修需要7天。')).toEqual(['一年/topic']);
    // the clause names no topic: the entry's only fact of the dimension
    expect(w('Das Gerät hat 12 Monate.')).toEqual(['12 Monate/dimension']);
    expect(w('我们提供一年。')).toEqual(['一年/dimension']);
    // the clause names a topic no fact of the dimension has: about something else
    expect(w('Die Erstattung dauert 12 Monate.')).toEqual([]);
    // two duration facts: a number whose clause names neither is not compared
    expect(facts('Sie haben 14 Tage.', true)).toEqual([]);
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
    const kb = await loadKnowledgeBase(join(import.meta.dirname, '..', '..', '..', '..', '..', 'fixtures', 'kb', 'kb.json'));
    const phrasebook: Record<string, string> = {
      '耳机的保修期是多久？': 'How long is the warranty on the headphones?',
      '耳机保修两年。': 'The headphones have a two-year warranty.',
    };
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

describe('kb analyzer: an entry in one language, a conversation in another, no translator', () => {
  const kb = {
    version: 'topics-1',
    entries: [
      {
        id: 'returns',
        language: 'en',
        questions: ['How long do I have to return an item?', 'Can I send my order back?', 'What is your return policy?'],
        answer: 'Items can be returned within 30 days. Refunds take 5 business days.',
        facts: [
          { name: 'return window', value: 30, unit: 'days', keywords: ['return'] },
          { name: 'refund time', value: 5, unit: 'days', keywords: ['refund'] },
        ],
        mustMention: ['30 days'],
      },
      {
        id: 'warranty',
        language: 'en',
        questions: ['How long is the warranty?', 'Is my device under warranty?', 'What does the warranty cover?'],
        answer: 'Every device has a 12-month warranty.',
        facts: [{ name: 'warranty period', value: 12, unit: 'months', keywords: ['warranty'] }],
      },
      {
        id: 'battery',
        language: 'en',
        questions: ['How long is the battery warranty?', 'Is the battery covered?', 'Battery warranty length?'],
        answer: 'Batteries have a 6-month warranty.',
        facts: [{ name: 'battery warranty', value: 6, unit: 'months', keywords: ['battery'] }],
      },
    ],
  };
  const inspector = createInspector({ analyzers: [kbAnalyzer({ kb })] });
  const ask = async (question: string, answer: string) => {
    const r = await inspector.inspect({
      id: 'x',
      messages: [
        { role: 'customer', text: question, at: '2026-03-02T10:00:00Z' },
        { role: 'agent', text: answer, at: '2026-03-02T10:01:00Z' },
      ],
    });
    return { entries: r.metrics['kb.entries'], findings: r.findings };
  };

  it('finds the entry by topic and names the fact the clause is about, saying how it matched', async () => {
    const de = await ask('Wie lange habe ich Zeit, den Artikel zurückzugeben?', 'Sie können den Artikel innerhalb von 14 Tagen zurückgeben.');
    expect(de.entries).toBe('returns');
    expect(de.findings.map((f) => `${f.code}/${f.severity}/${f.evidence}`)).toEqual(['kb.contradiction/minor/14 Tagen']);
    const [f] = de.findings;
    expect(f!.rule!.detail).toMatchObject({ fact: 'return window', matchedBy: 'topic', topics: ['return'], retrievedBy: 'topic', questionTopics: ['return'] });
    expect(f!.explanation).toContain('compared across languages by topic and dimension');
    expect(f!.explanation).toContain('found across languages');
    // the refund time in days is not the return window; the must-mention pattern (English) is not asked of a German answer
    expect((await ask('Wie lange habe ich Zeit, den Artikel zurückzugeben?', 'Die Erstattung dauert 5 Werktage.')).findings).toEqual([]);
    // the narrower entry wins: battery + warranty
    expect((await ask('Wie lange gilt die Garantie auf den Akku?', 'Der Akku hat 12 Monate Garantie.')).entries).toBe('battery');
    expect((await ask('电池保修多久？', '电池保修12个月。')).findings.map((x) => x.evidence)).toEqual(['12个月']);
    expect((await ask('保修多久？', '我们提供24个月的保修。')).findings.map((x) => x.evidence)).toEqual(['24个月']);
    expect((await ask('保修多久？', '保修期为１２个月。')).findings).toEqual([]);
  });

  it('keeps the index first, and finds nothing for a question that names no topic or a tie', async () => {
    expect((await ask('Hallo, ich habe eine Frage.', 'Gerne, worum geht es?')).entries).toBeNull();
    expect(
      (await ask('How long do I have to return an item?', 'You can return it within 14 days.')).findings
        .filter((f) => f.code === 'kb.contradiction')
        .map((f) => `${f.code}/${f.severity}`),
    ).toEqual(['kb.contradiction/major']);
    expect(topicsOf('feedback, resolve, reso')).toEqual(new Set(['return']));
    expect(topicsOf('Wiedereinlagerungsgebühr für geöffnete Artikel')).toEqual(new Set(['restocking', 'opened']));
    const two = parseKnowledgeBase({
      version: 't',
      entries: [
        { id: 'a', questions: ['Is there a warranty?'], answer: 'Yes.' },
        { id: 'b', questions: ['Warranty terms?'], answer: 'See terms.' },
      ],
    });
    expect(entryByTopic('Gibt es eine Garantie?', 'de', two.entries)).toBeNull();
    expect(entryByTopic('Gibt es eine Garantie?', 'en', two.entries)).toBeNull(); // same language: the index decides
  });
});
