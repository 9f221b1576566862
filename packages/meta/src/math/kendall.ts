/**
 * Kendall's rank correlation test as R's cor.test(x, y, method = "kendall", exact = TRUE) computes it:
 * τ_b, with the exact null distribution of the number of concordant pairs (R's ckendall recursion) when there are
 * no ties, and the normal approximation with the tie-corrected variance otherwise (Kendall 1970, ch. 4).
 */
import { pnorm } from './normal.js';

export interface KendallResult {
  tau: number;
  /** R's p-value; NaN where R's exact computation overflows (no ties and n > 170) */
  pval: number;
  /** the normal approximation (tie-corrected variance), computable for any n */
  pvalNormal: number;
  exact: boolean;
}

/** τ_b = Σ sign(Δx)sign(Δy) / √(n_x n_y) over all pairs. */
export function kendallTau(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const n = x.length;
  let s = 0;
  let nx = 0;
  let ny = 0;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < i; j++) {
      const sx = Math.sign(x[i]! - x[j]!);
      const sy = Math.sign(y[i]! - y[j]!);
      s += sx * sy;
      nx += sx * sx;
      ny += sy * sy;
    }
  return s / (Math.sqrt(nx) * Math.sqrt(ny));
}

/** P(T ≤ q) of the number of concordant pairs T of n untied observations (Mahonian numbers / n!). */
function pkendall(q: number, n: number): number {
  const u = (n * (n - 1)) / 2;
  const qq = Math.floor(q + 1e-7);
  if (qq < 0) return 0;
  if (qq >= u) return 1;
  // counts of permutations of m elements with t inversions, built up m = 1..n with prefix sums
  let counts = new Float64Array(u + 1);
  counts[0] = 1;
  let maxT = 0;
  for (let m = 2; m <= n; m++) {
    const newMax = maxT + m - 1;
    const next = new Float64Array(u + 1);
    let window = 0;
    for (let t = 0; t <= newMax; t++) {
      window += t <= maxT ? counts[t]! : 0;
      if (t - m >= 0) window -= counts[t - m]!;
      next[t] = window;
    }
    counts = next;
    maxT = newMax;
  }
  let p = 0;
  for (let t = 0; t <= qq; t++) p += counts[t]!;
  let fact = 1;
  for (let m = 2; m <= n; m++) fact *= m;
  return p / fact;
}

function hasTies(v: ArrayLike<number>): boolean {
  return new Set(Array.from(v)).size < v.length;
}

function tieCounts(v: ArrayLike<number>): number[] {
  const m = new Map<number, number>();
  for (let i = 0; i < v.length; i++) m.set(v[i]!, (m.get(v[i]!) ?? 0) + 1);
  return [...m.values()].filter((c) => c > 1);
}

export function kendallTest(x: ArrayLike<number>, y: ArrayLike<number>): KendallResult {
  const n = x.length;
  const tau = kendallTau(x, y);
  const ties = hasTies(x) || hasTies(y);
  const normal = normalApproximation(x, y, tau, n);
  if (!ties) {
    // R's exact distribution overflows past n = 170 (n! is infinite in double precision) and gives NaN
    if (n > 170) return { tau, pval: NaN, pvalNormal: normal, exact: true };
    const q = Math.round(((tau + 1) * n * (n - 1)) / 4);
    const p = q > (n * (n - 1)) / 4 ? 1 - pkendall(q - 1, n) : pkendall(q, n);
    return { tau, pval: Math.min(2 * p, 1), pvalNormal: normal, exact: true };
  }
  return { tau, pval: normal, pvalNormal: normal, exact: false };
}

function normalApproximation(x: ArrayLike<number>, y: ArrayLike<number>, tau: number, n: number): number {
  const xt = tieCounts(x);
  const yt = tieCounts(y);
  const sumf = (a: number[], f: (t: number) => number): number => a.reduce((s, t) => s + f(t), 0);
  const T0 = (n * (n - 1)) / 2;
  const T1 = sumf(xt, (t) => t * (t - 1)) / 2;
  const T2 = sumf(yt, (t) => t * (t - 1)) / 2;
  const S = tau * Math.sqrt((T0 - T1) * (T0 - T2));
  const v0 = n * (n - 1) * (2 * n + 5);
  const vt = sumf(xt, (t) => t * (t - 1) * (2 * t + 5));
  const vu = sumf(yt, (t) => t * (t - 1) * (2 * t + 5));
  const v1 = sumf(xt, (t) => t * (t - 1)) * sumf(yt, (t) => t * (t - 1));
  const v2 = sumf(xt, (t) => t * (t - 1) * (t - 2)) * sumf(yt, (t) => t * (t - 1) * (t - 2));
  const varS = (v0 - vt - vu) / 18 + v1 / (2 * n * (n - 1)) + v2 / (9 * n * (n - 1) * (n - 2));
  const z = S / Math.sqrt(varS);
  return 2 * Math.min(pnorm(z), pnorm(z, false));
}
