import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { langidTask } from '@cxqa/eval';
import { describe, expect, it } from 'vitest';
import { expectedCalibrationError } from '../src/metrics/calibration.js';

describe('expected calibration error', () => {
  it('is 0 when confidence matches accuracy and the gap otherwise', () => {
    expect(expectedCalibrationError([0.75, 0.75, 0.75, 0.75], [true, true, true, false])).toBeCloseTo(0, 12);
    // always 1.00, right half the time
    expect(expectedCalibrationError([1, 1, 1, 1], [true, false, true, false])).toBeCloseTo(0.5, 12);
    // two bins: 0.95 right (gap 0.05), 0.55 wrong (gap 0.55)
    expect(expectedCalibrationError([0.95, 0.55], [true, false])).toBeCloseTo((0.05 + 0.55) / 2, 12);
    expect(expectedCalibrationError([], [])).toBe(0);
    expect(() => expectedCalibrationError([0.5], [])).toThrow(RangeError);
  });
});

describe('langid task: prior and calibration rows', () => {
  const corpus = (lines: string[]) => {
    const dir = mkdtempSync(join(tmpdir(), 'cxqa-langid-'));
    mkdirSync(join(dir, 'langid-tatoeba-tatodet'));
    writeFileSync(join(dir, 'langid-tatoeba-tatodet', 'testset.csv'), lines.join('\n'));
    return dir;
  };

  it('reports short-sentence accuracy, ECE and right/wrong prior accuracy', async () => {
    const dir = corpus([
      '1\tpor\tCancelar compra',
      '2\tspa\tTalla equivocada',
      '3\teng\tWhere is my parcel? It should have arrived on Monday morning.',
      '4\tjpn\t荷物はどこですか',
    ]);
    const out = await langidTask.run({ corporaDir: dir, fixturesDir: '/nonexistent' });
    const get = (subset: string, metric = 'accuracy') => out.rows.find((r) => (r.subset ?? '') === subset && r.metric === metric);
    expect(get('short')).toMatchObject({ n: 2 });
    // both are ambiguous between pt/es/gl/ca without a prior; the customer's country settles them
    expect(get('short')!.value).toBeLessThan(1);
    expect(get('short,country-prior:right')).toMatchObject({ value: 1, n: 2 });
    expect(get('short,locale-prior:right')).toMatchObject({ value: 1, n: 2 });
    expect(get('short,country-prior:wrong')!.value).toBeLessThan(1);
    expect(get('country-prior:right')).toMatchObject({ value: 1, n: 4 });
    const ece = get('', 'ece')!;
    expect(ece.value).toBeGreaterThanOrEqual(0);
    expect(ece.value).toBeLessThan(0.5);
  });

  it('leaves out the short rows when no sentence is short', async () => {
    const out = await langidTask.run({ corporaDir: corpus(['1\tjpn\t荷物はどこですか', '2\tcmn\t我的包裹在哪里']), fixturesDir: '/nonexistent' });
    expect(out.rows.some((r) => r.subset?.startsWith('short'))).toBe(false);
    expect(out.rows.every((r) => Number.isFinite(r.value))).toBe(true);
  });
});
