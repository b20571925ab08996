import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, USAGE } from '@cxqa/cli';
import { describe, expect, it } from 'vitest';
import { ALERTS_USAGE, EVAL_USAGE, INSPECT_USAGE, QUEUE_USAGE, REPORT_USAGE } from '../src/usage.js';

const DOC = readFileSync(join(import.meta.dirname, '..', '..', '..', 'docs', 'cli.md'), 'utf8');

describe('docs/cli.md', () => {
  it('documents every option the commands accept', () => {
    const options = new Set(
      [...`${USAGE}${INSPECT_USAGE}${EVAL_USAGE}${REPORT_USAGE}${ALERTS_USAGE}${QUEUE_USAGE}`.matchAll(/--[a-z][a-z-]+/g)].map((m) => m[0]),
    );
    expect(options.size).toBeGreaterThan(12);
    for (const option of options) expect(DOC, option).toMatch(new RegExp(`${option}(?![a-z-])`));
    for (const word of ['NO_COLOR', '--out -', '--allow-empty']) expect(DOC).toContain(word);
    for (const code of [0, 1, 2]) expect(DOC).toMatch(new RegExp(`\\|\\s*${code}\\s*\\|`)); // the exit-code table
  });

  it('has config examples that load', () => {
    const blocks = [...DOC.matchAll(/```json config\n([\s\S]*?)```/g)].map((m) => m[1]!);
    expect(blocks.length).toBeGreaterThan(0);
    const dir = mkdtempSync(join(tmpdir(), 'cxqa-doc-config-'));
    blocks.forEach((block, i) => {
      writeFileSync(join(dir, `${i}.json`), block);
      expect(() => loadConfig(join(dir, `${i}.json`))).not.toThrow();
    });
  });
});
