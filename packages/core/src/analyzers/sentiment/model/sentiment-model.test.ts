import { readFileSync } from 'node:fs';
import { builtinEmotionModel, builtinSentimentModel } from '@cxqa/core';
import { createLinearClassifier, createSentimentModel, type LinearModelFile, sentimentFeatures } from '@cxqa/core/models';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { verdictMessages } from '../../../../test/verdict-messages.js';
import { begin, featureTable, prefixTable } from './feature-hash.js';
import { eachSentimentFeatureHash, sentimentFeatureList, sentimentRowReader } from './features.js';

describe('sentiment features', () => {
  it('builds CJK n-grams, words with negation scope, subwords and chat cues, each once', () => {
    const zh = sentimentFeatures('质量差');
    expect(zh).toEqual(expect.arrayContaining(['c:质', 'c:质量', 'c:质量差']));
    const en = sentimentFeatures('NOT GOOD at all!!! WHY???');
    expect(en).toEqual(expect.arrayContaining(['w:not', 'n:good', 'cue:!!', 'cue:??', 'cue:caps', 'g: goo']));
    expect(new Set(en).size).toBe(en.length);
  });
});

describe('linear sentiment model', () => {
  it('predicts with softmax scores from a model file', () => {
    const m = createSentimentModel({
      format: 'cxqa-linear/1',
      version: '1',
      language: 'en',
      labels: ['negative', 'positive'],
      bias: [0, 0],
      weights: { 'w:great': [-1, 1], 'n:great': [1, -1] },
    });
    expect(m.predict('great').label).toBe('positive');
    expect(m.predict('not great').label).toBe('negative');
    expect(m.predict('great').scores.positive).toBeCloseTo(1 / (1 + Math.exp(-2)));
    expect(() => createSentimentModel({ format: 'other' } as never)).toThrow(/unsupported/);
  });

  it('ships models for zh, en and de that read obvious cases right', () => {
    expect(builtinSentimentModel('zh')!.predict('质量太差了，很失望，不会再买').label).toBe('negative');
    expect(builtinSentimentModel('zh')!.predict('非常好，物流很快，很满意').label).toBe('positive');
    expect(builtinSentimentModel('en')!.predict('Terrible product, it broke after one day.').label).toBe('negative');
    expect(builtinSentimentModel('en')!.predict('Great quality, works perfectly, love it!').label).toBe('positive');
    expect(builtinSentimentModel('de')!.predict('Super, vielen Dank, alles bestens!').label).toBe('positive');
    expect(builtinSentimentModel('fr')!.predict('Merci beaucoup, c’est parfait, je suis ravie !').label).toBe('positive');
    expect(builtinSentimentModel('ja')).toBeNull();
    const emotion = builtinEmotionModel('en')!;
    expect(emotion.labels).toEqual(['anger', 'anticipation', 'disgust', 'fear', 'joy', 'sadness', 'surprise', 'trust', 'neutral']);
    expect(Object.values(emotion.predict('I am so happy, thank you!').scores).reduce((a, b) => a + b, 0)).toBeCloseTo(1);
    expect(builtinEmotionModel('es')!.labels).toHaveLength(8);
    expect(builtinEmotionModel('fr')!.predict("J'ai peur, je suis terrifiée").label).toBe('fear');
    expect(builtinEmotionModel('de')!.predict('Ich habe Angst').label).toBe('fear');
    expect(builtinEmotionModel('ja')).toBeNull();
  });
});

/** A word longer than the word cache keeps (read afresh each time it comes). */
const LONG = `${'abcdefghijklmnopqrstuvwxyz'.repeat(3)}zyxw`;

describe('hashed sentiment features (issue 16)', () => {
  const file = (name: string) => JSON.parse(readFileSync(new URL(`../../../../models/${name}.json`, import.meta.url), 'utf8')) as LinearModelFile;
  const TEXTS: [string, string][] = [
    ['sentiment-en', 'I don’t like it, NOT GOOD at all!!! WHY??? not good not good'],
    ['sentiment-en', "Thanks a lot, that's great — the refund arrived 😀"],
    ['emotion-en', 'I am so scared it got lost, never again, nothing works'],
    ['sentiment-zh', '质量太差了，再也不买 𠀀𠀁 质量太差了'],
    ['sentiment-de', 'Das ist nicht gut, keine Antwort seit Tagen'],
    ['emotion-fr', "Je ne suis pas content, c'est inadmissible !!"],
    ['sentiment-es', 'No funciona nada, nunca más'],
    ['sentiment-en', ''],
  ];
  it.each(TEXTS)('%s gives the same probabilities, bit for bit, as string lookups over the deduplicated features: %s', (name, text) => {
    const model = file(name);
    const byString = createLinearClassifier(model, sentimentFeatures);
    expect(createSentimentModel(model).predict(text)).toEqual(byString.predict(text));
  });
  it('gives the same probabilities as string lookups on every verdict-fixture message, for every shipped model', () => {
    const texts = verdictMessages().map((m) => m.text);
    // lone surrogates, astral characters and spaces between CJK characters (the n-grams skip spaces)
    texts.push('质\ud800量 差', '\udc00质量', '𠀀 𠀁𠀂 好', '质');
    expect(texts.length).toBeGreaterThan(900);
    for (const name of ['sentiment-zh', 'sentiment-en', 'sentiment-de', 'emotion-en', 'emotion-fr']) {
      const [hashed, byString] = [createSentimentModel(file(name)), createLinearClassifier(file(name), sentimentFeatures)];
      for (const text of texts) expect(hashed.predict(text), `${name}: ${text}`).toEqual(byString.predict(text));
    }
  });
  it('visits the hash of every listed feature, in order: astral characters, lone surrogates, spaces, negation, cues', () => {
    const hashesOf = (features: readonly string[]) =>
      features.map((f) => {
        const h = { a: 0, b: 0 };
        begin(h, f);
        return [h.a, h.b];
      });
    const visited = (text: string, normalized: string) => {
      const h = { a: 0, b: 0 };
      const out: number[][] = [];
      eachSentimentFeatureHash(text, normalized, h, () => out.push([h.a, h.b]));
      return out;
    };
    const cases = ['质\ud800量 差', '\udc00质量', '𠀀 𠀁𠀂 好', '𠀀𠀁', '\ud800', 'not good at ALL!! WHY??', 'don’t do it', '好 not bad 吗', ''];
    for (const normalized of cases) expect(visited(normalized, normalized), normalized).toEqual(hashesOf(sentimentFeatureList(normalized, normalized)));
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('质', '量', ' ', '𠀀', '\ud800', '\udc00', 'not', 'good', '’', 'a', '!!', 'ÉTÉ', '한국'), { maxLength: 12 }),
        (parts) => {
          const text = parts.join('');
          expect(visited(text, text)).toEqual(hashesOf(sentimentFeatureList(text, text)));
        },
      ),
      { numRuns: 500 },
    );
  });
  it('reads the rows of the listed features the model has, in order, from its word cache as from fresh words', () => {
    // with a long word (never kept) and a CJK n-gram
    const names = [
      ...new Set([...Object.keys(file('sentiment-en').weights), 'b:not good', "b:don't do", 'w:extraordinarily', 'g:rdin', 'c:质量', `w:${LONG}`, 'g:zyxw']),
    ];
    const table = featureTable(names)!;
    const read = sentimentRowReader(table, names);
    const expected = (text: string) => {
      const h = { a: 0, b: 0 };
      const out: number[] = [];
      eachSentimentFeatureHash(text, text, h, () => {
        const r = table.rowOf(h.a, h.b);
        if (r >= 0) out.push(r);
      });
      return out;
    };
    const rows = (text: string) => {
      const out: number[] = [];
      read(text, text, (r) => out.push(r));
      return out;
    };
    fc.assert(
      fc.property(
        fc.array(
          fc.constantFrom('质', '量', ' ', '𠀀', '\ud800', 'not', 'good', 'don’t', "don't", 'do', 'extraordinarily', LONG, 'a', '!!', 'ÉTÉ', '한국', 'NO'),
          {
            maxLength: 14,
          },
        ),
        (parts) => {
          const text = parts.join('');
          expect(rows(text), text).toEqual(expected(text));
        },
      ),
      { numRuns: 500 },
    );
    for (const m of verdictMessages()) expect(rows(m.text), m.text).toEqual(expected(m.text));
    // more distinct words than the cache keeps: it is emptied and filled again
    for (let k = 0; k < 2 * 20_000; k += 100) {
      const text = Array.from({ length: 100 }, (_, j) => `good${(k + j) % 20_000} not`).join(' ');
      expect(rows(text)).toEqual(expected(text));
    }
  });
  it('tells apart kept words whose FNV-1a hashes are equal (compared by the code units their entry holds)', () => {
    const fnv = (w: string) => {
      let a = 0x811c9dc5 | 0;
      for (let k = 0; k < w.length; k++) a = Math.imul(a ^ w.charCodeAt(k), 0x01000193);
      return a;
    };
    const byHash = new Map<number, string>();
    const pairs: [string, string][] = [];
    for (let k = 0; pairs.length < 3; k++) {
      const w = `go${k.toString(36)}`;
      const other = byHash.get(fnv(w));
      if (other !== undefined) pairs.push([other, w]);
      else byHash.set(fnv(w), w);
    }
    const names = [...new Set([...Object.keys(file('sentiment-en').weights), ...pairs.flat().map((w) => `w:${w}`)])];
    const table = featureTable(names)!;
    const read = sentimentRowReader(table, names);
    for (const [x, y] of pairs) {
      for (const text of [`${x} ${y}`, `${y} ${x} ${x}`, `not ${y}`]) {
        const rows: number[] = [];
        read(text, text, (r) => rows.push(r));
        const expected: number[] = [];
        const h = { a: 0, b: 0 };
        eachSentimentFeatureHash(text, text, h, () => {
          const r = table.rowOf(h.a, h.b);
          if (r >= 0) expected.push(r);
        });
        expect(rows, text).toEqual(expected);
      }
    }
  });
  it('passes the rows of word features (w:, n:, g:) through relocate, and no other row', () => {
    const names = [...new Set([...Object.keys(file('sentiment-en').weights), 'b:not good', 'w:extraordinarily', 'c:质量'])];
    const table = featureTable(names)!;
    const asked = new Map<number, number>();
    const read = sentimentRowReader(table, names, (r) => {
      asked.set(r, (asked.get(r) ?? 0) + 1);
      return names.length + r;
    });
    const plain = sentimentRowReader(table, names);
    const texts = [...verdictMessages().map((m) => m.text), 'not good extraordinarily 质量 !! WHY NOT', 'not good extraordinarily 质量 !! WHY NOT'];
    for (const text of texts) {
      const relocated: number[] = [];
      read(text, text, (r) => relocated.push(r >= names.length ? r - names.length : r));
      const rows: number[] = [];
      plain(text, text, (r) => rows.push(r));
      expect(relocated, text).toEqual(rows);
    }
    expect(asked.size).toBeGreaterThan(1000);
    for (const r of asked.keys()) expect(names[r]!.slice(0, 2), names[r]).toMatch(/^[wng]:$/);
  });
  it('gives a word feature and its copy the same weights: the sums of a model read through relocated rows are those of the model rows', () => {
    const texts = verdictMessages()
      .map((m) => m.text)
      .slice(0, 300);
    for (const name of ['sentiment-en', 'emotion-en', 'sentiment-zh']) {
      const byString = createLinearClassifier(file(name), sentimentFeatures);
      const model = createSentimentModel(file(name));
      // twice: the second pass reads every word from its kept entry and copied rows
      for (let pass = 0; pass < 2; pass++) for (const text of texts) expect(model.predict(text), `${name}: ${text}`).toEqual(byString.predict(text));
    }
  });
  it('counts a repeated feature once and finds every feature of a table by its hash', () => {
    const m = createSentimentModel({ format: 'cxqa-linear/1', version: '1', language: 'en', labels: ['a', 'b'], bias: [0, 0], weights: { 'w:ok': [0, 1] } });
    expect(m.predict('ok ok ok').scores.b).toBe(m.predict('ok').scores.b);
    const names = ['w:a', 'g: ab ', 'c:质量', 'b:x y', 'cue:!!'];
    const table = featureTable(names)!;
    const h = { a: 0, b: 0 };
    names.forEach((n, r) => {
      begin(h, n);
      expect(table.rowOf(h.a, h.b)).toBe(r);
    });
    begin(h, 'w:absent');
    expect(table.rowOf(h.a, h.b)).toBe(-1);
    // the bigrams alone: every b: feature at its row of names, no other feature
    const names2 = Object.keys(file('sentiment-en').weights);
    const bigrams = prefixTable(names2, 'b:')!;
    names2.forEach((n, r) => {
      begin(h, n);
      expect(bigrams.rowOf(h.a, h.b), n).toBe(n.startsWith('b:') ? r : -1);
    });
  });
});

describe('softmax of the linear models (the loop that replaced Math.max, map, reduce and fromEntries)', () => {
  /** The previous formula, kept as the reference. */
  const reference = (file: LinearModelFile, text: string) => {
    const z = [...file.bias];
    for (const f of sentimentFeatures(text)) file.weights[f]?.forEach((w, l) => (z[l]! += w));
    const max = Math.max(...z);
    const e = z.map((v) => Math.exp(v - max));
    const sum = e.reduce((a, b) => a + b, 0);
    return { label: file.labels[z.indexOf(max)]!, scores: Object.fromEntries(file.labels.map((l, i) => [l, e[i]! / sum])) };
  };
  const weight = fc.oneof(fc.double({ min: -20, max: 20, noNaN: true }), fc.constantFrom(0, -0, 1, -1));
  it('gives the same label and probabilities, bit for bit: ties, signed zeros, repeated and odd labels', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('negative', 'positive', 'neutral', '__proto__', 'a'), { minLength: 1, maxLength: 4 }),
        fc.array(weight, { minLength: 4, maxLength: 4 }),
        fc.array(fc.array(weight, { minLength: 4, maxLength: 4 }), { minLength: 3, maxLength: 3 }),
        fc.array(fc.constantFrom('ok', 'bad', 'fine', 'x'), { maxLength: 6 }),
        (labels, bias, rows, words) => {
          const L = labels.length;
          const file: LinearModelFile = {
            format: 'cxqa-linear/1',
            version: '1',
            language: 'en',
            labels,
            bias: bias.slice(0, L),
            weights: { 'w:ok': rows[0]!.slice(0, L), 'w:bad': rows[1]!.slice(0, L), 'w:fine': rows[2]!.slice(0, L) },
          };
          const text = words.join(' ');
          expect(createSentimentModel(file).predict(text)).toEqual(reference(file, text));
        },
      ),
      { numRuns: 500 },
    );
  });
});
