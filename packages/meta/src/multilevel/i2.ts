/**
 * I² of a multilevel model as the metafor project defines it (metafor-project.org/doku.php/tips:i2_multilevel_multivariate,
 * after Nakagawa & Santos 2012): with W = diag(1/vᵢ) and P = W − WX(X'WX)⁻¹X'W, the "typical" sampling variance is
 * (k − p)/tr(P), and I²_l = 100·σ²_l / (Σσ² + (k − p)/tr(P)); the total I² uses Σσ² in the numerator.
 */
import { invertSpd } from '../math/small-matrix.js';

export interface MultilevelI2 {
  total: number;
  levels: number[];
  /** tr(P) */
  trP: number;
  /** (k − p)/tr(P) */
  typicalV: number;
}

/** `x` is the k × p design, column-major. */
export function multilevelI2(x: Float64Array, k: number, p: number, vi: Float64Array, sigma2: ArrayLike<number>): MultilevelI2 {
  const xwx = new Float64Array(p * p);
  const xw2x = new Float64Array(p * p);
  let sumW = 0;
  for (let i = 0; i < k; i++) {
    const w = 1 / vi[i]!;
    sumW += w;
    for (let a = 0; a < p; a++)
      for (let b = 0; b < p; b++) {
        const xx = x[a * k + i]! * x[b * k + i]!;
        xwx[a * p + b] = xwx[a * p + b]! + (w * xx);
        xw2x[a * p + b] = xw2x[a * p + b]! + (w * w * xx);
      }
  }
  const inv = invertSpd(xwx, p);
  let tr = 0;
  if (inv) for (let a = 0; a < p; a++) for (let b = 0; b < p; b++) tr += inv[a * p + b]! * xw2x[b * p + a]!;
  const trP = sumW - tr;
  const typicalV = (k - p) / trP;
  let total = 0;
  for (let l = 0; l < sigma2.length; l++) total += sigma2[l]!;
  const denom = total + typicalV;
  return { total: (100 * total) / denom, levels: Array.from(sigma2, (s) => (100 * s) / denom), trP, typicalV };
}
