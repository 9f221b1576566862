/**
 * The normal distribution: pnorm through the complementary error function written as an incomplete gamma,
 * erfc(z) = Q(1/2, z²) (A&S 7.1.2 and 6.5.17), accurate in the far tails; qnorm by Acklam's start and Halley steps.
 */
import { pgamma, qnormApprox } from './gamma.js';

const SQRT_2PI = 2.5066282746310002;

/** Standard normal density. */
export function dnorm(x: number): number {
  return Math.exp(-0.5 * x * x) / SQRT_2PI;
}

/** Standard normal distribution function (R's pnorm), accurate in both tails. */
export function pnorm(x: number, lowerTail = true): number {
  if (Number.isNaN(x)) return NaN;
  if (x === 0) return 0.5;
  const tail = 0.5 * pgamma(0.5 * x * x, 0.5, false); // P(Z > |x|)
  if (lowerTail) return x > 0 ? 1 - tail : tail;
  return x > 0 ? tail : 1 - tail;
}

/** Standard normal quantile (R's qnorm) to full double precision. */
export function qnorm(p: number, lowerTail = true): number {
  if (Number.isNaN(p) || p < 0 || p > 1) return NaN;
  if (p === 0) return lowerTail ? -Infinity : Infinity;
  if (p === 1) return lowerTail ? Infinity : -Infinity;
  if (p === 0.5) return 0;
  // work in the smaller tail for precision: find x < 0 with P(Z < x) = small
  const small = p < 0.5 ? p : 1 - p;
  const negative = lowerTail ? p < 0.5 : p > 0.5;
  let x = qnormApprox(small);
  for (let i = 0; i < 3; i++) {
    const e = pnorm(x, true) - small;
    const u = e * SQRT_2PI * Math.exp(0.5 * x * x);
    if (!Number.isFinite(u)) break;
    x = x - u / (1 + (x * u) / 2);
  }
  return negative ? x : -x;
}
