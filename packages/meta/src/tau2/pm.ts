import { MetaError } from '../errors.js';
import { mad } from '../math/descriptive.js';
import { zeroin } from '../math/zeroin.js';
import type { Tau2Context, Tau2Estimate } from './context.js';
import { nonPositive } from './dl.js';

/**
 * Paule–Mandel estimator: the τ² at which the generalised Q statistic equals its expectation k − p, found with
 * uniroot() on [tau2.min, max(100, 10·mad(yi)²)] at its default tolerance, as metafor rma.uni method="PM" does
 * (Paule & Mandel 1982; Viechtbauer et al. 2015).
 */
export function estimatePM(ctx: Tau2Context): Tau2Estimate {
  const { y, v, k, p, ws, design, control } = ctx;
  if (!ctx.allViPositive) throw nonPositive('PM');
  const target = k - p;
  const q = (tau2: number): number => {
    ws.fit(y, v, tau2, design, false);
    return ws.rss - target;
  };
  const tau2Max = control.tau2Max ?? Math.max(100, 10 * mad(ctx.yRaw) ** 2);
  const fMin = q(control.tau2Min);
  if (fMin < 0) return { tau2: control.tau2Min, iterations: 0, warnings: [] };
  const fMax = q(tau2Max);
  if (fMax > 0) {
    throw new MetaError('EXO_ERR_META_NO_CONVERGENCE', `the PM estimator of tau^2 lies above the search bound ${tau2Max}; try another method (option "method")`, { field: 'method' });
  }
  const res = zeroin(q, control.tau2Min, tau2Max, control.tol, control.maxiter, fMin, fMax);
  return { tau2: res.root, iterations: res.iterations, warnings: [] };
}
