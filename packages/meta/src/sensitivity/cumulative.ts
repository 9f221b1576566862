import { type RmaOptions, rmaUni } from '../model/rma-uni.js';
import { type LeaveOneOutRow, EMPTY_ROW, num } from './leave-one-out.js';

export interface CumulativeRow extends LeaveOneOutRow {
  /** 0-based index of the study added at this step, within the studies used */
  study: number;
  k: number;
}

/**
 * Cumulative meta-analysis: studies added one at a time in the order given (ascending, ties in data order) and
 * the intercept-only model refitted at each step with the same method, test and control (metafor cumul.rma.uni).
 */
export function cumulative(yi: Float64Array, vi: Float64Array, order: number[], opts: RmaOptions): CumulativeRow[] {
  const out: CumulativeRow[] = [];
  const isFixed = opts.method === 'FE' || opts.method === 'EE';
  for (let step = 1; step <= order.length; step++) {
    const idx = order.slice(0, step);
    const y = Float64Array.from(idx, (i) => yi[i]!);
    const v = Float64Array.from(idx, (i) => vi[i]!);
    const study = order[step - 1]!;
    try {
      const f = rmaUni(y, v, null, { ...opts, computeR2: false });
      out.push({
        study,
        k: step,
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
      out.push({ study, k: step, ...EMPTY_ROW });
    }
  }
  return out;
}
