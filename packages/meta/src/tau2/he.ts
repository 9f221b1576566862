import type { Tau2Context, Tau2Estimate } from './context.js';

/**
 * Hedges (HE) estimator, τ² = (RSS_OLS − tr(P₀V)) / (k − p) with P₀ = I − X(X'X)⁻¹X' (metafor rma.uni
 * method="HE"; Hedges 1983). Also the starting value of ML, REML and EB.
 */
export function heRaw(ctx: Tau2Context): number {
  const { y, v, k, p, ws, design } = ctx;
  ws.fit(y, v, 0, design, false, ones(k));
  let trPV = 0;
  for (let i = 0; i < k; i++) trPV += v[i]! * (1 - ws.hat(i, design));
  return (ws.rss - trPV) / (k - p);
}

export function estimateHE(ctx: Tau2Context): Tau2Estimate {
  return { tau2: heRaw(ctx), iterations: 0, warnings: [] };
}

let onesCache = new Float64Array(0);
function ones(k: number): Float64Array {
  if (onesCache.length < k) onesCache = new Float64Array(k).fill(1);
  return onesCache.length === k ? onesCache : onesCache.subarray(0, k);
}
