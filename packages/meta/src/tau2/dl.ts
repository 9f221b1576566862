import { MetaError } from '../errors.js';
import type { Tau2Context, Tau2Estimate } from './context.js';

/**
 * DerSimonian–Laird estimator, τ² = (Q − (k − p)) / tr P with FE weights 1/vᵢ (metafor rma.uni method="DL";
 * DerSimonian & Laird 1986, Raudenbush 2009 for meta-regression).
 */
export function estimateDL(ctx: Tau2Context): Tau2Estimate {
  const { y, v, k, p, ws, design } = ctx;
  if (!ctx.allViPositive) throw nonPositive('DL');
  ws.fit(y, v, 0, design, true);
  return { tau2: (ws.rss - (k - p)) / ws.trP, iterations: 0, warnings: [] };
}

export function nonPositive(method: string): MetaError {
  return new MetaError('EXO_ERR_META_BAD_OPTION', `the ${method} estimator cannot be used when some sampling variances are zero`, { field: 'method' });
}
