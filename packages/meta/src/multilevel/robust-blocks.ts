/**
 * What both cluster-robust estimators need from a fitted multilevel model: the rows of each cluster, the dense
 * marginal covariance block V of a set of rows, the design rows and the residuals (in the scaled design the
 * model was fitted in; the estimators map their results back with T).
 */
import { MetaError } from '../errors.js';
import type { Coefficient } from '../results.js';
import type { RmaMvFit } from './rma-mv.js';

/** A coefficient with its cluster-robust df (the estimate is never missing here). */
export type RobustCoefficient = Coefficient & { estimate: number; df: number | null };

export interface RobustResult {
  /** CR1: metafor's robust() (n/(n − p) adjustment, t with n − p df); CR2: clubSandwich's CR2 with Satterthwaite df */
  type: 'CR1' | 'CR2';
  clusters: number;
  /** row-major p × p cluster-robust covariance of the coefficients */
  vb: Float64Array;
  coefficients: RobustCoefficient[];
  /** omnibus test of the moderators (F with [m, df]), null where not computed */
  qm: number | null;
  qmDf: [number, number] | null;
  qmPval: number | null;
}

/** Rows of each cluster, clusters in order of first appearance. */
export function clusterRows(labels: string[]): number[][] {
  const ids = new Map<string, number>();
  const rows: number[][] = [];
  labels.forEach((l, i) => {
    let id = ids.get(l);
    if (id === undefined) {
      id = rows.length;
      ids.set(l, id);
      rows.push([]);
    }
    rows[id]!.push(i);
  });
  if (rows.length < 2) throw new MetaError('EXO_ERR_META_CLUSTERS', `cluster-robust inference needs at least 2 clusters (the data have ${rows.length})`, { field: 'robust' });
  return rows;
}

/** Dense V for the given rows: vᵢ on the diagonal plus σ²_l wherever two rows share their level-l group. */
export function denseV(fit: RmaMvFit, vi: Float64Array, rows: number[]): Float64Array {
  const n = rows.length;
  const out = new Float64Array(n * n);
  const { group, m } = fit.nest;
  for (let a = 0; a < n; a++) {
    const ra = rows[a]!;
    out[a * n + a] = vi[ra]!;
    for (let b = 0; b < n; b++) {
      const rb = rows[b]!;
      for (let l = 0; l < m; l++) if (group[l]![ra] === group[l]![rb]) out[a * n + b] = out[a * n + b]! + (fit.sigma2[l]!);
    }
  }
  return out;
}

/** Rows of the scaled design (n × p, row-major). */
export function designRows(fit: RmaMvFit, rows: number[]): Float64Array {
  const { k, p } = fit;
  const out = new Float64Array(rows.length * p);
  rows.forEach((r, a) => {
    for (let j = 0; j < p; j++) out[a * p + j] = fit.scaled.x[j * k + r]!;
  });
  return out;
}

/** Residuals y − Xβ̂ of the given rows. */
export function residuals(fit: RmaMvFit, yi: Float64Array, rows: number[]): Float64Array {
  const { k, p } = fit;
  return Float64Array.from(rows, (r) => {
    let f = 0;
    for (let j = 0; j < p; j++) f += fit.scaled.x[j * k + r]! * fit.scaled.betaScaled[j]!;
    return yi[r]! - f;
  });
}

/** T Ṽ T' for a p × p matrix of the scaled design. */
export function unscale(fit: RmaMvFit, vt: Float64Array): Float64Array {
  const { p } = fit;
  const t = fit.scaled.t;
  const out = new Float64Array(p * p);
  for (let i = 0; i < p; i++)
    for (let j = 0; j < p; j++) {
      let s = 0;
      for (let a = 0; a < p; a++) for (let b = 0; b < p; b++) s += t[i * p + a]! * vt[a * p + b]! * t[j * p + b]!;
      out[i * p + j] = s;
    }
  return out;
}
