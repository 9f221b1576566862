// Writes the generated documents: docs/schema/*.schema.json (from the zod schemas) and docs/errors.md (from the
// error catalogue). `npm run docs`; a test fails when the committed files are stale.
import { mkdirSync, writeFileSync } from 'node:fs';
import { generateJsonSchemas, renderErrorCatalogue } from '@exoatlas/schema';

const docs = new URL('../docs/', import.meta.url).pathname;
mkdirSync(`${docs}schema`, { recursive: true });
for (const [name, schema] of Object.entries(generateJsonSchemas())) {
  writeFileSync(`${docs}schema/${name}`, JSON.stringify(schema, null, 2) + '\n');
}
writeFileSync(`${docs}errors.md`, renderErrorCatalogue());
console.log('docs/schema/ and docs/errors.md written');
