import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyseTable, formatSummary, parseCsv } from '../../src/index.js';

const BCG = parseCsv(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'metafor', 'cases', 'bcg-rr-reml', 'data.csv'), 'utf8'));

describe('analyseTable', () => {
  it('takes records as well as a table, with the same result', () => {
    const records = BCG.rows.map((r) => Object.fromEntries(BCG.columns.map((c, j) => [c, r[j] ?? null])));
    const a = analyseTable(BCG, { measure: 'RR' });
    const b = analyseTable(records, { measure: 'RR' });
    expect(b.estimate).toBe(a.estimate);
    expect(b.labels[0]).toBe('Aronson 1948');
  });
  it('factor moderators: treatment coding, reference level first in sort order', () => {
    const r = analyseTable(BCG, { measure: 'RR', mods: ['alloc'] });
    expect(r.coefficients.map((c) => c.name)).toEqual(['intrcpt', 'allocrandom', 'allocsystematic']);
    expect(r.moderators).toEqual([{ name: 'alloc', kind: 'factor', levels: ['alternate', 'random', 'systematic'] }]);
    expect(r.qmDf).toBe(2);
  });
  it('rows with a missing moderator are dropped and reported', () => {
    const t = { ...BCG, rows: BCG.rows.map((r, i) => (i === 2 ? r.map((v, j) => (BCG.columns[j] === 'ablat' ? null : v)) : r)) };
    const r = analyseTable(t, { measure: 'RR', mods: ['ablat'] });
    expect(r.k).toBe(12);
    expect(r.dropped).toEqual([{ row: 3, reason: 'a moderator is missing' }]);
    expect(r.rowsUsed).not.toContain(3);
  });
  it('subgroups: one pooled estimate per level and the test for subgroup differences', () => {
    const r = analyseTable(BCG, { measure: 'RR', subgroup: 'alloc' });
    expect(r.subgroups!.groups.map((g) => [g.level, g.k])).toEqual([
      ['alternate', 2],
      ['random', 7],
      ['systematic', 4],
    ]);
    expect(r.subgroups!.test.df).toBe(2);
    expect(r.subgroups!.test.pval).toBeGreaterThan(0);
  });
  it('a seeded permutation test is reproducible and exact when permutations are few', () => {
    const a = analyseTable(BCG, { measure: 'RR', mods: ['ablat'], permutations: 200, seed: 5 });
    const b = analyseTable(BCG, { measure: 'RR', mods: ['ablat'], permutations: 200, seed: 5 });
    expect(a.permutation).toEqual(b.permutation);
    expect(a.permutation!.exact).toBe(false);
    const small = analyseTable({ ...BCG, rows: BCG.rows.slice(0, 8) }, { measure: 'RR', permutations: 1000 });
    expect(small.permutation).toMatchObject({ exact: true, iterations: 256, seed: null });
  });
  it('cumulative analysis follows the column order, influence covers every study', () => {
    const r = analyseTable(BCG, { measure: 'RR', cumulative: 'ablat', influence: true });
    expect(r.cumulative!.map((c) => c.k)).toEqual(Array.from({ length: 13 }, (_, i) => i + 1));
    expect(r.cumulative![12]!.estimate).toBeCloseTo(r.estimate!, 12);
    expect(r.influence).toHaveLength(13);
  });
  it('formatSummary reads like print.rma', () => {
    const s = formatSummary(analyseTable(BCG, { measure: 'RR' }));
    expect(s).toContain('Random-Effects Model (k = 13; tau^2 estimator: REML)');
    expect(s).toContain('tau^2 (estimated amount of total heterogeneity): 0.3132 (SE = 0.1664)');
    expect(s).toContain('Q(df = 12) = 152.2330, p-val < .0001');
    expect(s).toMatch(/-0\.7145\s+0\.1798\s+-3\.9744\s+<\.0001\s+-1\.0669\s+-0\.3622\s+\*\*\*/);
  });
  it('results are plain JSON', () => {
    const r = analyseTable(BCG, { measure: 'OR', bias: true, leaveOneOut: true, influence: true, subgroup: 'alloc', cumulative: 'study' });
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });
});
