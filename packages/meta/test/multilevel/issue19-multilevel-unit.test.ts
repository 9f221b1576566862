/**
 * Issue 19 item 2, the parts behind the conformance cases: the O(k) likelihood against a dense computation of
 * metafor's .ll.rma.mv formula, its analytic gradient against finite differences, profile convergence (the
 * fitted σ² maximise the profile of each component), nesting of inner labels and the I² definition.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/csv.js';
import { interceptDesign } from '../../src/model/design.js';
import { cholLower, inverseFromLower } from '../../src/multilevel/dense.js';
import { logLik } from '../../src/multilevel/likelihood.js';
import { buildNesting } from '../../src/multilevel/nesting.js';
import { rmaMv } from '../../src/multilevel/rma-mv.js';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'metafor-mv', 'cases');

function load(id: string, levels: string[]): { yi: Float64Array; vi: Float64Array; groups: string[][] } {
  const t = parseCsv(readFileSync(join(DIR, id, 'data.csv'), 'utf8'));
  const col = (n: string): unknown[] => t.rows.map((r) => r[t.columns.indexOf(n)]);
  return { yi: Float64Array.from(col('yi'), Number), vi: Float64Array.from(col('vi'), Number), groups: levels.map((l) => col(l).map(String)) };
}

/** metafor's REML log-likelihood with a dense V (intercept-only): the reference for the O(k) recursion. */
function denseReml(yi: Float64Array, vi: Float64Array, groups: string[][], sigma2: number[]): number {
  const k = yi.length;
  const v = new Float64Array(k * k);
  for (let a = 0; a < k; a++)
    for (let b = 0; b < k; b++) {
      let s = a === b ? vi[a]! : 0;
      // nested: rows share level l when they share every level up to l
      for (let l = 0; l < groups.length; l++) if (groups.slice(0, l + 1).every((g) => g[a] === g[b])) s += sigma2[l]!;
      v[a * k + b] = s;
    }
  const l = cholLower(v, k)!;
  let logDet = 0;
  for (let i = 0; i < k; i++) logDet += 2 * Math.log(l[i * k + i]!);
  const w = inverseFromLower(l, k);
  let sw = 0;
  let swy = 0;
  for (let a = 0; a < k; a++)
    for (let b = 0; b < k; b++) {
      sw += w[a * k + b]!;
      swy += w[a * k + b]! * yi[b]!;
    }
  const beta = swy / sw;
  let rss = 0;
  for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) rss += (yi[a]! - beta) * w[a * k + b]! * (yi[b]! - beta);
  return -0.5 * (k - 1) * Math.log(2 * Math.PI) + 0.5 * Math.log(k) - 0.5 * logDet - 0.5 * Math.log(sw) - 0.5 * rss;
}

function ll(d: ReturnType<typeof load>, sigma2: number[], reml = true): { ll: number; grad: Float64Array } {
  const k = d.yi.length;
  const u = new Float64Array(2 * k);
  d.yi.forEach((y, i) => {
    u[2 * i] = 1;
    u[2 * i + 1] = y;
  });
  return logLik(u, 1, d.vi, buildNesting(d.groups), sigma2, reml, Math.log(k))!;
}

describe('issue 19 item 2: the multilevel likelihood and its optimum', () => {
  const four = load('extra-sim-4level', ['paper', 'experiment', 'cohort', 'comparison']);

  it('the O(k) recursion equals the dense REML log-likelihood (4 levels, unbalanced)', () => {
    for (const s of [[0.1, 0.05, 0.03, 0.02], [0.3, 0, 0.01, 0.2], [0, 0, 0, 0]]) expect(ll(four, s).ll).toBeCloseTo(denseReml(four.yi, four.vi, four.groups, s), 9);
  });

  it('the analytic gradient equals central differences', () => {
    const s = [0.12, 0.04, 0.05, 0.01];
    const g = ll(four, s).grad;
    for (let l = 0; l < 4; l++) {
      for (const reml of [true, false]) {
        const h = 1e-6;
        const up = s.map((x, j) => (j === l ? x + h : x));
        const dn = s.map((x, j) => (j === l ? x - h : x));
        const fd = (ll(four, up, reml).ll - ll(four, dn, reml).ll) / (2 * h);
        expect(Math.abs((reml ? g : ll(four, s, false).grad)[l]! - fd)).toBeLessThan(1e-6 * Math.max(1, Math.abs(fd)));
      }
    }
  });

  it('converges: the fitted σ² maximise each component profile, and the gradient vanishes', () => {
    for (const method of ['REML', 'ML'] as const) {
      const fit = rmaMv(four.yi, four.vi, interceptDesign(four.yi.length), four.groups, { method, test: 'z', level: 95 });
      expect(fit.converged).toBe(true);
      const best = ll(four, Array.from(fit.sigma2), method === 'REML');
      expect(best.ll).toBeCloseTo(fit.logLik, 12);
      for (let l = 0; l < 4; l++) {
        if (fit.sigma2[l]! > 0) expect(Math.abs(best.grad[l]! * fit.sigma2[l]!)).toBeLessThan(1e-8);
        for (const f of [0.9, 0.99, 1.01, 1.1]) {
          const s = Array.from(fit.sigma2, (x, j) => (j === l ? (x > 0 ? x * f : 1e-4 * (f - 0.9)) : x));
          expect(ll(four, s, method === 'REML').ll).toBeLessThanOrEqual(best.ll + 1e-12);
        }
      }
    }
  });

  it('nests inner labels within outer groups: the same experiment label under two papers is two groups', () => {
    const n = buildNesting([
      ['P1', 'P1', 'P2', 'P2'],
      ['E1', 'E2', 'E1', 'E1'],
    ]);
    expect(n.size).toEqual([2, 3]);
    expect(Array.from(n.group[1]!)).toEqual([0, 1, 2, 2]);
    expect(Array.from(n.parent[1]!)).toEqual([0, 0, 1]);
  });

  it('I² per level follows the metafor wiki: 100·σ²_l/(Σσ² + (k − p)/tr(P))', () => {
    const d = load('konstantopoulos-3level-reml', ['district', 'school']);
    const fit = rmaMv(d.yi, d.vi, interceptDesign(d.yi.length), d.groups, { method: 'REML', test: 'z', level: 95 });
    const w = Array.from(d.vi, (v) => 1 / v);
    const sw = w.reduce((a, b) => a + b, 0);
    const trP = sw - w.reduce((a, b) => a + b * b, 0) / sw;
    const typical = (d.yi.length - 1) / trP;
    const total = fit.sigma2[0]! + fit.sigma2[1]!;
    expect(fit.I2Levels[0]).toBeCloseTo((100 * fit.sigma2[0]!) / (total + typical), 10);
    expect(fit.I2).toBeCloseTo((100 * total) / (total + typical), 10);
  });
});

describe('issue 19 item 2: boundaries and unidentifiable levels', () => {
  it('homogeneous effects give σ² = 0 at every level and the equal-effects estimate', async () => {
    const { analyseTable } = await import('../../src/index.js');
    const rows = Array.from({ length: 10 }, (_, i) => ({ yi: 0.5, vi: 0.1, paper: `p${i % 3}`, es: i }));
    const r = analyseTable(rows, { measure: 'GEN', random: 'paper/es' });
    expect(r.sigma2).toEqual([0, 0]);
    expect(r.estimate).toBeCloseTo(0.5, 12);
    expect(r.se).toBeCloseTo(Math.sqrt(0.1 / 10), 12);
    expect(r.warnings).toEqual([]);
  });
  it('warns when a level has a single group (its σ² is confounded with the intercept)', async () => {
    const { analyseTable } = await import('../../src/index.js');
    const rows = [0.1, 0.9, 0.4].map((yi, i) => ({ yi, vi: 0.05, paper: 'one', es: i }));
    const r = analyseTable(rows, { measure: 'GEN', random: ['paper', 'es'] });
    expect(r.warnings.join(' ')).toMatch(/"paper" has a single group/);
  });
});
