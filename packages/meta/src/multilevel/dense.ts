/**
 * Dense n × n helpers for the per-cluster blocks of the cluster-robust variance (n is a cluster's number of
 * effect sizes, never k). Row-major Float64Arrays.
 */
import { cholesky } from '../math/small-matrix.js';

/** a (r × s) · b (s × t). */
export function matmul(a: Float64Array, b: Float64Array, r: number, s: number, t: number): Float64Array {
  const out = new Float64Array(r * t);
  for (let i = 0; i < r; i++)
    for (let m = 0; m < s; m++) {
      const aim = a[i * s + m]!;
      if (aim === 0) continue;
      for (let j = 0; j < t; j++) out[i * t + j] = out[i * t + j]! + (aim * b[m * t + j]!);
    }
  return out;
}

/** The transpose of a (r × s). */
export function transpose(a: Float64Array, r: number, s: number): Float64Array {
  const out = new Float64Array(r * s);
  for (let i = 0; i < r; i++) for (let j = 0; j < s; j++) out[j * r + i] = a[i * s + j]!;
  return out;
}

/** Lower Cholesky factor L (LL' = A) of a symmetric positive-definite matrix, or null. */
export function cholLower(a: Float64Array, n: number): Float64Array | null {
  const l = Float64Array.from(a);
  return cholesky(l, n) ? l : null;
}

/** Inverse of a symmetric positive-definite matrix from its lower Cholesky factor. */
export function inverseFromLower(l: Float64Array, n: number): Float64Array {
  const out = new Float64Array(n * n);
  const col = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    col.fill(0);
    col[j] = 1;
    for (let i = 0; i < n; i++) {
      let s = col[i]!;
      for (let t = 0; t < i; t++) s -= l[i * n + t]! * col[t]!;
      col[i] = s / l[i * n + i]!;
    }
    for (let i = n - 1; i >= 0; i--) {
      let s = col[i]!;
      for (let t = i + 1; t < n; t++) s -= l[t * n + i]! * col[t]!;
      col[i] = s / l[i * n + i]!;
    }
    for (let i = 0; i < n; i++) out[i * n + j] = col[i]!;
  }
  return out;
}

/** Eigen-decomposition of a symmetric matrix by cyclic Jacobi rotations: values and column eigenvectors. */
export function symEigen(a: Float64Array, n: number): { values: Float64Array; vectors: Float64Array } {
  const m = Float64Array.from(a);
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    let diag = 0;
    for (let i = 0; i < n; i++) {
      diag += m[i * n + i]! * m[i * n + i]!;
      for (let j = i + 1; j < n; j++) off += m[i * n + j]! * m[i * n + j]!;
    }
    if (off <= 1e-32 * diag || off === 0) break;
    for (let p = 0; p < n; p++)
      for (let q = p + 1; q < n; q++) {
        const apq = m[p * n + q]!;
        if (apq === 0) continue;
        const theta = (m[q * n + q]! - m[p * n + p]!) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const mkp = m[k * n + p]!;
          const mkq = m[k * n + q]!;
          m[k * n + p] = c * mkp - s * mkq;
          m[k * n + q] = s * mkp + c * mkq;
        }
        for (let k = 0; k < n; k++) {
          const mpk = m[p * n + k]!;
          const mqk = m[q * n + k]!;
          m[p * n + k] = c * mpk - s * mqk;
          m[q * n + k] = s * mpk + c * mqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k * n + p]!;
          const vkq = v[k * n + q]!;
          v[k * n + p] = c * vkp - s * vkq;
          v[k * n + q] = s * vkp + c * vkq;
        }
      }
  }
  return { values: Float64Array.from({ length: n }, (_, i) => m[i * n + i]!), vectors: v };
}

/**
 * A^(power) of a symmetric matrix through its eigenvalues, eigenvalues at or below 1e-12 mapped to 0
 * (clubSandwich's matrix_power, R/matrix-functions.R).
 */
export function symPower(a: Float64Array, n: number, power: number): Float64Array {
  const { values, vectors } = symEigen(a, n);
  const out = new Float64Array(n * n);
  for (let e = 0; e < n; e++) {
    const lam = values[e]! > 1e-12 ? values[e]! ** power : 0;
    if (lam === 0) continue;
    for (let i = 0; i < n; i++) {
      const vi = vectors[i * n + e]! * lam;
      for (let j = 0; j < n; j++) out[i * n + j] = out[i * n + j]! + (vi * vectors[j * n + e]!);
    }
  }
  return out;
}
