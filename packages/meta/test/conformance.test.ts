/**
 * metafor conformance: every case folder under fixtures/metafor/cases/ (case.json + data.csv) is run with the
 * flags of its `command` and every numeric leaf of `expected` must satisfy |got − expected| ≤ 1e-6·|expected| + 1e-9.
 * Keys named `name` are not compared; null (and jsonlite's "NA"/"NaN" strings) must be matched by null.
 * New cases are dropped in as folders: make them with fixtures/metafor/make-fixtures.R (the shared script)
 * and make-extra-fixtures.R.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { describe, expect, it } from 'vitest';
// the cases are written as `exoatlas meta` commands: their flags are read as the command reads them
import { META_CLI_OPTIONS, type ParsedMetaFlags, optionsFromFlags } from '../../cli/src/commands/meta-options.js';
import { analyseTable, parseCsv } from '../src/index.js';

const CASES = join(import.meta.dirname, 'fixtures', 'metafor', 'cases');

export function compareExpected(expected: unknown, got: unknown, path = ''): string[] {
  const bad: string[] = [];
  if (expected === null || expected === 'NA' || expected === 'NaN') {
    if (got !== null && got !== undefined) bad.push(`${path}: expected null, got ${JSON.stringify(got)}`);
    return bad;
  }
  if (typeof expected === 'number') {
    if (typeof got !== 'number' || !(Math.abs(got - expected) <= 1e-6 * Math.abs(expected) + 1e-9)) bad.push(`${path}: expected ${expected}, got ${JSON.stringify(got)}`);
    return bad;
  }
  if (typeof expected === 'string' || typeof expected === 'boolean') {
    if (got !== expected) bad.push(`${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(got)}`);
    return bad;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(got) || got.length !== expected.length) return [`${path}: expected an array of ${expected.length}, got ${JSON.stringify(got)?.slice(0, 80)}`];
    expected.forEach((e, i) => bad.push(...compareExpected(e, got[i], `${path}[${i}]`)));
    return bad;
  }
  if (typeof expected === 'object') {
    if (got === null || typeof got !== 'object') return [`${path}: expected an object, got ${JSON.stringify(got)}`];
    for (const [k, v] of Object.entries(expected as Record<string, unknown>)) {
      if (k === 'name') continue;
      bad.push(...compareExpected(v, (got as Record<string, unknown>)[k], `${path}.${k}`));
    }
  }
  return bad;
}

export function runCase(dir: string): { expected: unknown; got: unknown } {
  const spec = JSON.parse(readFileSync(join(dir, 'case.json'), 'utf8')) as { command: string[]; expected: unknown };
  const [cmd, file, ...args] = spec.command;
  expect(cmd).toBe('meta');
  expect(file).toBe('data.csv');
  const { values } = parseArgs({ args, options: META_CLI_OPTIONS, strict: true, allowPositionals: false });
  const got = analyseTable(parseCsv(readFileSync(join(dir, 'data.csv'), 'utf8')), optionsFromFlags(values as ParsedMetaFlags));
  return { expected: spec.expected, got: JSON.parse(JSON.stringify(got)) };
}

const cases = existsSync(CASES) ? readdirSync(CASES).filter((d) => existsSync(join(CASES, d, 'case.json'))).sort() : [];

describe('metafor conformance', () => {
  it('has the shared cases and our own', () => {
    expect(cases).toContain('bcg-rr-reml');
    expect(cases.length).toBeGreaterThanOrEqual(100);
  });
  for (const c of cases) {
    it(c, () => {
      const { expected, got } = runCase(join(CASES, c));
      expect(compareExpected(expected, got)).toEqual([]);
    });
  }
});

describe('the comparison itself', () => {
  it('fails on a wrong number, a missing key and a non-null where null is expected', () => {
    expect(compareExpected({ a: 1 }, { a: 1 + 2e-6 })).toHaveLength(1);
    expect(compareExpected({ a: 1 }, { a: 1 + 5e-7 })).toHaveLength(0);
    expect(compareExpected({ a: 1 }, {})).toHaveLength(1);
    expect(compareExpected({ a: null }, { a: 0 })).toHaveLength(1);
    expect(compareExpected({ a: 'NA' }, { a: null })).toHaveLength(0);
    expect(compareExpected({ xs: [1, 2] }, { xs: [1] })).toHaveLength(1);
    expect(compareExpected({ name: 'x', b: 0 }, { name: 'y', b: 5e-10 })).toHaveLength(0);
  });
});
