/**
 * Dense linear algebra for the small p × p normal equations X'WX of a meta-regression (p is the number of
 * coefficients, never the number of studies). Matrices are row-major Float64Arrays.
 */

/**
 * In-place Cholesky factorisation A = LL' of a symmetric positive-definite p × p matrix (lower triangle kept).
 * Returns false when A is not positive definite to working precision.
 */
export function cholesky(a: Float64Array, p: number): boolean {
  for (let j = 0; j < p; j++) {
    let d = a[j * p + j]!;
    for (let k = 0; k < j; k++) d -= a[j * p + k]! * a[j * p + k]!;
    if (!(d > 0)) return false;
    const ljj = Math.sqrt(d);
    a[j * p + j] = ljj;
    for (let i = j + 1; i < p; i++) {
      let s = a[i * p + j]!;
      for (let k = 0; k < j; k++) s -= a[i * p + k]! * a[j * p + k]!;
      a[i * p + j] = s / ljj;
    }
    for (let i = 0; i < j; i++) a[i * p + j] = 0;
  }
  return true;
}

/** log det(A) from its Cholesky factor L. */
export function cholLogDet(l: Float64Array, p: number): number {
  let s = 0;
  for (let j = 0; j < p; j++) s += 2 * Math.log(l[j * p + j]!);
  return s;
}

/** Inverse (LL')⁻¹ from the Cholesky factor L, written into `out` (full symmetric). */
export function cholInverse(l: Float64Array, p: number, out: Float64Array): void {
  // invert L (lower triangular) into out's lower triangle, then out = L⁻ᵀ L⁻¹
  const inv = new Float64Array(p * p);
  for (let j = 0; j < p; j++) {
    inv[j * p + j] = 1 / l[j * p + j]!;
    for (let i = j + 1; i < p; i++) {
      let s = 0;
      for (let k = j; k < i; k++) s -= l[i * p + k]! * inv[k * p + j]!;
      inv[i * p + j] = s / l[i * p + i]!;
    }
  }
  for (let i = 0; i < p; i++) {
    for (let j = 0; j <= i; j++) {
      let s = 0;
      for (let k = i; k < p; k++) s += inv[k * p + i]! * inv[k * p + j]!;
      out[i * p + j] = s;
      out[j * p + i] = s;
    }
  }
}

/** Solves A x = b for symmetric positive-definite A (copied), or returns null when A is singular. */
export function solveSpd(a: Float64Array, b: Float64Array, p: number): Float64Array | null {
  const l = Float64Array.from(a);
  if (!cholesky(l, p)) return null;
  const x = Float64Array.from(b);
  for (let i = 0; i < p; i++) {
    let s = x[i]!;
    for (let k = 0; k < i; k++) s -= l[i * p + k]! * x[k]!;
    x[i] = s / l[i * p + i]!;
  }
  for (let i = p - 1; i >= 0; i--) {
    let s = x[i]!;
    for (let k = i + 1; k < p; k++) s -= l[k * p + i]! * x[k]!;
    x[i] = s / l[i * p + i]!;
  }
  return x;
}

/** Inverse of a symmetric positive-definite matrix, or null when singular. */
export function invertSpd(a: Float64Array, p: number): Float64Array | null {
  const l = Float64Array.from(a);
  if (!cholesky(l, p)) return null;
  const out = new Float64Array(p * p);
  cholInverse(l, p, out);
  return out;
}

/** Determinant of a symmetric positive-definite matrix (0 when not positive definite). */
export function detSpd(a: Float64Array, p: number): number {
  const l = Float64Array.from(a);
  if (!cholesky(l, p)) return 0;
  return Math.exp(cholLogDet(l, p));
}
