/**
 * Log-gamma and the regularised incomplete gamma function (chi-squared distribution).
 * Stirling's series with Bernoulli terms for x ≥ 10 and the recurrence below it (Abramowitz & Stegun 6.1.40);
 * the incomplete gamma by its power series and Legendre's continued fraction (Numerical Recipes §6.2, modified Lentz).
 */

const LN_SQRT_2PI = 0.9189385332046728;

/** log Γ(x) for x > 0 (A&S 6.1.40, Stirling series to x^-15). */
export function lgamma(x: number): number {
  if (!(x > 0)) return x === 0 ? Infinity : NaN;
  if (x === 1 || x === 2) return 0;
  let shift = 0;
  let prod = 1;
  let y = x;
  while (y < 10) {
    prod *= y;
    y += 1;
    if (prod > 1e280) {
      shift += Math.log(prod);
      prod = 1;
    }
  }
  shift += Math.log(prod);
  const y2 = 1 / (y * y);
  const series =
    (1 / 12 + y2 * (-1 / 360 + y2 * (1 / 1260 + y2 * (-1 / 1680 + y2 * (1 / 1188 + y2 * (-691 / 360360 + y2 * (1 / 156 + y2 * (-3617 / 122400)))))))) / y;
  return (y - 0.5) * Math.log(y) - y + LN_SQRT_2PI + series - shift;
}

/** log of the prefactor x^a e^-x / Γ(a) shared by the series and the continued fraction. */
function logPrefactor(a: number, x: number): number {
  return a * Math.log(x) - x - lgamma(a);
}

/** Lower regularised gamma P(a, x) by its power series (converges for x < a + 1). */
function seriesP(a: number, x: number): number {
  let term = 1 / a;
  let sum = term;
  for (let n = 1; n < 100000; n++) {
    term *= x / (a + n);
    sum += term;
    if (Math.abs(term) < Math.abs(sum) * 1e-17) break;
  }
  return Math.exp(logPrefactor(a, x) + Math.log(sum));
}

/** Upper regularised gamma Q(a, x) by Legendre's continued fraction (converges for x ≥ a + 1). */
function fractionQ(a: number, x: number): number {
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 100000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-16) break;
  }
  return Math.exp(logPrefactor(a, x) + Math.log(h));
}

/** Regularised incomplete gamma: P(a, x) (lower) or Q(a, x) (upper), each accurate in its own tail. */
export function pgamma(x: number, a: number, lowerTail = true): number {
  if (Number.isNaN(x) || Number.isNaN(a)) return NaN;
  if (x <= 0) return lowerTail ? 0 : 1;
  if (x === Infinity) return lowerTail ? 1 : 0;
  if (x < a + 1) {
    const p = seriesP(a, x);
    return lowerTail ? p : 1 - p;
  }
  const q = fractionQ(a, x);
  return lowerTail ? 1 - q : q;
}

/** Chi-squared distribution function (R's pchisq). */
export function pchisq(q: number, df: number, lowerTail = true): number {
  return pgamma(q / 2, df / 2, lowerTail);
}

/** Chi-squared density. */
export function dchisq(x: number, df: number): number {
  if (x < 0) return 0;
  if (x === 0) return df === 2 ? 0.5 : df < 2 ? Infinity : 0;
  const a = df / 2;
  return Math.exp((a - 1) * Math.log(x / 2) - x / 2 - lgamma(a)) / 2;
}

/** Chi-squared quantile (R's qchisq) by safeguarded Newton steps from the Wilson–Hilferty start. */
export function qchisq(p: number, df: number, lowerTail = true): number {
  const pl = lowerTail ? p : 1 - p;
  if (!(pl >= 0 && pl <= 1) || !(df > 0)) return NaN;
  if (pl === 0) return 0;
  if (pl === 1) return Infinity;
  const useUpper = pl > 0.5;
  const target = useUpper ? (lowerTail ? 1 - p : p) : pl;
  const f = (x: number): number => (useUpper ? pchisq(x, df, false) - target : pchisq(x, df, true) - target);
  // bracket
  const z = qnormApprox(pl);
  const h = 2 / (9 * df);
  let x = df * Math.pow(Math.max(1 - h + z * Math.sqrt(h), 0.01), 3);
  let lo = 0;
  let hi = Math.max(2 * x, df + 10);
  while (f(hi) * (useUpper ? -1 : 1) < 0) hi *= 2;
  if (!(x > lo && x < hi)) x = (lo + hi) / 2;
  for (let i = 0; i < 200; i++) {
    const fx = f(x);
    if (fx === 0) return x;
    // for the lower CDF, f increases with x; for the upper tail it decreases
    const increasing = !useUpper;
    if ((fx > 0) === increasing) hi = x;
    else lo = x;
    const dens = dchisq(x, df);
    let next = increasing ? x - fx / dens : x + fx / dens;
    if (!(next > lo && next < hi) || !Number.isFinite(next)) next = (lo + hi) / 2;
    if (Math.abs(next - x) <= 1e-15 * Math.abs(x)) return next;
    x = next;
  }
  return x;
}

/** Acklam's rational approximation to the normal quantile (relative error 1e-9), refined by callers that need more. */
export function qnormApprox(p: number): number {
  const a = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
  const b = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
  const c = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
  const [a0, a1, a2, a3, a4, a5] = a as [number, number, number, number, number, number];
  const [b0, b1, b2, b3, b4] = b as [number, number, number, number, number];
  const [c0, c1, c2, c3, c4, c5] = c as [number, number, number, number, number, number];
  const [d0, d1, d2, d3] = d as [number, number, number, number];
  if (p <= 0) return -Infinity;
  if (p >= 1) return Infinity;
  const pLow = 0.02425;
  if (p < pLow) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((c0 * q + c1) * q + c2) * q + c3) * q + c4) * q + c5) / ((((d0 * q + d1) * q + d2) * q + d3) * q + 1);
  }
  if (p > 1 - pLow) {
    const q = Math.sqrt(-2 * Math.log1p(-p));
    return -(((((c0 * q + c1) * q + c2) * q + c3) * q + c4) * q + c5) / ((((d0 * q + d1) * q + d2) * q + d3) * q + 1);
  }
  const q = p - 0.5;
  const r = q * q;
  return ((((((a0 * r + a1) * r + a2) * r + a3) * r + a4) * r + a5) * q) / (((((b0 * r + b1) * r + b2) * r + b3) * r + b4) * r + 1);
}
