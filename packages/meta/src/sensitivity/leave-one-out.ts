import { type RmaOptions, rmaUni } from '../model/rma-uni.js';

export interface LeaveOneOutRow {
  estimate: number | null;
  se: number | null;
  statistic: number | null;
  pval: number | null;
  ciLower: number | null;
  ciUpper: number | null;
  q: number | null;
  qPval: number | null;
  tau2: number | null;
  i2: number | null;
  h2: number | null;
}

export const EMPTY_ROW: LeaveOneOutRow = { estimate: null, se: null, statistic: null, pval: null, ciLower: null, ciUpper: null, q: null, qPval: null, tau2: null, i2: null, h2: null };

/** NaN → null for JSON. */
export function num(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}

/**
 * Leave-one-out analysis: the intercept-only model refitted without each study in turn, with the same method,
 * test and control (metafor leave1out.rma.uni). A refit that fails gives a row of nulls, as metafor's NA.
 */
export function leaveOneOut(yi: Float64Array, vi: Float64Array, opts: RmaOptions): LeaveOneOutRow[] {
  const k = yi.length;
  const y = new Float64Array(k - 1);
  const v = new Float64Array(k - 1);
  const isFixed = opts.method === 'FE' || opts.method === 'EE';
  const out: LeaveOneOutRow[] = [];
  for (let i = 0; i < k; i++) {
    let n = 0;
    for (let j = 0; j < k; j++) {
      if (j === i) continue;
      y[n] = yi[j]!;
      v[n] = vi[j]!;
      n++;
    }
    try {
      const f = rmaUni(y, v, null, { ...opts, computeR2: false });
      out.push({
        estimate: num(f.beta[0]!),
        se: num(f.se[0]!),
        statistic: num(f.zval[0]!),
        pval: num(f.pval[0]!),
        ciLower: num(f.ciLb[0]!),
        ciUpper: num(f.ciUb[0]!),
        q: num(f.QE),
        qPval: num(f.QEp),
        tau2: isFixed ? null : num(f.tau2),
        i2: num(f.I2),
        h2: num(f.H2),
      });
    } catch {
      out.push({ ...EMPTY_ROW });
    }
  }
  return out;
}
