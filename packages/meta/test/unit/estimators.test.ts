/**
 * τ² estimators on dat.bcg (log risk ratios), each against
 *   es <- escalc("RR", ai=tpos, bi=tneg, ci=cpos, di=cneg, data=dat.bcg)
 *   rma(yi, vi, data=es, method=M, control=list(threshold=1e-12, maxiter=10000, stepadj=0.5))  # metafor 3.8-1
 * with expected (tau2, beta, se).
 */
import { describe, expect, it } from 'vitest';
import { escalc } from '../../src/effect-sizes/escalc.js';
import { DEFAULT_CONTROL, METAFOR_DEFAULT_CONTROL } from '../../src/model/control.js';
import { qProfileInterval } from '../../src/model/q-profile.js';
import { rmaUni } from '../../src/model/rma-uni.js';
import type { Method } from '../../src/tau2/index.js';

const BCG = [
  [4, 119, 11, 128], [6, 300, 29, 274], [3, 228, 11, 209], [62, 13536, 248, 12619], [33, 5036, 47, 5761],
  [180, 1361, 372, 1079], [8, 2537, 10, 619], [505, 87886, 499, 87892], [29, 7470, 45, 7232], [17, 1699, 65, 1600],
  [186, 50448, 141, 27197], [5, 2493, 3, 2338], [27, 16886, 29, 17825],
];
const es = escalc({ columns: ['ai', 'bi', 'ci', 'di'], rows: BCG }, 'RR');

const EXPECTED: Record<string, [number, number, number]> = {
  DL: [0.308760262862376, -0.714117222073227, 0.178742089535403],
  HE: [0.328563857995769, -0.715878588758735, 0.183279985988782],
  HS: [0.228362863676907, -0.704535373916257, 0.158652093056656],
  SJ: [0.345515701598595, -0.717248592557584, 0.187059458416427],
  ML: [0.280028137269692, -0.711199135474297, 0.171896808777146],
  REML: [0.313243258137274, -0.714532342158212, 0.179781516105389],
  EB: [0.318068452205601, -0.714968153493496, 0.180892191537756],
  PM: [0.318093711863015, -0.714970405632446, 0.180897984125838],
};

const rel = (got: number, want: number): number => Math.abs(got - want) / Math.abs(want);

describe('tau^2 estimators (dat.bcg, RR)', () => {
  for (const [method, [tau2, beta, se]] of Object.entries(EXPECTED)) {
    it(method, () => {
      const f = rmaUni(es.yi, es.vi, null, { method: method as Method, control: DEFAULT_CONTROL });
      expect(rel(f.tau2, tau2)).toBeLessThan(1e-8);
      expect(rel(f.beta[0]!, beta)).toBeLessThan(1e-8);
      expect(rel(f.se[0]!, se)).toBeLessThan(1e-8);
    });
  }
  it('REML stops where metafor stops at its default threshold 1e-5 (as trimfill refits do)', () => {
    const loose = rmaUni(es.yi, es.vi, null, { method: 'REML', control: METAFOR_DEFAULT_CONTROL });
    expect(Math.abs(loose.tau2 - 0.313243258137274)).toBeLessThan(1e-4);
    expect(loose.iterations).toBeLessThan(10);
  });
  it('FE and EE fix tau^2 at 0', () => {
    expect(rmaUni(es.yi, es.vi, null, { method: 'FE' }).tau2).toBe(0);
    expect(rmaUni(es.yi, es.vi, null, { method: 'EE' }).beta[0]).toBeCloseTo(-0.430285163654091, 12);
  });
  it('Q-profile CI as confint(res): tau^2 [0.1197, 1.1115], I^2 [81.92, 97.68]', () => {
    // confint(rma(yi, vi, data=es, control=...))$random
    const ci = qProfileInterval(rmaUni(es.yi, es.vi, null, { method: 'REML' }))!;
    expect(rel(ci.tau2[0]!, 0.119695312816638)).toBeLessThan(1e-8);
    expect(rel(ci.tau2[1]!, 1.111486262215441)).toBeLessThan(1e-8);
    expect(rel(ci.i2[0]!, 81.91772272150493)).toBeLessThan(1e-8);
    expect(rel(ci.i2[1]!, 97.67808960506687)).toBeLessThan(1e-8);
  });
  it('k = 1: tau^2 = 0 and knha falls back to z, with metafor\'s warning', () => {
    const f = rmaUni(es.yi.slice(0, 1), es.vi.slice(0, 1), null, { method: 'REML', test: 'knha' });
    expect(f.tau2).toBe(0);
    expect(f.test).toBe('z');
    expect(f.warnings).toContain('Setting argument test="z" since k=1.');
  });
  it('too few studies for the parameters is an error', () => {
    expect(() => rmaUni(es.yi.slice(0, 2), es.vi.slice(0, 2), { k: 2, p: 2, x: Float64Array.from([1, 1, 3, 4]), names: ['intrcpt', 'x'], hasIntercept: true }, { method: 'REML' })).toThrow(
      expect.objectContaining({ code: 'EXO_ERR_META_SINGULAR' }),
    );
  });
});
