/**
 * Duval & Tweedie's trim-and-fill with the L0 estimator (Duval & Tweedie 2000), step for step as metafor's
 * trimfill.rma.uni(): the side is chosen by the sign of the slope on √vᵢ, and every refit uses rma()'s default
 * settings (metafor passes no `control` to them).
 */
import { MetaError } from '../errors.js';
import { METAFOR_DEFAULT_CONTROL } from '../model/control.js';
import { interceptDesign } from '../model/design.js';
import { type RmaFit, type RmaOptions, rmaUni } from '../model/rma-uni.js';
import type { Method } from '../tau2/index.js';

export interface TrimfillResult {
  k0: number;
  side: 'left' | 'right';
  seK0: number;
  estimate: number;
  se: number;
  ciLower: number;
  ciUpper: number;
  pval: number;
  tau2: number;
  /** the imputed studies */
  filled: { yi: number; vi: number }[];
}

/** metafor: beta[2] < 0 → missing studies on the right, else on the left. */
export function trimfillSide(yi: Float64Array, vi: Float64Array, method: Method): 'left' | 'right' {
  const k = yi.length;
  const x = new Float64Array(2 * k);
  x.fill(1, 0, k);
  for (let i = 0; i < k; i++) x[k + i] = Math.sqrt(vi[i]!);
  const fit = rmaUni(yi, vi, { k, p: 2, x, names: ['intrcpt', 'sqrtvi'], hasIntercept: true }, { method, test: 'z', level: 95, control: METAFOR_DEFAULT_CONTROL, computeR2: false });
  return fit.beta[1]! < 0 ? 'right' : 'left';
}

/**
 * `base` is the intercept-only fit of (yi, vi) with the user's method and control (metafor's `x`), reported
 * unchanged when no study is missing.
 */
export function trimfill(base: RmaFit, method: Method, level = 95, maxiter = 100): TrimfillResult {
  const k = base.k;
  const side = trimfillSide(base.yi, base.vi, method);
  const flip = side === 'right' ? -1 : 1;
  const idx = Array.from({ length: k }, (_, i) => i);
  const ys = base.yi.map((y) => flip * y);
  idx.sort((a, b) => ys[a]! - ys[b]! || a - b);
  const y = Float64Array.from(idx, (i) => ys[i]!);
  const v = Float64Array.from(idx, (i) => base.vi[i]!);
  const opts: Partial<RmaOptions> = { method, test: 'z', level, control: METAFOR_DEFAULT_CONTROL, computeR2: false };
  let k0 = 0;
  let k0Prev = -1;
  let iter = 0;
  let beta = 0;
  let seK0 = 0;
  const yc = new Float64Array(k);
  while (Math.abs(k0 - k0Prev) > 0) {
    k0Prev = k0;
    iter++;
    if (iter > maxiter) throw new MetaError('EXO_ERR_META_NO_CONVERGENCE', 'Trim and fill algorithm did not converge.', { field: 'bias' });
    const fit = rmaUni(y.slice(0, k - k0), v.slice(0, k - k0), null, opts);
    beta = fit.beta[0]!;
    for (let i = 0; i < k; i++) yc[i] = y[i]! - beta;
    // ranks of |centred| values, ties by position (rank(ties.method = "first"))
    const order = Array.from({ length: k }, (_, i) => i).sort((a, b) => Math.abs(yc[a]!) - Math.abs(yc[b]!) || a - b);
    let sr = 0;
    order.forEach((i, r) => {
      if (yc[i]! > 0) sr += r + 1;
    });
    const est = (4 * sr - k * (k + 1)) / (2 * k - 1);
    const varSr = (k * (k + 1) * (2 * k + 1) + 10 * est ** 3 + 27 * est ** 2 + 17 * est - 18 * k * est ** 2 - 18 * k * est + 6 * k * k * est) / 24;
    seK0 = Math.max(0, (4 * Math.sqrt(varSr)) / (2 * k - 1));
    k0 = Math.max(0, roundHalfEven(est));
  }
  if (k0 === 0) {
    return { k0, side, seK0, estimate: base.beta[0]!, se: base.se[0]!, ciLower: base.ciLb[0]!, ciUpper: base.ciUb[0]!, pval: base.pval[0]!, tau2: base.tau2, filled: [] };
  }
  const filled: { yi: number; vi: number }[] = [];
  for (let i = k - k0; i < k; i++) {
    // reflect about the trimmed estimate: 2β − y on the analysed scale
    filled.push({ yi: flip * (2 * beta - y[i]!), vi: v[i]! });
  }
  const yAll = new Float64Array(k + k0);
  const vAll = new Float64Array(k + k0);
  yAll.set(base.yi);
  vAll.set(base.vi);
  filled.forEach((f, j) => {
    yAll[k + j] = f.yi;
    vAll[k + j] = f.vi;
  });
  const fit = rmaUni(yAll, vAll, interceptDesign(k + k0), opts);
  return { k0, side, seK0, estimate: fit.beta[0]!, se: fit.se[0]!, ciLower: fit.ciLb[0]!, ciUpper: fit.ciUb[0]!, pval: fit.pval[0]!, tau2: fit.tau2, filled };
}

/** R's round(): halves to even. */
export function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}
