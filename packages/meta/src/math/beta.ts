/**
 * The regularised incomplete beta function and the t and F distributions built on it
 * (Numerical Recipes §6.4 continued fraction with modified Lentz; A&S 26.5.27 for t, 26.6.2 for F).
 */
import { lgamma } from './gamma.js';
import { pnorm, qnorm } from './normal.js';

function lbeta(a: number, b: number): number {
  return lgamma(a) + lgamma(b) - lgamma(a + b);
}

/** Continued fraction for I_x(a, b) (NR betacf). */
function betaFraction(a: number, b: number, x: number): number {
  const tiny = 1e-300;
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m < 100000; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-16) break;
  }
  return h;
}

/**
 * Regularised incomplete beta I_x(a, b); `y` = 1 − x passed separately to keep precision near 1.
 * Returns [I_x(a,b), 1 − I_x(a,b)], each computed directly in its small tail.
 */
export function pbetaBoth(x: number, a: number, b: number, y = 1 - x): [number, number] {
  if (x <= 0) return [0, 1];
  if (y <= 0) return [1, 0];
  const logFront = a * Math.log(x) + b * Math.log(y) - lbeta(a, b);
  if (x < (a + 1) / (a + b + 2)) {
    const lower = (Math.exp(logFront) * betaFraction(a, b, x)) / a;
    return [lower, 1 - lower];
  }
  const upper = (Math.exp(logFront) * betaFraction(b, a, y)) / b;
  return [1 - upper, upper];
}

/** Student t distribution function (R's pt). */
export function pt(t: number, df: number, lowerTail = true): number {
  if (Number.isNaN(t)) return NaN;
  if (!Number.isFinite(df) || df > 1e10) {
    // the normal limit
    return pnorm(t, lowerTail);
  }
  const t2 = t * t;
  // P(|T| > |t|) = I_{df/(df+t²)}(df/2, 1/2)
  const [twoSided] = pbetaBoth(df / (df + t2), df / 2, 0.5, t2 / (df + t2));
  const tail = twoSided / 2; // P(T > |t|)
  const upper = t > 0 ? tail : 1 - tail;
  return lowerTail ? 1 - upper : upper;
}

/** Student t density. */
export function dt(t: number, df: number): number {
  return Math.exp(lgamma((df + 1) / 2) - lgamma(df / 2) - 0.5 * Math.log(df * Math.PI) - ((df + 1) / 2) * Math.log1p((t * t) / df));
}

/** Student t quantile (R's qt) by Newton steps from the Cornish–Fisher expansion, safeguarded by bisection. */
export function qt(p: number, df: number, lowerTail = true): number {
  if (Number.isNaN(p) || p < 0 || p > 1 || !(df > 0)) return NaN;
  const pUpper = lowerTail ? 1 - p : p; // P(T > t)
  if (pUpper === 0) return Infinity;
  if (pUpper === 1) return -Infinity;
  if (pUpper === 0.5) return 0;
  if (df > 1e10) return qnorm(pUpper, false);
  // solve in the upper half, then reflect
  const negative = pUpper > 0.5;
  const q = negative ? 1 - pUpper : pUpper; // target upper-tail probability below 0.5, t > 0
  if (df === 1) {
    const v = Math.tan(Math.PI * (0.5 - q));
    return negative ? -v : v;
  }
  const z = qnorm(q, false);
  const z2 = z * z;
  const g1 = (z2 * z + z) / 4;
  const g2 = ((5 * z2 + 16) * z2 * z + 3 * z) / 96;
  const g3 = (((3 * z2 + 19) * z2 + 17) * z2 * z - 15 * z) / 384;
  const g4 = ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 * z - 945 * z) / 92160;
  let x = z + g1 / df + g2 / df ** 2 + g3 / df ** 3 + g4 / df ** 4;
  if (!(x > 0) || !Number.isFinite(x)) x = z;
  let lo = 0;
  let hi = Math.max(2 * x, 1);
  while (pt(hi, df, false) > q) hi *= 2;
  for (let i = 0; i < 200; i++) {
    const f = pt(x, df, false) - q; // decreasing in x
    if (f === 0) break;
    if (f > 0) lo = x;
    else hi = x;
    let next = x + f / dt(x, df);
    if (!(next > lo && next < hi)) next = (lo + hi) / 2;
    if (Math.abs(next - x) <= 4e-16 * Math.abs(x)) {
      x = next;
      break;
    }
    x = next;
  }
  return negative ? -x : x;
}

/** F distribution function (R's pf). */
export function pf(f: number, df1: number, df2: number, lowerTail = true): number {
  if (Number.isNaN(f)) return NaN;
  if (f <= 0) return lowerTail ? 0 : 1;
  if (f === Infinity) return lowerTail ? 1 : 0;
  // P(F > f) = I_{df2/(df2+df1 f)}(df2/2, df1/2)
  const denom = df2 + df1 * f;
  const [upper, lower] = pbetaBoth(df2 / denom, df2 / 2, df1 / 2, (df1 * f) / denom);
  return lowerTail ? lower : upper;
}
