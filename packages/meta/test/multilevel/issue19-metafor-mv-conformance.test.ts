/**
 * Issue 19 item 2: every case under fixtures/metafor-mv/cases/ (rma.mv with nested random intercepts and
 * robust(..., clubSandwich = TRUE), made by fixtures/metafor-mv/make-fixtures.R — each case.json's `command`
 * is the R call's counterpart) must match metafor within 1e-6·|expected| + 1e-9; the report line prints the
 * largest relative difference per quantity.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareExpected, maxAbsDiff, maxRelDiff, runCase } from './run-case.js';

const CASES = join(import.meta.dirname, '..', 'fixtures', 'metafor-mv', 'cases');
const cases = readdirSync(CASES).filter((d) => existsSync(join(CASES, d, 'case.json'))).sort();
const worst: Record<string, number> = {};
const worstAbs: Record<string, number> = {};

describe('issue 19 item 2: metafor rma.mv / robust conformance', () => {
  it('has the four shared cases', () => {
    for (const id of ['konstantopoulos-3level-reml', 'konstantopoulos-3level-ml', 'konstantopoulos-3level-mods-year', 'konstantopoulos-3level-robust']) expect(cases).toContain(id);
  });
  for (const c of cases) {
    it(c, () => {
      const { expected, got } = runCase(join(CASES, c));
      expect(compareExpected(expected, got)).toEqual([]);
      for (const [k, v] of Object.entries(maxRelDiff(expected, got))) worst[k] = Math.max(worst[k] ?? 0, v);
      for (const [k, v] of Object.entries(maxAbsDiff(expected, got))) worstAbs[k] = Math.max(worstAbs[k] ?? 0, v);
    });
  }
  it('reports the largest relative differences', () => {
    console.log(`metafor-mv: ${cases.length} cases, max relative difference per quantity: ${JSON.stringify(worst)}; max absolute: ${JSON.stringify(worstAbs)}`);
  });
});
