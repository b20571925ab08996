import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  builtinPolicyPacks,
  CxqaError,
  compileLexicons,
  compilePolicy,
  createInspector,
  defineLexicon,
  definePolicyPack,
  judgePii,
  loadLexicon,
  matchLexicons,
  normalizeText,
  sensitiveAnalyzer,
} from '@cxqa/core';
import { describe, expect, it } from 'vitest';

const at = (m: number) => `2026-03-02T10:0${m}:00Z`;
const run = (messages: { role: string; text: string }[], extra: object = {}, options = {}) =>
  createInspector({ analyzers: [sensitiveAnalyzer(options)] }).inspect({ id: 'x', ...extra, messages: messages.map((m, i) => ({ ...m, at: at(i) })) });

describe('sensitive analyzer: who wrote it matters', () => {
  it('rates the same word info from a customer and by its severity from an agent', async () => {
    const r = await run([
      { role: 'customer', text: 'this is shit' },
      { role: 'agent', text: 'sorry, that shit happens' },
    ]);
    expect(r.findings.map((f) => [f.code, f.severity, f.messageIndex])).toEqual([
      ['sensitive.profanity', 'info', 0],
      ['sensitive.profanity', 'major', 1],
    ]);
    const strict = await run([{ role: 'customer', text: 'this is shit' }], {}, { customerSeverity: 'minor' });
    expect(strict.findings[0]!.severity).toBe('minor');
  });

  it('judges PII by direction and platform', () => {
    expect(judgePii('credit_card', 'customer', false, 'amazon').severity).toBe('info');
    expect(judgePii('phone', 'agent', true, 'shopify')).toMatchObject({ code: 'pii.phone', severity: 'critical' });
    expect(judgePii('iban', 'agent', false, undefined).severity).toBe('critical');
    expect(judgePii('email', 'agent', false, 'ebay')).toMatchObject({ code: 'policy.contact_exchange', severity: 'major' });
    expect(judgePii('email', 'agent', false, 'shopify')).toMatchObject({ code: 'pii.email', severity: 'info' });
  });

  it("does not apply off-platform rules on the seller's own channels, but does on marketplaces", async () => {
    const text = [{ role: 'agent', text: 'Message us on WhatsApp any time' }];
    expect((await run(text, { platform: 'whatsapp' })).findings).toEqual([]);
    expect((await run(text, { platform: 'amazon' })).findings.map((f) => f.code)).toEqual(['policy.off_platform_contact']);
  });

  it('can turn PII and policy checks off', async () => {
    const r = await run([{ role: 'agent', text: 'Card 4111 1111 1111 1111, add me on wechat' }], { platform: 'amazon' }, { piiTypes: [], policyPacks: [] });
    expect(r.findings).toEqual([]);
  });
});

describe('lexicon files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cxqa-lex-'));

  it('loads TXT, CSV and JSON with ids, versions and defaults', () => {
    writeFileSync(join(dir, 'Brand List.txt'), '# comment\nglobex\ninitech\tcompetitor\tmajor\n');
    writeFileSync(join(dir, 'terms.csv'), 'term,category,severity,languages,boundary\nschwein,insult,major,de;at,none\n');
    writeFileSync(join(dir, 'full.json'), JSON.stringify({ id: 'x.full', version: '3', terms: ['foo'], allow: ['food'] }));
    const txt = loadLexicon(join(dir, 'Brand List.txt'), { category: 'competitor', severity: 'minor' });
    expect(txt).toMatchObject({ id: 'brand-list', defaults: { category: 'competitor', severity: 'minor' } });
    expect(txt.version).toMatch(/^[0-9a-f]{12}$/);
    expect(loadLexicon(join(dir, 'terms.csv')).terms).toEqual([
      { text: 'schwein', category: 'insult', severity: 'major', languages: ['de', 'at'], boundary: 'none' },
    ]);
    expect(loadLexicon(join(dir, 'full.json'))).toMatchObject({ id: 'x.full', version: '3', allow: ['food'] });
  });

  it('names the file and the problem when a lexicon is invalid or missing', () => {
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ id: 'Bad Id', version: '1', terms: [{ severity: 'huge' }] }));
    expect(() => loadLexicon(join(dir, 'bad.json'))).toThrow(/bad\.json: .*id/);
    expect(() => loadLexicon(join(dir, 'missing.txt'))).toThrow(CxqaError);
  });

  it('compiles merged lexicons once per version and applies phrase rules with negation', () => {
    const lex = defineLexicon({
      id: 't.hate',
      version: '1',
      defaults: { category: 'hate', severity: 'critical' },
      terms: [],
      phrases: [{ id: 'g', all: [['robots'], ['disgusting']], within: 30, unless: ['not'] }],
    });
    const compiled = compileLexicons([lex]);
    expect(compileLexicons([lex])).toBe(compiled);
    const hit = (t: string) => matchLexicons(compiled, normalizeText(t)).phrases.map((p) => p.matched);
    expect(hit('Robots are disgusting.')).toEqual(['Robots are disgusting']);
    expect(hit('Robots are not disgusting.')).toEqual([]);
    expect(hit('Robots arrived. Disgusting weather today.')).toEqual([]);
  });
});

describe('policy packs', () => {
  it('lets a platform pack replace a generic rule and validates packs', () => {
    const policy = compilePolicy(builtinPolicyPacks());
    const link = 'See https://example.org/deal';
    expect(policy.evaluate(normalizeText(link), 'agent', 'amazon')[0]!.rule).toMatchObject({ id: 'external_link', severity: 'critical' });
    expect(policy.evaluate(normalizeText(link), 'agent', 'ebay')[0]!.rule).toMatchObject({ id: 'external_link', severity: 'major' });
    expect(policy.evaluate(normalizeText('See https://www.amazon.de/dp/B01'), 'agent', 'amazon')).toEqual([]);
    expect(policy.evaluate(normalizeText(link), 'customer', 'amazon')).toEqual([]);
    expect(() => definePolicyPack({ id: 'x', version: '1', platforms: [], rules: [] })).toThrow(/platforms/);
  });
});
