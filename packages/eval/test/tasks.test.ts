import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  checkThresholds,
  formatTable,
  langidTask,
  parseTatoebaTsv,
  runEvaluation,
  satisfactionTask,
  satisfactionTuneTask,
  sensitiveTask,
  stc3Half,
  stc3TuneFold,
  timingTask,
} from '@cxqa/eval';
import { describe, expect, it } from 'vitest';

const FIXTURES = join(import.meta.dirname, '..', '..', '..', 'fixtures');

describe('timing task on the project fixtures', () => {
  it('matches every hand-computed expectation', async () => {
    const out = await timingTask.run({ corporaDir: '/nonexistent', fixturesDir: FIXTURES });
    expect(out.notes).toEqual([]);
    expect(out.rows.find((r) => r.metric === 'accuracy')).toMatchObject({ value: 1, n: 35 });
  });

  it('notices a wrong expectation (the gate can fail)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cxqa-fx-'));
    cpSync(join(FIXTURES, 'timing'), join(dir, 'timing'), { recursive: true });
    const path = join(dir, 'timing', 'expected.json');
    const spec = JSON.parse(readFileSync(path, 'utf8'));
    spec.expected['t01-us-in-hours-ok'].metrics['timing.firstResponseSeconds'] = 181;
    spec.expected['t02-us-in-hours-breach'].findings = [];
    writeFileSync(path, JSON.stringify(spec));
    const out = await timingTask.run({ corporaDir: '/nonexistent', fixturesDir: dir });
    expect(out.rows.find((r) => r.metric === 'accuracy')!.value).toBeCloseTo(33 / 35);
    expect(out.rows.find((r) => r.metric === 'precision')!.value).toBeLessThan(1);
    expect(out.notes.join('\n')).toMatch(/t01-us-in-hours-ok: timing.firstResponseSeconds expected 181 got 180/);
  });
});

describe('langid task', () => {
  it('reads the corpus from any directory, in the corpus format', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cxqa-corpora-'));
    mkdirSync(join(dir, 'langid-tatoeba-tatodet'));
    writeFileSync(
      join(dir, 'langid-tatoeba-tatodet', 'testset.csv'),
      ['1\teng\tWhere is my parcel?', '2\tspa\t¿Dónde está mi paquete?', '3\tjpn\t荷物はどこですか', '4\tcmn\t我的包裹在哪里'].join('\n'),
    );
    const out = await langidTask.run({ corporaDir: dir, fixturesDir: FIXTURES });
    expect(out.evaluated).toEqual(['langid-tatoeba-tatodet']);
    expect(out.rows[0]).toMatchObject({ task: 'langid', metric: 'accuracy', value: 1, n: 4 });
  });

  it('skips a missing corpus instead of failing', async () => {
    const r = await runEvaluation({ corporaDir: '/nonexistent', fixturesDir: FIXTURES, tasks: ['langid'] });
    expect(r.rows).toEqual([]);
    expect(r.skipped).toEqual(['langid-tatoeba-tatodet']);
  });

  it('maps ISO 639-3 codes to cxqa codes', () => {
    expect(parseTatoebaTsv('9\tglg\tOla\n')).toEqual([{ id: '9', language: 'gl', text: 'Ola' }]);
  });
});

describe('thresholds', () => {
  const rows = [{ task: 'langid', corpus: 'c', metric: 'accuracy', value: 0.9, n: 10 }];
  it('fails rows below their floor and missing rows of evaluated corpora, skips absent corpora', () => {
    const t = [
      { task: 'langid', corpus: 'c', metric: 'accuracy', min: 0.95 },
      { task: 'langid', corpus: 'c', metric: 'macro_f1', min: 0.5 },
      { task: 'langid', corpus: 'absent', metric: 'accuracy', min: 0.5 },
    ];
    const failures = checkThresholds(rows, t, new Set(['c']));
    expect(failures.map((f) => [f.threshold.metric, f.value])).toEqual([
      ['accuracy', 0.9],
      ['macro_f1', null],
    ]);
  });

  it('formats a table', () => {
    expect(formatTable(rows)).toContain('0.9000');
  });
});

describe('sensitive task on the project fixtures', () => {
  it('gets every case right, and notices a wrong expectation', async () => {
    const ok = await sensitiveTask.run({ corporaDir: '/nonexistent', fixturesDir: FIXTURES });
    expect(ok.notes).toEqual([]);
    expect(ok.rows.find((r) => r.subset === undefined)).toMatchObject({ value: 1, n: 73 });
    const dir = mkdtempSync(join(tmpdir(), 'cxqa-fx-'));
    mkdirSync(join(dir, 'sensitive'));
    const cases = readFileSync(join(FIXTURES, 'sensitive', 'cases.jsonl'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .slice(0, 2);
    cases[1] = cases[1]!.replace('"expect":["sensitive.profanity"]', '"expect":[]');
    writeFileSync(join(dir, 'sensitive', 'cases.jsonl'), cases.join('\n'));
    const bad = await sensitiveTask.run({ corporaDir: '/nonexistent', fixturesDir: dir });
    expect(bad.rows.find((r) => r.subset === undefined)!.value).toBe(0.5);
    expect(bad.notes[0]).toMatch(/obf-en-repeat: expected \[\] got \[sensitive.profanity\]/);
  });
});

describe('satisfaction tasks: one half each', () => {
  it('judges only the report half in `satisfaction` and only the tune half in `satisfaction-tune`', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cxqa-corpora-'));
    mkdirSync(join(dir, 'satisfaction-stc3-dev'));
    // six threads per half, ids picked by stc3Half; three content, three unhappy
    const ids = { tune: [] as string[], report: [] as string[] };
    for (let n = 1; ids.tune.length < 6 || ids.report.length < 6; n++) {
      const id = `stc3-zh-${n}`;
      const list = ids[stc3Half(id)];
      if (list.length < 6) list.push(id);
    }
    const threads = [...ids.tune, ...ids.report].map((id, i) => {
      const happy = i % 6 < 3;
      return {
        conversation: {
          id,
          customer: { country: 'CN', locale: 'zh-CN' },
          messages: [
            { role: 'customer', text: '我的快递到哪里了？', at: '2026-03-02T10:00:00Z' },
            { role: 'agent', text: '您好，已经发出，明天送到。', at: '2026-03-02T10:01:00Z' },
            { role: 'customer', text: happy ? '好的，谢谢！' : '太差了，一个星期都没到，再也不买了', at: '2026-03-02T10:02:00Z' },
          ],
        },
        labels: { id, S: happy ? 1 : -1, A: 0, E: 0 },
      };
    });
    writeFileSync(join(dir, 'satisfaction-stc3-dev', 'stc3-zh.jsonl'), threads.map((t) => JSON.stringify(t.conversation)).join('\n'));
    writeFileSync(join(dir, 'satisfaction-stc3-dev', 'stc3-zh.labels.jsonl'), threads.map((t) => JSON.stringify(t.labels)).join('\n'));
    const report = await satisfactionTask.run({ corporaDir: dir, fixturesDir: FIXTURES });
    const tune = await satisfactionTuneTask.run({ corporaDir: dir, fixturesDir: FIXTURES });
    expect(new Set(report.rows.map((r) => r.subset))).toEqual(new Set(['zh']));
    expect(new Set(tune.rows.map((r) => r.subset))).toEqual(new Set(['zh/tune']));
    for (const out of [report, tune]) {
      expect(out.rows.find((r) => r.metric === 'spearman')).toMatchObject({ n: 6 });
      expect(out.rows.find((r) => r.metric === 'roc_auc')!.value).toBe(1);
    }
  });
});

describe('stc3TuneFold', () => {
  it('splits each half in two folds of about equal size, independently of the half, the same in zh and en', () => {
    const counts = { tune: { A: 0, B: 0 }, report: { A: 0, B: 0 } };
    for (let i = 0; i < 4000; i++) {
      const id = `stc3-zh-${3_500_000_000_000_000 + i * 7919}`;
      counts[stc3Half(id)][stc3TuneFold(id)]++;
      expect(stc3TuneFold(id.replace('-zh-', '-en-'))).toBe(stc3TuneFold(id));
    }
    for (const half of Object.values(counts)) {
      const share = half.A / (half.A + half.B);
      expect(share).toBeGreaterThan(0.45);
      expect(share).toBeLessThan(0.55);
    }
  });
});
