/**
 * Issue 19 item 2: for random unbalanced nestings of 1–4 levels, random effects, variances and σ² (zeros
 * included), the O(k) likelihood (REML and ML, with a moderator) equals metafor's .ll.rma.mv formula computed
 * with the dense k × k V — the property behind "numerics in O(k) per iteration".
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cholLower, inverseFromLower } from '../../src/multilevel/dense.js';
import { logLik } from '../../src/multilevel/likelihood.js';
import { buildNesting } from '../../src/multilevel/nesting.js';

function dense(y: number[], x: number[], v: number[], groups: string[][], s2: number[], reml: boolean): number {
  const k = y.length;
  const V = new Float64Array(k * k);
  for (let a = 0; a < k; a++)
    for (let b = 0; b < k; b++) {
      let s = a === b ? v[a]! : 0;
      for (let l = 0; l < groups.length; l++) if (groups.slice(0, l + 1).every((g) => g[a] === g[b])) s += s2[l]!;
      V[a * k + b] = s;
    }
  const L = cholLower(V, k)!;
  let logDet = 0;
  for (let i = 0; i < k; i++) logDet += 2 * Math.log(L[i * k + i]!);
  const W = inverseFromLower(L, k);
  // X = [1, x]: X'WX (2 × 2), X'Wy
  const col = (i: number, j: number): number => (j === 0 ? 1 : x[i]!);
  const xwx = [0, 0, 0, 0];
  const xwy = [0, 0];
  let ywy = 0;
  for (let a = 0; a < k; a++)
    for (let b = 0; b < k; b++) {
      const w = W[a * k + b]!;
      for (let r = 0; r < 2; r++) {
        for (let c = 0; c < 2; c++) xwx[r * 2 + c]! += col(a, r) * w * col(b, c);
        xwy[r]! += col(a, r) * w * y[b]!;
      }
      ywy += y[a]! * w * y[b]!;
    }
  const det = xwx[0]! * xwx[3]! - xwx[1]! * xwx[2]!;
  const b0 = (xwx[3]! * xwy[0]! - xwx[1]! * xwy[1]!) / det;
  const b1 = (xwx[0]! * xwy[1]! - xwx[2]! * xwy[0]!) / det;
  const rss = ywy - b0 * xwy[0]! - b1 * xwy[1]!;
  let sx = 0;
  let sxx = 0;
  for (const xi of x) {
    sx += xi;
    sxx += xi * xi;
  }
  const logDetXtX = Math.log(k * sxx - sx * sx);
  return reml ? -0.5 * (k - 2) * Math.log(2 * Math.PI) + 0.5 * logDetXtX - 0.5 * logDet - 0.5 * Math.log(det) - 0.5 * rss : -0.5 * k * Math.log(2 * Math.PI) - 0.5 * logDet - 0.5 * rss;
}

const row = fc.record({ y: fc.double({ min: -3, max: 3, noNaN: true }), x: fc.double({ min: 0, max: 10, noNaN: true }), v: fc.double({ min: 0.01, max: 2, noNaN: true }), labels: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 4, maxLength: 4 }) });

describe('issue 19 item 2: O(k) likelihood = dense likelihood (property)', () => {
  it('holds for random nestings, data and σ²', () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 4, maxLength: 18 }), fc.integer({ min: 1, max: 4 }), fc.array(fc.oneof(fc.constant(0), fc.double({ min: 0.001, max: 3, noNaN: true })), { minLength: 4, maxLength: 4 }), fc.boolean(), (rows, m, s2, reml) => {
        const xs = rows.map((r) => r.x);
        fc.pre(Math.max(...xs) - Math.min(...xs) > 0.5);
        const groups = Array.from({ length: m }, (_, l) => rows.map((r) => String(r.labels[l])));
        const k = rows.length;
        const u = new Float64Array(k * 3);
        rows.forEach((r, i) => u.set([1, r.x, r.y], i * 3));
        let sx = 0;
        let sxx = 0;
        for (const xi of xs) {
          sx += xi;
          sxx += xi * xi;
        }
        const got = logLik(u, 2, Float64Array.from(rows, (r) => r.v), buildNesting(groups), s2.slice(0, m), reml, Math.log(k * sxx - sx * sx), false)!;
        const want = dense(rows.map((r) => r.y), xs, rows.map((r) => r.v), groups, s2.slice(0, m), reml);
        expect(Math.abs(got.ll - want)).toBeLessThan(1e-8 * (1 + Math.abs(want)));
      }),
      { numRuns: 150, seed: 19 },
    );
  });
});
