/** Regenerate packages/core/schemas/*.schema.json from the zod schemas: `pnpm schemas`. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { jsonSchemas } from '@cxqa/core';

const dir = join(import.meta.dirname, '..', 'packages', 'core', 'schemas');
for (const [name, schema] of Object.entries(jsonSchemas())) {
  writeFileSync(join(dir, name), `${JSON.stringify(schema, null, 2)}\n`);
  process.stdout.write(`wrote packages/core/schemas/${name}\n`);
}
