import { pnorm, qnorm } from '../math/normal.js';

export interface FailsafeResult {
  rosenthal: number;
  pval: number;
}

/**
 * Rosenthal's fail-safe N, k·(z̄/z_α)² − k with z̄ = |Σ yᵢ/√vᵢ|/√k and one-sided α = .05 (Stouffer's method),
 * rounded up as metafor fsn(type = "Rosenthal") does (Rosenthal 1979).
 */
export function failsafeN(yi: Float64Array, vi: Float64Array, alpha = 0.05): FailsafeResult {
  const k = yi.length;
  let sz = 0;
  for (let i = 0; i < k; i++) sz += yi[i]! / Math.sqrt(vi[i]!);
  const zAvg = Math.abs(sz / Math.sqrt(k));
  const pval = pnorm(zAvg, false);
  let n = Math.max(0, k * (zAvg / qnorm(alpha, false)) ** 2 - k);
  n = Math.abs(n - Math.round(n)) >= Math.sqrt(2.220446049250313e-16) ? Math.ceil(n) : Math.round(n);
  return { rosenthal: n, pval };
}
