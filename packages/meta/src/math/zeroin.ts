/**
 * Brent's root finder exactly as R's uniroot() runs it (R_zeroin2 in src/library/stats/src/zeroin.c, after
 * Brent 1973): metafor's PM estimator and its Q-profile confidence intervals stop at uniroot's default tolerance
 * (.Machine$double.eps^0.25), so reproducing metafor to 1e-6 means taking the very same steps.
 */
const EPSILON = 2.220446049250313e-16;

export interface ZeroinResult {
  root: number;
  iterations: number;
  converged: boolean;
}

/** Finds a root of f in [lower, upper] given f(lower) and f(upper) of opposite signs (R's uniroot). */
export function zeroin(
  f: (x: number) => number,
  lower: number,
  upper: number,
  tol = Math.pow(EPSILON, 0.25),
  maxiter = 1000,
  fLower = f(lower),
  fUpper = f(upper),
): ZeroinResult {
  let a = lower;
  let b = upper;
  let fa = fLower;
  let fb = fUpper;
  let c = a;
  let fc = fa;
  if (fa === 0) return { root: a, iterations: 0, converged: true };
  if (fb === 0) return { root: b, iterations: 0, converged: true };
  let maxit = maxiter + 1;
  while (maxit--) {
    const prevStep = b - a;
    if (Math.abs(fc) < Math.abs(fb)) {
      a = b;
      b = c;
      c = a;
      fa = fb;
      fb = fc;
      fc = fa;
    }
    const tolAct = 2 * EPSILON * Math.abs(b) + tol / 2;
    let newStep = (c - b) / 2;
    if (Math.abs(newStep) <= tolAct || fb === 0) {
      return { root: b, iterations: maxiter + 1 - maxit - 1, converged: true };
    }
    if (Math.abs(prevStep) >= tolAct && Math.abs(fa) > Math.abs(fb)) {
      let p: number;
      let q: number;
      const cb = c - b;
      if (a === c) {
        const t1 = fb / fa;
        p = cb * t1;
        q = 1 - t1;
      } else {
        const qq = fa / fc;
        const t1 = fb / fc;
        const t2 = fb / fa;
        p = t2 * (cb * qq * (qq - t1) - (b - a) * (t1 - 1));
        q = (qq - 1) * (t1 - 1) * (t2 - 1);
      }
      if (p > 0) q = -q;
      else p = -p;
      if (p < 0.75 * cb * q - Math.abs(tolAct * q) / 2 && p < Math.abs((prevStep * q) / 2)) newStep = p / q;
    }
    if (Math.abs(newStep) < tolAct) newStep = newStep > 0 ? tolAct : -tolAct;
    a = b;
    fa = fb;
    b += newStep;
    fb = f(b);
    if ((fb > 0 && fc > 0) || (fb < 0 && fc < 0)) {
      c = a;
      fc = fa;
    }
  }
  return { root: b, iterations: maxiter, converged: false };
}
