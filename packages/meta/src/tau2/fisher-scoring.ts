import { MetaError } from '../errors.js';
import type { Tau2Context, Tau2Estimate } from './context.js';
import { heRaw } from './he.js';

/** The Fisher-scoring step of one estimator, given the fit at the current τ². */
export type ScoringStep = (ctx: Tau2Context) => number;

/**
 * Fisher scoring for ML, REML and EB exactly as metafor's rma.uni runs it: start at max(0, HE) (or, for a
 * refit, at the full-data τ² when control.warmStart asks), step
 * τ² ← τ² + stepadj·adj (halving while below tau2.min) until |Δτ²| ≤ threshold; then, for ML/REML, metafor's
 * `ll0check` sets τ² = 0 when the likelihood at 0 is larger (a stuck local maximum).
 */
export function fisherScoring(ctx: Tau2Context, step: ScoringStep, method: 'ML' | 'REML' | 'EB'): Tau2Estimate {
  const { control, y, v, ws, design } = ctx;
  const warnings: string[] = [];
  const warm = ctx.start !== undefined && Number.isFinite(ctx.start);
  let tau2 = warm ? Math.max(ctx.start!, control.tau2Min) : Math.max(0, heRaw(ctx), control.tau2Min);
  let change = control.threshold + 1;
  let iter = 0;
  while (change > control.threshold) {
    iter++;
    const old = tau2;
    if (!ws.fit(y, v, tau2, design, method !== 'EB')) throw singular();
    let adj = step(ctx) * control.stepadj;
    if (Number.isNaN(adj)) adj = 0;
    // an infinite step (a sampling variance of almost 0 beside a large one) would halve forever below
    if (!Number.isFinite(adj)) {
      throw new MetaError('EXO_ERR_META_NO_CONVERGENCE', `the ${method} estimator of tau^2 cannot be computed for these sampling variances (an infinite Fisher-scoring step; is a variance almost 0?); try another method (option "method")`, { field: 'method' });
    }
    while (tau2 + adj < control.tau2Min) adj /= 2;
    tau2 = tau2 + adj;
    change = Math.abs(old - tau2);
    if (iter > control.maxiter) {
      throw new MetaError(
        'EXO_ERR_META_NO_CONVERGENCE',
        `the ${method} estimator of tau^2 did not converge in ${control.maxiter} iterations (Fisher scoring); try another method (option "method")`,
        { field: 'method' },
      );
    }
  }
  if (method !== 'EB' && control.ll0check && ctx.allViPositive) {
    const ll0 = logLik(ctx, 0, method);
    const ll = logLik(ctx, tau2, method);
    if (ll0 - ll > control.tol && tau2 > control.threshold) {
      warnings.push('Fisher scoring algorithm may have gotten stuck at a local maximum. Setting tau^2 = 0.');
      tau2 = 0;
    }
  }
  return { tau2, iterations: iter, warnings };
}

/** The (restricted) log-likelihood up to terms that cancel in metafor's ll0 − ll comparison. */
function logLik(ctx: Tau2Context, tau2: number, method: 'ML' | 'REML'): number {
  const { y, v, ws, design, k } = ctx;
  if (!ws.fit(y, v, tau2, design, false)) throw singular();
  let sumLog = 0;
  for (let i = 0; i < k; i++) sumLog += Math.log(v[i]! + tau2);
  const ll = -0.5 * sumLog - 0.5 * ws.rss;
  return method === 'REML' ? ll - 0.5 * ws.logDetXtWX : ll;
}

function singular(): MetaError {
  return new MetaError('EXO_ERR_META_SINGULAR', 'the weighted model matrix is singular: the moderators are redundant for these studies');
}
