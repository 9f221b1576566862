/** Effect sizes against metafor's escalc(); each expected value quotes the call that produced it (metafor 3.8-1). */
import { describe, expect, it } from 'vitest';
import { escalc } from '../../src/effect-sizes/escalc.js';
import { hedgesCorrection } from '../../src/effect-sizes/smd.js';
import { sdFromSem } from '../../src/effect-sizes/sd-from-sem.js';
import type { Table } from '../../src/table.js';

const TOL = 1e-12;
function one(measure: string, row: Record<string, number | null>): [number, number] {
  const t: Table = { columns: Object.keys(row), rows: [Object.values(row)] };
  const r = escalc(t, measure);
  return [r.yi[0]!, r.vi[0]!];
}
function close(got: [number, number], want: [number, number]): void {
  expect(Math.abs(got[0] - want[0])).toBeLessThanOrEqual(TOL * Math.max(1, Math.abs(want[0])));
  expect(Math.abs(got[1] - want[1])).toBeLessThanOrEqual(TOL * Math.max(1, Math.abs(want[1])));
}
const means = { m1i: 10, sd1i: 2, n1i: 12, m2i: 8, sd2i: 3, n2i: 15 };

describe('escalc measures', () => {
  // escalc("SMD", m1i=10, sd1i=2, n1i=12, m2i=8, sd2i=3, n2i=15)
  it('SMD (Hedges g)', () => close(one('SMD', means), [0.743684211156475, 0.16024196677636]));
  // escalc("MD", ...same...)
  it('MD', () => close(one('MD', means), [2, 0.933333333333333]));
  // escalc("ROM", ...same...)
  it('ROM', () => close(one('ROM', means), [0.2231435513142098, 0.0127083333333333]));
  // escalc("OR", ai=12, bi=5, ci=3, di=20)
  it('OR', () => close(one('OR', { ai: 12, bi: 5, ci: 3, di: 20 }), [2.772588722239782, 0.666666666666667]));
  // escalc("OR", ai=0, bi=5, ci=3, di=20): 1/2 added to every cell
  it('OR with a zero cell', () => close(one('OR', { ai: 0, bi: 5, ci: 3, di: 20 }), [-0.630233355149376, 2.516312955337345]));
  // escalc("RR", ai=12, bi=5, ci=3, di=20)
  it('RR', () => close(one('RR', { ai: 12, bi: 5, ci: 3, di: 20 }), [1.688575232992824, 0.314364876385337]));
  // escalc("RR", ai=0, bi=10, ci=0, di=12): double zero, still corrected (drop00 = FALSE)
  it('RR with a double zero', () => close(one('RR', { ai: 0, bi: 10, ci: 0, di: 12 }), [0.167054084663167, 3.832167832167832]));
  // escalc("RD", ai=12, bi=5, ci=3, di=20)
  it('RD', () => close(one('RD', { ai: 12, bi: 5, ci: 3, di: 20 }), [0.5754475703324808, 0.0171438691989696]));
  // escalc("RD", ai=0, bi=5, ci=3, di=20): metafor corrects RD's zero cells too
  it('RD with a zero cell', () => close(one('RD', { ai: 0, bi: 5, ci: 3, di: 20 }), [-0.0625, 0.0179217303240741]));
  // escalc("RD", ai=12, n1i=17, ci=3, n2i=23): group sizes instead of bi, di
  it('RD from group sizes', () => close(one('RD', { ai: 12, n1i: 17, ci: 3, n2i: 23 }), [0.5754475703324808, 0.0171438691989696]));
  // escalc("PR", xi=7, ni=20)
  it('PR', () => close(one('PR', { xi: 7, ni: 20 }), [0.35, 0.011375]));
  // escalc("PR", xi=0, ni=20)
  it('PR with no events', () => close(one('PR', { xi: 0, ni: 20 }), [0.02380952380952381, 0.00110679192311845]));
  // escalc("PLO", xi=7, ni=20)
  it('PLO', () => close(one('PLO', { xi: 7, ni: 20 }), [-0.619039208406224, 0.21978021978022]));
  // escalc("PLO", xi=20, ni=20)
  it('PLO with all events', () => close(one('PLO', { xi: 20, ni: 20 }), [3.71357206670431, 2.04878048780488]));
  // escalc("COR", ri=0.35, ni=40)
  it('COR', () => close(one('COR', { ri: 0.35, ni: 40 }), [0.35, 0.01974375]));
  // escalc("ZCOR", ri=0.35, ni=40)
  it('ZCOR', () => close(one('ZCOR', { ri: 0.35, ni: 40 }), [0.365443754271396, 0.027027027027027]));
  it('GEN with standard errors', () => close(one('GEN', { yi: 0.4, sei: 0.2 }), [0.4, 0.04]));
  it('ZCOR with ni ≤ 3 has no variance, with metafor\'s warning', () => {
    const r = escalc({ columns: ['ri', 'ni'], rows: [[0.3, 3]] }, 'ZCOR');
    expect(Number.isNaN(r.vi[0]!)).toBe(true);
    expect(r.warnings).toContain('Cannot estimate the sampling variance when ni <= 3.');
  });
  it('a missing input leaves only what depends on it missing (R\'s NA, not NaN)', () => {
    const r = escalc({ columns: Object.keys(means), rows: [[null, 2, 12, 8, 3, 15]] }, 'MD');
    expect(Number.isNaN(r.yi[0]!)).toBe(true);
    expect(r.vi[0]).toBeCloseTo(0.933333333333333, 12);
  });
  it('infinite values are recoded to missing with metafor\'s warning', () => {
    const r = escalc({ columns: ['ri', 'ni'], rows: [[1, 20]] }, 'ZCOR');
    expect(Number.isNaN(r.yi[0]!)).toBe(true);
    expect(r.warnings).toContain("Some 'yi' and/or 'vi' values equal to +-Inf. Recoded to NAs.");
  });
});

describe('small-sample correction and SEM conversion', () => {
  // exp(lgamma(5) - log(sqrt(5)) - lgamma(4.5)) in R = 0.8403200...
  it('Hedges correction is the exact gamma ratio, as R computes it', () => {
    expect(hedgesCorrection(10)).toBeCloseTo(Math.exp(Math.log(24) - Math.log(Math.sqrt(5)) - Math.log(11.631728396567448)), 13);
    expect(hedgesCorrection(1)).toBeNaN();
    // m = 1e6: R gives 0.99999925028560843 (its lgamma cancellation included); we match R, not the series
    expect(hedgesCorrection(1e6)).toBe(0.9999992502856084);
  });
  it('SD from SEM: SD = SEM·√n', () => {
    expect(sdFromSem(1.5, 16)).toBe(6);
  });
  it('sem1i/sem2i columns stand in for missing SDs', () => {
    const t: Table = { columns: ['m1i', 'sem1i', 'n1i', 'm2i', 'sd2i', 'n2i'], rows: [[10, 0.5, 16, 8, 3, 15]] };
    const r = escalc(t, 'MD');
    expect(r.vi[0]).toBeCloseTo(4 / 16 + 9 / 15, 14);
    expect(r.warnings.join(' ')).toMatch(/Converted 1 standard error/);
  });
});
