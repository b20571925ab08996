import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DATA_DIR_ENV, isCxqaError, setCoreDataDir } from '../index.js';
import { coreDataDirs, corePackageFile } from './package-file.js';

const CORE = resolve(import.meta.dirname, '../..');

describe('shipped data location', () => {
  afterEach(() => {
    setCoreDataDir(undefined);
    delete process.env[DATA_DIR_ENV];
  });

  it('finds the data beside the sources of @cxqa/core', () => {
    expect(corePackageFile('models/langid.json')).toBe(join(CORE, 'models/langid.json'));
    expect(coreDataDirs()).toContain(CORE);
  });

  it('CXQA_DATA_DIR is the only folder searched when set, and a file there is used', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cxqa-data-'));
    try {
      mkdirSync(join(dir, 'models'));
      copyFileSync(join(CORE, 'models/langid.json'), join(dir, 'models/langid.json'));
      process.env[DATA_DIR_ENV] = dir;
      expect(coreDataDirs()).toEqual([dir]);
      expect(corePackageFile('models/langid.json')).toBe(join(dir, 'models/langid.json'));
      // not silently taken from the package when the configured folder lacks it
      expect(() => corePackageFile('lexicons/insults.json')).toThrow(join(dir, 'lexicons/insults.json'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('setCoreDataDir wins over the variable', () => {
    process.env[DATA_DIR_ENV] = '/nowhere/env';
    setCoreDataDir('/nowhere/call');
    expect(coreDataDirs()).toEqual(['/nowhere/call']);
  });

  it('a missing file is a model_missing error naming the file, where it looked and the fix', () => {
    process.env[DATA_DIR_ENV] = '/nowhere/cxqa-data';
    let error: unknown;
    try {
      corePackageFile('models/langid.json');
    } catch (e) {
      error = e;
    }
    expect(isCxqaError(error) && error.code).toBe('model_missing');
    const message = (error as Error).message;
    expect(message).toContain('models/langid.json not found');
    expect(message).toContain('/nowhere/cxqa-data/models/langid.json');
    expect(message).toContain('CXQA_DATA_DIR=/nowhere/cxqa-data is set');
    expect(message).not.toContain('reinstall');
  });

  it('without a setting, the error says how to point at the data when bundled', () => {
    let message = '';
    try {
      corePackageFile('models/no-such-model.json');
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain(join(CORE, 'models/no-such-model.json'));
    expect(message).toContain('set CXQA_DATA_DIR');
    expect(message).toContain('docs/install.md');
  });
});
