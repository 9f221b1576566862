/**
 * The model matrix X of a meta-regression, held column-major (k × p), and a centred-and-scaled copy used for
 * the normal equations so that X'WX stays well conditioned (moderators such as a publication year would
 * otherwise square the condition number); coefficients are mapped back with β = Tβ̃, vb = T Ṽ T'.
 */
import { MetaError } from '../errors.js';

export interface Design {
  /** number of studies (rows) */
  k: number;
  /** number of coefficients (columns) */
  p: number;
  /** column-major values, x[j * k + i] */
  x: Float64Array;
  /** coefficient names, metafor's (`intrcpt`, `ablat`, `allocrandom`, …) */
  names: string[];
  /** first column is the intercept */
  hasIntercept: boolean;
}

export interface ScaledDesign {
  k: number;
  p: number;
  x: Float64Array;
  center: Float64Array;
  scale: Float64Array;
  hasIntercept: boolean;
  interceptOnly: boolean;
}

/** The intercept-only design (a column of ones). */
export function interceptDesign(k: number): Design {
  return { k, p: 1, x: new Float64Array(k).fill(1), names: ['intrcpt'], hasIntercept: true };
}

/** Centres (when an intercept is present) and scales the non-intercept columns. */
export function scaleDesign(d: Design): ScaledDesign {
  const { k, p } = d;
  const x = new Float64Array(k * p);
  const center = new Float64Array(p);
  const scale = new Float64Array(p).fill(1);
  for (let j = 0; j < p; j++) {
    const off = j * k;
    if (j === 0 && d.hasIntercept) {
      x.fill(1, 0, k);
      continue;
    }
    let c = 0;
    if (d.hasIntercept) {
      for (let i = 0; i < k; i++) c += d.x[off + i]!;
      c /= k;
    }
    let ss = 0;
    for (let i = 0; i < k; i++) {
      const t = d.x[off + i]! - c;
      ss += t * t;
    }
    let s = Math.sqrt(ss / Math.max(1, k));
    if (!(s > 0)) s = 1;
    center[j] = c;
    scale[j] = s;
    for (let i = 0; i < k; i++) x[off + i] = (d.x[off + i]! - c) / s;
  }
  return { k, p, x, center, scale, hasIntercept: d.hasIntercept, interceptOnly: p === 1 && d.hasIntercept };
}

/** β = T β̃ for the scaled design. */
export function unscaleBeta(sd: ScaledDesign, bt: Float64Array): Float64Array {
  const { p } = sd;
  const b = new Float64Array(p);
  for (let j = 0; j < p; j++) b[j] = sd.hasIntercept && j === 0 ? bt[0]! : bt[j]! / sd.scale[j]!;
  if (sd.hasIntercept) for (let j = 1; j < p; j++) b[0] = b[0]! - sd.center[j]! * b[j]!;
  return b;
}

/** The p × p matrix T (row-major) with β = T β̃. */
export function transformMatrix(sd: ScaledDesign): Float64Array {
  const { p } = sd;
  const t = new Float64Array(p * p);
  for (let j = 0; j < p; j++) t[j * p + j] = sd.hasIntercept && j === 0 ? 1 : 1 / sd.scale[j]!;
  if (sd.hasIntercept) for (let j = 1; j < p; j++) t[j] = -sd.center[j]! / sd.scale[j]!;
  return t;
}

/** vb = T Ṽ T' for the scaled design. */
export function unscaleVcov(sd: ScaledDesign, vt: Float64Array): Float64Array {
  const { p } = sd;
  const t = transformMatrix(sd);
  const tmp = new Float64Array(p * p);
  const out = new Float64Array(p * p);
  for (let i = 0; i < p; i++)
    for (let j = 0; j < p; j++) {
      let s = 0;
      for (let m = 0; m < p; m++) s += t[i * p + m]! * vt[m * p + j]!;
      tmp[i * p + j] = s;
    }
  for (let i = 0; i < p; i++)
    for (let j = 0; j < p; j++) {
      let s = 0;
      for (let m = 0; m < p; m++) s += tmp[i * p + m]! * t[j * p + m]!;
      out[i * p + j] = s;
    }
  return out;
}

/** Rows `keep` (0-based indices) of a design. */
export function subsetDesign(d: Design, keep: ArrayLike<number>): Design {
  const k = keep.length;
  const x = new Float64Array(k * d.p);
  for (let j = 0; j < d.p; j++) for (let i = 0; i < k; i++) x[j * k + i] = d.x[j * d.k + keep[i]!]!;
  return { k, p: d.p, x, names: d.names.slice(), hasIntercept: d.hasIntercept };
}

/**
 * Columns that are linear combinations of earlier ones (R's lm() marks their coefficients NA and metafor then
 * drops them with the warning "Redundant predictors dropped from the model."), by sequential Gram–Schmidt with
 * LINPACK's relative tolerance 1e-7.
 */
export function redundantColumns(d: Design): boolean[] {
  const { k, p } = d;
  const basis: Float64Array[] = [];
  const out: boolean[] = [];
  for (let j = 0; j < p; j++) {
    const col = d.x.slice(j * k, (j + 1) * k);
    let norm0 = 0;
    for (let i = 0; i < k; i++) norm0 += col[i]! * col[i]!;
    for (let pass = 0; pass < 2; pass++)
      for (const q of basis) {
        let dot = 0;
        for (let i = 0; i < k; i++) dot += q[i]! * col[i]!;
        for (let i = 0; i < k; i++) col[i] = col[i]! - dot * q[i]!;
      }
    let norm = 0;
    for (let i = 0; i < k; i++) norm += col[i]! * col[i]!;
    if (norm0 === 0 || Math.sqrt(norm) < 1e-7 * Math.sqrt(norm0)) {
      out.push(true);
      continue;
    }
    const inv = 1 / Math.sqrt(norm);
    for (let i = 0; i < k; i++) col[i] = col[i]! * inv;
    basis.push(col);
    out.push(false);
  }
  return out;
}

/** Keeps the columns not flagged. */
export function dropColumns(d: Design, drop: boolean[]): Design {
  const keepCols: number[] = [];
  for (let j = 0; j < d.p; j++) if (!drop[j]) keepCols.push(j);
  const x = new Float64Array(d.k * keepCols.length);
  keepCols.forEach((j, n) => x.set(d.x.subarray(j * d.k, (j + 1) * d.k), n * d.k));
  return { k: d.k, p: keepCols.length, x, names: keepCols.map((j) => d.names[j]!), hasIntercept: d.hasIntercept && keepCols[0] === 0 };
}

/** Throws when the design has more coefficients than the studies can identify. */
export function assertIdentifiable(k: number, p: number, needTau2: boolean): void {
  if (p > k || (needTau2 && p + 1 > k && !(p === 1 && k === 1))) {
    throw new MetaError(
      'EXO_ERR_META_SINGULAR',
      `the model has ${p} coefficient${p === 1 ? '' : 's'}${needTau2 ? ' and a heterogeneity variance' : ''} but only ${k} stud${k === 1 ? 'y' : 'ies'}: too few studies to fit it`,
    );
  }
}
