#!/usr/bin/env node
// The `exoatlas` command. The TypeScript sources are bundled into ../dist by `npm run build` (run by `npm ci`).
import { existsSync } from 'node:fs';

const bundle = new URL('../dist/exoatlas.js', import.meta.url);
if (!existsSync(bundle)) {
  process.stderr.write('exoatlas: the command has not been built yet; run `npm run build` (or `npm ci`) in the project first.\n');
  process.exit(1);
}
await import(bundle.href);
