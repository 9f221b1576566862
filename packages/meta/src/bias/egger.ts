import type { Design } from '../model/design.js';
import { interceptDesign } from '../model/design.js';
import { type RmaOptions, rmaUni } from '../model/rma-uni.js';

export interface EggerResult {
  statistic: number;
  /**
   * What the statistic is, as metafor's print.regtest names it: "z" under the default z test, "t" (with `df`,
   * k − p − 1) under Knapp–Hartung. Outputs print this rather than guessing (issue 18 item 8).
   */
  statisticName: 'z' | 't';
  pval: number;
  /** the intercept when √vᵢ → 0 ("limit estimate"), for models without moderators */
  limitEstimate: number | null;
  df: number | null;
}

/**
 * Egger's regression test: the model refitted with the standard error √vᵢ as an extra moderator, testing its
 * coefficient (z, or t under Knapp–Hartung) (metafor regtest(), model = "rma", predictor = "sei"; Egger et al. 1997,
 * Sterne & Egger 2005).
 */
export function eggerTest(yi: Float64Array, vi: Float64Array, design: Design | null, opts: RmaOptions): EggerResult {
  const k = yi.length;
  const d = design ?? interceptDesign(k);
  const x = new Float64Array(k * (d.p + 1));
  x.set(d.x, 0);
  for (let i = 0; i < k; i++) x[d.p * k + i] = Math.sqrt(vi[i]!);
  const fit = rmaUni(yi, vi, { k, p: d.p + 1, x, names: [...d.names, 'sei'], hasIntercept: d.hasIntercept }, { ...opts, computeR2: false });
  const j = d.p;
  return {
    statistic: fit.zval[j]!,
    statisticName: fit.test === 'knha' ? 't' : 'z',
    pval: fit.pval[j]!,
    limitEstimate: d.p === 1 && d.hasIntercept ? fit.beta[0]! : null,
    df: fit.test === 'knha' ? fit.ddf : null,
  };
}
