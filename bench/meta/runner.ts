/**
 * Stand-in for `exoatlas meta <file.csv> … --json` until the CLI bundle exists: the same flags, the same
 * library path (parseCsv → analyseTable), the full JSON on stdout. bench/meta/run.mjs bundles it with esbuild
 * and times it as a whole node process.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { META_CLI_OPTIONS, type ParsedMetaFlags, optionsFromFlags } from '../../packages/cli/src/commands/meta-options.js';
import { analyseTable, parseCsvColumns } from '../../packages/meta/src/index.js';

const { values, positionals } = parseArgs({ args: process.argv.slice(2), options: META_CLI_OPTIONS, strict: true, allowPositionals: true });
const result = analyseTable(parseCsvColumns(readFileSync(positionals[0]!, 'utf8')), optionsFromFlags(values as ParsedMetaFlags));
process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
