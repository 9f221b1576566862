/** Runs one metafor-mv conformance case folder (case.json + data.csv) through the `exoatlas meta` flags. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { META_CLI_OPTIONS, type ParsedMetaFlags, optionsFromFlags } from '../../../cli/src/commands/meta-options.js';
import { analyseTable, parseCsv } from '../../src/index.js';

/** |got − expected| ≤ 1e-6·|expected| + 1e-9 on every numeric leaf (shared/conformance/metafor/README.md). */
export function compareExpected(expected: unknown, got: unknown, path = '', rel = 1e-6): string[] {
  if (expected === null || expected === 'NA' || expected === 'NaN') return got === null || got === undefined ? [] : [`${path}: expected null, got ${JSON.stringify(got)}`];
  if (typeof expected === 'number') return typeof got === 'number' && Math.abs(got - expected) <= rel * Math.abs(expected) + 1e-9 ? [] : [`${path}: expected ${expected}, got ${JSON.stringify(got)}`];
  if (typeof expected === 'string' || typeof expected === 'boolean') return got === expected ? [] : [`${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(got)}`];
  if (Array.isArray(expected)) {
    if (!Array.isArray(got) || got.length !== expected.length) return [`${path}: expected an array of ${expected.length}, got ${JSON.stringify(got)?.slice(0, 80)}`];
    return expected.flatMap((e, i) => compareExpected(e, got[i], `${path}[${i}]`, rel));
  }
  if (got === null || typeof got !== 'object') return [`${path}: expected an object, got ${JSON.stringify(got)}`];
  return Object.entries(expected as Record<string, unknown>).flatMap(([k, v]) => (k === 'name' ? [] : compareExpected(v, (got as Record<string, unknown>)[k], `${path}.${k}`, rel)));
}

/** Largest |got − expected| per leaf key name (for the report). */
export function maxAbsDiff(expected: unknown, got: unknown): Record<string, number> {
  return maxRelDiff(expected, got, '', {}, true);
}

/** Largest |got − expected| / max(|expected|, 1e-300) per leaf key name (for the report). */
export function maxRelDiff(expected: unknown, got: unknown, key = '', out: Record<string, number> = {}, abs = false): Record<string, number> {
  if (typeof expected === 'number' && typeof got === 'number') {
    const d = Math.abs(got - expected) / (abs ? 1 : Math.max(Math.abs(expected), 1e-300));
    out[key] = Math.max(out[key] ?? 0, d);
  } else if (Array.isArray(expected) && Array.isArray(got)) expected.forEach((e, i) => maxRelDiff(e, got[i], key, out, abs));
  else if (expected && typeof expected === 'object' && got && typeof got === 'object') {
    for (const [k, v] of Object.entries(expected)) if (k !== 'name') maxRelDiff(v, (got as Record<string, unknown>)[k], /^\d+$/.test(k) ? key : k, out, abs);
  }
  return out;
}

export function runCase(dir: string): { command: string[]; expected: unknown; got: unknown } {
  const spec = JSON.parse(readFileSync(join(dir, 'case.json'), 'utf8')) as { command: string[]; expected: unknown };
  const [, , ...args] = spec.command;
  const { values } = parseArgs({ args, options: META_CLI_OPTIONS, strict: true, allowPositionals: false });
  const got = analyseTable(parseCsv(readFileSync(join(dir, 'data.csv'), 'utf8')), optionsFromFlags(values as ParsedMetaFlags));
  return { command: spec.command, expected: spec.expected, got: JSON.parse(JSON.stringify(got)) };
}
