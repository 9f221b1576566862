/**
 * metafor's default cluster-robust inference, `robust(fit, cluster)` (metafor R/robust.rma.mv.r, adjust = TRUE):
 * vb = (n/(n − p)) · B (Σ_c X_c'W e_c e_c'W X_c) B' with B = (X'WX)⁻¹, W = V⁻¹ of the fitted model and n clusters;
 * t tests and intervals with n − p degrees of freedom; the omnibus F = QM/m on (m, n − p) degrees of freedom.
 * Clusters need not nest the random effects.
 */
import { MetaError } from '../errors.js';
import { pf, pt, qt } from '../math/beta.js';
import { cholLower, inverseFromLower, matmul } from './dense.js';
import { type RobustResult, clusterRows, denseV, designRows, residuals, unscale } from './robust-blocks.js';
import { type RmaMvFit, waldQuadratic } from './rma-mv.js';

export function robustCr1(fit: RmaMvFit, yi: Float64Array, vi: Float64Array, clusterLabels: string[], level: number): RobustResult {
  const { k, p } = fit;
  const clusters = clusterRows(clusterLabels);
  const n = clusters.length;
  const dfs = n - p;
  if (dfs <= 0) throw new MetaError('EXO_ERR_META_CLUSTERS', `the number of clusters (${n}) must be larger than the number of coefficients (${p})`, { field: 'robust' });
  // W X̃ row by row: V is block-diagonal by level-1 group, so each block is solved on its own
  const wx = new Float64Array(k * p);
  const byTop: number[][] = Array.from({ length: fit.nest.size[0]! }, () => []);
  for (let i = 0; i < k; i++) byTop[fit.nest.group[0]![i]!]!.push(i);
  for (const rows of byTop) {
    const m = rows.length;
    const l = cholLower(denseV(fit, vi, rows), m);
    if (!l) throw new MetaError('EXO_ERR_META_SINGULAR', 'the marginal covariance of a cluster is not positive definite');
    const block = matmul(inverseFromLower(l, m), designRows(fit, rows), m, m, p);
    rows.forEach((r, a) => {
      for (let j = 0; j < p; j++) wx[r * p + j] = block[a * p + j]!;
    });
  }
  const e = residuals(fit, yi, Array.from({ length: k }, (_, i) => i));
  const meat = new Float64Array(p * p);
  for (const rows of clusters) {
    const u = new Float64Array(p);
    for (const r of rows) for (let j = 0; j < p; j++) u[j] = u[j]! + (wx[r * p + j]! * e[r]!);
    for (let a = 0; a < p; a++) for (let b = 0; b < p; b++) meat[a * p + b] = meat[a * p + b]! + (u[a]! * u[b]!);
  }
  const m = fit.scaled.vbScaled;
  const vt = matmul(matmul(m, meat, p, p, p), m, p, p, p).map((x) => (x * n) / dfs);
  const vb = unscale(fit, vt);
  const crit = qt((1 - level / 100) / 2, dfs, false);
  const coefficients = fit.names.map((name, j) => {
    const v = vb[j * p + j]!;
    const se = v < 100 * Number.EPSILON ? null : Math.sqrt(v);
    const b = fit.beta[j]!;
    const t = se === null ? null : b / se;
    return { name, estimate: b, se, statistic: t, df: dfs, pval: t === null ? null : 2 * pt(Math.abs(t), dfs, false), ciLower: se === null ? null : b - crit * se, ciUpper: se === null ? null : b + crit * se };
  });
  const btt = fit.btt;
  const qm = waldQuadratic(fit.beta, vb, p, btt) / btt.length;
  return { type: 'CR1', clusters: n, vb, coefficients, qm: Number.isFinite(qm) ? qm : null, qmDf: [btt.length, dfs], qmPval: Number.isFinite(qm) ? pf(qm, btt.length, dfs, false) : null };
}
