import { kendallTest } from '../math/kendall.js';

export interface RankTestResult {
  tau: number;
  /** metafor's p-value: exact without ties; null where metafor's exact computation fails (k > 170, no ties) */
  pval: number | null;
  /** the normal approximation, always available */
  pvalNormal: number;
  exact: boolean;
}

/**
 * Begg & Mazumdar's rank correlation test: Kendall's τ between the standardised deviates
 * (yᵢ − θ̂_FE)/√(vᵢ − 1/Σw) and vᵢ (metafor ranktest(), exact = TRUE; Begg & Mazumdar 1994).
 */
export function rankTest(yi: Float64Array, vi: Float64Array): RankTestResult {
  const k = yi.length;
  let sw = 0;
  let swy = 0;
  for (let i = 0; i < k; i++) {
    sw += 1 / vi[i]!;
    swy += yi[i]! / vi[i]!;
  }
  const theta = swy / sw;
  const vb = 1 / sw;
  const ystar = new Float64Array(k);
  for (let i = 0; i < k; i++) ystar[i] = (yi[i]! - theta) / Math.sqrt(vi[i]! - vb);
  const r = kendallTest(ystar, vi);
  return { tau: r.tau, pval: Number.isNaN(r.pval) ? null : r.pval, pvalNormal: r.pvalNormal, exact: r.exact };
}
