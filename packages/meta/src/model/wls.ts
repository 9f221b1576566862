/**
 * Weighted least squares for the normal-normal model with weights w = 1/(v + τ²), in O(k·p²) without any
 * k × k matrix. With S = (X'WX)⁻¹ and P = W − WXSX'W (metafor's P):
 *   y'Py = Σ w r²,  y'PPy = Σ (w r)²,  tr P = Σw − tr(S X'W²X),
 *   tr PP = Σw² − 2 tr(S X'W³X) + tr((S X'W²X)²)         (expanding P² and cycling the traces).
 */
import { cholesky, cholInverse, cholLogDet } from '../math/small-matrix.js';
import type { ScaledDesign } from './design.js';

export class Wls {
  readonly w: Float64Array;
  readonly resid: Float64Array;
  readonly beta: Float64Array;
  /** (X'WX)⁻¹ in the scaled parameterisation */
  readonly s: Float64Array;
  private readonly xtwx: Float64Array;
  private readonly xtwy: Float64Array;
  private readonly m2: Float64Array;
  private readonly m3: Float64Array;
  rss = 0;
  sumW = 0;
  sumW2 = 0;
  trP = 0;
  trPP = 0;
  yPPy = 0;
  logDetXtWX = 0;
  ok = true;

  constructor(
    readonly k: number,
    readonly p: number,
  ) {
    this.w = new Float64Array(k);
    this.resid = new Float64Array(k);
    this.beta = new Float64Array(p);
    this.s = new Float64Array(p * p);
    this.xtwx = new Float64Array(p * p);
    this.xtwy = new Float64Array(p);
    this.m2 = new Float64Array(p * p);
    this.m3 = new Float64Array(p * p);
  }

  /**
   * Fits with weights 1/(v + tau2) (or the weights given in `weights`); `traces` also computes tr P, tr PP, y'PPy.
   * Returns false when X'WX is singular.
   */
  fit(y: Float64Array, v: Float64Array, tau2: number, d: ScaledDesign, traces = false, weights?: Float64Array): boolean {
    const { k, p } = this;
    const w = this.w;
    let sumW = 0;
    let sumW2 = 0;
    for (let i = 0; i < k; i++) {
      const wi = weights ? weights[i]! : 1 / (v[i]! + tau2);
      w[i] = wi;
      sumW += wi;
      sumW2 += wi * wi;
    }
    this.sumW = sumW;
    this.sumW2 = sumW2;
    if (d.interceptOnly) return this.fitInterceptOnly(y, traces);
    const x = d.x;
    const xtwx = this.xtwx.fill(0);
    const xtwy = this.xtwy.fill(0);
    const m2 = this.m2.fill(0);
    const m3 = this.m3.fill(0);
    for (let i = 0; i < k; i++) {
      const wi = w[i]!;
      const wy = wi * y[i]!;
      const w2 = wi * wi;
      const w3 = w2 * wi;
      for (let a = 0; a < p; a++) {
        const xa = x[a * k + i]!;
        xtwy[a] = xtwy[a]! + xa * wy;
        for (let b = 0; b <= a; b++) {
          const xab = xa * x[b * k + i]!;
          xtwx[a * p + b] = xtwx[a * p + b]! + wi * xab;
          if (traces) {
            m2[a * p + b] = m2[a * p + b]! + w2 * xab;
            m3[a * p + b] = m3[a * p + b]! + w3 * xab;
          }
        }
      }
    }
    for (let a = 0; a < p; a++)
      for (let b = 0; b < a; b++) {
        xtwx[b * p + a] = xtwx[a * p + b]!;
        m2[b * p + a] = m2[a * p + b]!;
        m3[b * p + a] = m3[a * p + b]!;
      }
    const l = Float64Array.from(xtwx);
    if (!cholesky(l, p)) {
      this.ok = false;
      return false;
    }
    this.ok = true;
    this.logDetXtWX = cholLogDet(l, p);
    const s = this.s;
    cholInverse(l, p, s);
    const beta = this.beta;
    for (let a = 0; a < p; a++) {
      let t = 0;
      for (let b = 0; b < p; b++) t += s[a * p + b]! * xtwy[b]!;
      beta[a] = t;
    }
    let rss = 0;
    let yPPy = 0;
    const r = this.resid;
    for (let i = 0; i < k; i++) {
      let fit = 0;
      for (let a = 0; a < p; a++) fit += x[a * k + i]! * beta[a]!;
      const ri = y[i]! - fit;
      r[i] = ri;
      const wr = w[i]! * ri;
      rss += wr * ri;
      yPPy += wr * wr;
    }
    this.rss = rss;
    this.yPPy = yPPy;
    if (traces) {
      // tr(S M2), tr(S M3), tr((S M2)^2)
      let trSM2 = 0;
      let trSM3 = 0;
      const sm2 = new Float64Array(p * p);
      for (let a = 0; a < p; a++)
        for (let b = 0; b < p; b++) {
          let t2 = 0;
          for (let c = 0; c < p; c++) t2 += s[a * p + c]! * m2[c * p + b]!;
          sm2[a * p + b] = t2;
        }
      for (let a = 0; a < p; a++) {
        trSM2 += sm2[a * p + a]!;
        for (let c = 0; c < p; c++) trSM3 += s[a * p + c]! * m3[c * p + a]!;
      }
      let trSM2sq = 0;
      for (let a = 0; a < p; a++) for (let b = 0; b < p; b++) trSM2sq += sm2[a * p + b]! * sm2[b * p + a]!;
      this.trP = sumW - trSM2;
      this.trPP = sumW2 - 2 * trSM3 + trSM2sq;
    }
    return true;
  }

  private fitInterceptOnly(y: Float64Array, traces: boolean): boolean {
    const { k } = this;
    const w = this.w;
    const sumW = this.sumW;
    if (!(sumW > 0) || !Number.isFinite(sumW)) {
      this.ok = false;
      return false;
    }
    this.ok = true;
    let swy = 0;
    for (let i = 0; i < k; i++) swy += w[i]! * y[i]!;
    const b = swy / sumW;
    this.beta[0] = b;
    this.s[0] = 1 / sumW;
    this.logDetXtWX = Math.log(sumW);
    let rss = 0;
    let yPPy = 0;
    let sumW3 = 0;
    const r = this.resid;
    for (let i = 0; i < k; i++) {
      const wi = w[i]!;
      const ri = y[i]! - b;
      r[i] = ri;
      const wr = wi * ri;
      rss += wr * ri;
      yPPy += wr * wr;
      if (traces) sumW3 += wi * wi * wi;
    }
    this.rss = rss;
    this.yPPy = yPPy;
    if (traces) {
      const q = this.sumW2 / sumW;
      this.trP = sumW - q;
      this.trPP = this.sumW2 - (2 * sumW3) / sumW + q * q;
    }
    return true;
  }

  /** Leverage w_i x_i'S x_i of study i (the diagonal of the hat matrix). */
  hat(i: number, d: ScaledDesign): number {
    const { k, p } = this;
    if (d.interceptOnly) return this.w[i]! * this.s[0]!;
    let h = 0;
    for (let a = 0; a < p; a++) {
      const xa = d.x[a * k + i]!;
      for (let b = 0; b < p; b++) h += xa * this.s[a * p + b]! * d.x[b * k + i]!;
    }
    return this.w[i]! * h;
  }
}
