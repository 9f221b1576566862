/**
 * Q-profile confidence interval for τ² (Viechtbauer 2007), and the I² and H² intervals derived from it, as
 * metafor's confint.rma.uni() computes them: the generalised Q statistic set equal to the χ²_{k−p} quantiles,
 * solved with uniroot() on [min(0, τ²), max(100, 10·τ²)] at its default tolerance.
 */
import { qchisq } from '../math/gamma.js';
import { zeroin } from '../math/zeroin.js';
import { scaleDesign } from './design.js';
import type { RmaFit } from './rma-uni.js';
import { Wls } from './wls.js';

export interface Tau2Interval {
  tau2: [number | null, number | null];
  i2: [number | null, number | null];
  h2: [number | null, number | null];
  /** "<" when the bound lies below the searched interval, ">" above */
  lowerSign: '' | '<' | '>';
  upperSign: '' | '<' | '>';
  /** the interval is empty (Q is below even the lower quantile at τ² = 0) */
  isNull: boolean;
}

export function qProfileInterval(fit: RmaFit): Tau2Interval | null {
  if (fit.method === 'FE' || fit.method === 'EE' || fit.k === 1 || !fit.allViPositive) return null;
  const { k, p, yi, vi } = fit;
  const sd = scaleDesign(fit.design);
  const ws = new Wls(k, p);
  const alpha = 1 - fit.level / 100;
  const tau2Min = Math.min(0, fit.tau2);
  const tau2Max = Math.max(100, fit.tau2 * 10, tau2Min * 10);
  const tol = Math.pow(2.220446049250313e-16, 0.25);
  const maxiter = 1000;
  const Q = (t: number): number => {
    ws.fit(yi, vi, t, sd, false);
    return ws.rss;
  };
  const critU = qchisq(alpha / 2, k - p, false);
  const critL = qchisq(alpha / 2, k - p, true);
  const qMax = Q(tau2Max);
  const qMin = Q(tau2Min);
  let lb: number;
  let ub: number;
  let lowerSign: Tau2Interval['lowerSign'] = '';
  let upperSign: Tau2Interval['upperSign'] = '';
  let isNull = false;
  if (qMin < critL) {
    ub = tau2Min;
    lowerSign = upperSign = '<';
    if (tau2Min <= 0) isNull = true;
  } else if (qMax > critL) {
    ub = tau2Max;
    upperSign = '>';
  } else {
    ub = zeroin((t) => Q(t) - critL, tau2Min, tau2Max, tol, maxiter).root;
  }
  if (qMax > critU) {
    lb = ub = tau2Max;
    lowerSign = upperSign = '>';
  } else if (qMin < critU) {
    lb = tau2Min;
    if (tau2Min > 0) lowerSign = '<';
  } else {
    lb = zeroin((t) => Q(t) - critU, tau2Min, tau2Max, tol, maxiter).root;
  }
  const i2 = (t: number): number => (100 * t) / (fit.vt + t);
  const h2 = (t: number): number => t / fit.vt + 1;
  const n = (x: number): number | null => (Number.isFinite(x) ? x : null);
  return { tau2: [n(lb), n(ub)], i2: [n(i2(lb)), n(i2(ub))], h2: [n(h2(lb)), n(h2(ub))], lowerSign, upperSign, isNull };
}
