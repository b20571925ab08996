import { readFileSync } from 'node:fs';
import { jsonSchemas } from '@cxqa/core';
import { describe, expect, it } from 'vitest';

describe('committed JSON Schema files', () => {
  for (const [name, schema] of Object.entries(jsonSchemas())) {
    it(`${name} is up to date (run \`pnpm schemas\` after changing a zod schema)`, () => {
      const committed = JSON.parse(readFileSync(new URL(`../../../schemas/${name}`, import.meta.url), 'utf8'));
      expect(committed).toEqual(schema);
    });
  }

  it('describes the conversation contract', () => {
    const s = jsonSchemas()['conversation.schema.json'] as { required: string[]; properties: Record<string, unknown> };
    expect(s.required).toEqual(expect.arrayContaining(['id', 'messages']));
    expect(Object.keys(s.properties)).toEqual(expect.arrayContaining(['customer', 'inquiryType', 'platform']));
  });
});
