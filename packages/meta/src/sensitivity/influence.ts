/**
 * Case-deletion influence diagnostics of metafor's influence.rma.uni(): externally standardised residuals,
 * DFFITS, Cook's distances, covariance ratios, τ² and QE after deletion, hat values, weights and DFBETAS
 * (Viechtbauer & Cheung 2010). Each deletion refits the model in O(k·p²).
 */
import { pchisq } from '../math/gamma.js';
import { detSpd, invertSpd } from '../math/small-matrix.js';
import { scaleDesign, subsetDesign, unscaleVcov } from '../model/design.js';
import { type RmaFit, type RmaOptions, rmaUni } from '../model/rma-uni.js';
import { Wls } from '../model/wls.js';
import { num } from './leave-one-out.js';

export interface InfluenceRow {
  rstudent: number | null;
  dffits: number | null;
  cookD: number | null;
  covRatio: number | null;
  tau2Del: number | null;
  qeDel: number | null;
  hat: number;
  weight: number;
  dfbetas: (number | null)[];
  influential: boolean;
}

export function influence(fit: RmaFit, opts: RmaOptions): InfluenceRow[] {
  const { k, p, design, yi, vi } = fit;
  const sumW = fit.w.reduce((a, b) => a + b, 0);
  const svb = invertSpd(fit.vb, p);
  const detVb = detSpd(fit.vb, p);
  const rows: InfluenceRow[] = [];
  const keepBase = Array.from({ length: k }, (_, i) => i);
  const ws = new Wls(k, p);
  const sdAll = scaleDesign(design);
  for (let i = 0; i < k; i++) {
    const keep = keepBase.filter((j) => j !== i);
    const xi = Array.from({ length: p }, (_, a) => design.x[a * k + i]!);
    const pred = xi.reduce((s, x, a) => s + x * fit.beta[a]!, 0);
    let del: RmaFit;
    try {
      del = rmaUni(Float64Array.from(keep, (j) => yi[j]!), Float64Array.from(keep, (j) => vi[j]!), subsetDesign(design, keep), { ...opts, computeR2: false, tau2Start: fit.tau2 });
    } catch {
      rows.push({ rstudent: null, dffits: null, cookD: null, covRatio: null, tau2Del: null, qeDel: null, hat: fit.hat[i]!, weight: (100 * fit.w[i]!) / sumW, dfbetas: new Array<null>(p).fill(null), influential: false });
      continue;
    }
    const delpred = xi.reduce((s, x, a) => s + x * del.beta[a]!, 0);
    let vdel = 0;
    for (let a = 0; a < p; a++) for (let b = 0; b < p; b++) vdel += xi[a]! * del.vb[a * p + b]! * xi[b]!;
    const dffits = (pred - delpred) / Math.sqrt(del.s2w * fit.hat[i]! * (del.tau2 + vi[i]!));
    // (X'W X)⁻¹ over all k studies with τ² after deletion
    ws.fit(yi, vi, del.tau2, sdAll, false);
    const vbDel = unscaleVcov(sdAll, ws.s);
    const dfbetas = Array.from({ length: p }, (_, a) => num((fit.beta[a]! - del.beta[a]!) / Math.sqrt(del.s2w * vbDel[a * p + a]!)));
    let cookD = NaN;
    if (svb) {
      cookD = 0;
      for (let a = 0; a < p; a++) for (let b = 0; b < p; b++) cookD += (fit.beta[a]! - del.beta[a]!) * svb[a * p + b]! * (fit.beta[b]! - del.beta[b]!);
    }
    let resid = yi[i]! - delpred;
    if (Math.abs(resid) < 100 * 2.220446049250313e-16) resid = 0;
    const seResid = Math.sqrt(vi[i]! * del.s2w + vdel + del.tau2 * del.s2w);
    rows.push({
      rstudent: num(resid / seResid),
      dffits: num(dffits),
      cookD: num(cookD),
      covRatio: num(detSpd(del.vb, p) / detVb),
      tau2Del: num(del.tau2),
      qeDel: num(del.QE),
      hat: fit.hat[i]!,
      weight: (100 * fit.w[i]!) / sumW,
      dfbetas,
      influential: false,
    });
  }
  // metafor's flags: |DFFITS| > 3√(p/(k−p)), P(χ²_p ≤ D) > .5, hat > 3p/k, any |DFBETAS| > 1
  for (const r of rows) {
    r.influential =
      (r.dffits !== null && Math.abs(r.dffits) > 3 * Math.sqrt(p / (k - p))) ||
      (r.cookD !== null && pchisq(r.cookD, p) > 0.5) ||
      r.hat > (3 * p) / k ||
      r.dfbetas.some((d) => d !== null && Math.abs(d) > 1);
  }
  return rows;
}
