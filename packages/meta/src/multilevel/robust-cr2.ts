/**
 * Cluster-robust inference with the CR2 small-sample correction and Satterthwaite degrees of freedom, as
 * metafor's `robust(fit, cluster, clubSandwich = TRUE)` gets it from clubSandwich (R/CR-adjustments.R CR2 with
 * inverse_var = TRUE, R/get_arrays.R get_GH / get_P_array, R/coef_test.R Satterthwaite_df; Pustejovsky &
 * Tipton 2018, doi:10.1080/07350015.2016.1247004). With M = (X'V⁻¹X)⁻¹, V_j = R_j'R_j (Cholesky):
 *   A_j = R_j' [R_j (V_j − X_j M X_j') R_j']^(−1/2) R_j,   vb = M Σ_j X_j'W_j A_j e_j e_j' A_j' W_j X_j M;
 * for coefficient i, with G_j = M X_j'W_j A_j R_j' and H_j = M X_j'W_j A_j X_j L (LL' = M), the J × J matrix
 *   P = diag(‖G_j[i,·]‖²) − (H_j[i,·]·H_j'[i,·])_{j,j'}  gives  df = (tr P)² / ‖P‖²_F.
 * The random effects must be nested within the clusters (clubSandwich refuses otherwise).
 */
import { MetaError } from '../errors.js';
import { pt, qt } from '../math/beta.js';
import { cholLower, inverseFromLower, matmul, symPower, transpose } from './dense.js';
import { type RobustResult, clusterRows, denseV, designRows, residuals, unscale } from './robust-blocks.js';
import type { RmaMvFit } from './rma-mv.js';
import { htzTest } from './robust-htz.js';

export function robustCr2(fit: RmaMvFit, yi: Float64Array, vi: Float64Array, clusterLabels: string[], level: number): RobustResult {
  const { p } = fit;
  const clusters = clusterRows(clusterLabels);
  assertNested(fit, clusterLabels);
  const J = clusters.length;
  const m = fit.scaled.vbScaled;
  const t = fit.scaled.t;
  const mChol = cholLower(m, p);
  if (!mChol) throw new MetaError('EXO_ERR_META_SINGULAR', 'the covariance of the coefficients is not positive definite');
  const meat = new Float64Array(p * p);
  const d: Float64Array[] = []; // ‖G_j[i,·]‖² per cluster
  const h: Float64Array[] = []; // H_j (p × p) per cluster
  const gAll: Float64Array[] = []; // G_j (p × n_j) per cluster, for the HTZ test
  for (const rows of clusters) {
    const n = rows.length;
    const v = denseV(fit, vi, rows);
    const l = cholLower(v, n);
    if (!l) throw new MetaError('EXO_ERR_META_SINGULAR', 'the marginal covariance of a cluster is not positive definite');
    const x = designRows(fit, rows);
    const xt = transpose(x, n, p);
    // B = V − X M X';  G = R B R' = L' B L
    const xm = matmul(x, m, n, p, p);
    const b = Float64Array.from(v, (vv, idx) => {
      const a = Math.floor(idx / n);
      const c = idx % n;
      let s = 0;
      for (let j = 0; j < p; j++) s += xm[a * p + j]! * x[c * p + j]!;
      return vv - s;
    });
    const lt = transpose(l, n, n);
    const g = matmul(matmul(lt, b, n, n, n), l, n, n, n);
    for (let a = 0; a < n; a++) for (let c = 0; c < a; c++) g[a * n + c] = g[c * n + a] = (g[a * n + c]! + g[c * n + a]!) / 2;
    const adj = matmul(matmul(l, symPower(g, n, -0.5), n, n, n), lt, n, n, n); // A = L G^(-1/2) L'
    const e = matmul(matmul(xt, inverseFromLower(l, n), p, n, n), adj, p, n, n); // E = X'W A
    const comp = matmul(e, residuals(fit, yi, rows), p, n, 1);
    for (let a = 0; a < p; a++) for (let c = 0; c < p; c++) meat[a * p + c] = meat[a * p + c]! + (comp[a]! * comp[c]!);
    // Satterthwaite pieces in the original coefficients: K = T M E
    const kk = matmul(matmul(t, m, p, p, p), e, p, p, n);
    const gs = matmul(kk, l, p, n, n);
    gAll.push(gs);
    d.push(Float64Array.from({ length: p }, (_, i) => {
      let s = 0;
      for (let c = 0; c < n; c++) s += gs[i * n + c]! ** 2;
      return s;
    }));
    h.push(matmul(matmul(kk, x, p, n, p), mChol, p, p, p));
  }
  const vb = unscale(fit, matmul(matmul(m, meat, p, p, p), m, p, p, p));
  const alpha = 1 - level / 100;
  const coefficients = fit.names.map((name, i) => {
    const df = satterthwaite(d, h, i, p, J);
    const b = fit.beta[i]!;
    const se = Math.sqrt(vb[i * p + i]!);
    const stat = b / se;
    const ok = Number.isFinite(df) && df > 0 && se > 0;
    const crit = ok ? qt(alpha / 2, df, false) : NaN;
    return { name, estimate: b, se: se > 0 ? se : null, statistic: se > 0 ? stat : null, df: ok ? df : null, pval: ok ? 2 * pt(Math.abs(stat), df, false) : null, ciLower: ok ? b - crit * se : null, ciUpper: ok ? b + crit * se : null };
  });
  // metafor: QM of an intercept-only model is t² with the t test's p-value; with moderators, clubSandwich's HTZ test
  const c0 = coefficients[0]!;
  if (fit.intOnly) return { type: 'CR2', clusters: J, vb, coefficients, qm: c0.statistic === null ? null : c0.statistic ** 2, qmDf: c0.df === null ? null : [1, c0.df], qmPval: c0.pval };
  const htz = htzTest(fit.beta, vb, gAll, h, clusters.map((r) => r.length), p, fit.btt);
  return { type: 'CR2', clusters: J, vb, coefficients, qm: Number.isFinite(htz.F) ? htz.F : null, qmDf: [htz.df1, htz.df2], qmPval: htz.pval };
}

function satterthwaite(d: Float64Array[], h: Float64Array[], i: number, p: number, J: number): number {
  let tr = 0;
  let frob = 0;
  const hh = new Float64Array(p * p); // Σ_j h_j h_j'
  for (let j = 0; j < J; j++) {
    const hj = h[j]!.subarray(i * p, i * p + p);
    let n2 = 0;
    for (let a = 0; a < p; a++) n2 += hj[a]! ** 2;
    const dj = d[j]![i]!;
    tr += dj - n2;
    frob += dj * dj - 2 * dj * n2;
    for (let a = 0; a < p; a++) for (let b = 0; b < p; b++) hh[a * p + b] = hh[a * p + b]! + (hj[a]! * hj[b]!);
  }
  for (let a = 0; a < p * p; a++) frob += hh[a]! ** 2;
  return (tr * tr) / frob;
}

/** Every level-1 group of the random effects must lie within one cluster. */
function assertNested(fit: RmaMvFit, clusterLabels: string[]): void {
  const top = fit.nest.group[0]!;
  const seen = new Map<number, string>();
  for (let i = 0; i < top.length; i++) {
    const c = seen.get(top[i]!);
    if (c === undefined) seen.set(top[i]!, clusterLabels[i]!);
    else if (c !== clusterLabels[i]) {
      throw new MetaError('EXO_ERR_META_CLUSTERS', `the random effects are not nested within the clusters: row ${i + 1}'s outermost group spans clusters "${c}" and "${clusterLabels[i]}" (CR2 needs the clusters to contain whole groups; use the outermost grouping column or option "robustType" CR1)`, { field: 'robust' });
    }
  }
}
