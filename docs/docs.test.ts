/**
 * Every ```ts run block in docs/*.md and the README is executed, so the documentation cannot drift from the
 * code. Blocks are written to docs/.run/ (git-ignored) so that @cxqa/* imports resolve.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const DOCS = import.meta.dirname;
const RUN = join(DOCS, '.run');

describe('documentation examples', () => {
  mkdirSync(RUN, { recursive: true });
  const files = [...readdirSync(DOCS).filter((f) => f.endsWith('.md')), '../README.md'];
  it('has runnable examples in several guides', () => {
    const withExamples = files.filter((f) => readFileSync(join(DOCS, f), 'utf8').includes('```ts run'));
    expect(withExamples.length).toBeGreaterThanOrEqual(5);
    expect(withExamples).toContain('../README.md');
  });
  for (const file of files) {
    const blocks = [...readFileSync(join(DOCS, file), 'utf8').matchAll(/```ts run\n([\s\S]*?)```/g)].map((m) => m[1]!);
    blocks.forEach((code, i) => {
      it(`${file} example ${i + 1} runs`, async () => {
        const path = join(RUN, `${file.replace(/\W/g, '_')}_${i + 1}.ts`);
        writeFileSync(path, `${code}\nexport {};\n`);
        await import(pathToFileURL(path).href);
      });
    });
  }
});
