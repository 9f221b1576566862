/**
 * Maximises the multilevel (restricted) likelihood over σ² ≥ 0: Newton steps on log σ² (as metafor optimises
 * rma.mv's variance components in log space) with the exact gradient of likelihood.ts and a Hessian from central
 * differences of that gradient, Levenberg damping when it is not negative definite, and step halving. A component
 * whose log runs off towards −∞ is set to 0 and held there (as metafor reports components below 10·ε as 0).
 */
import { MetaError } from '../errors.js';
import { cholesky } from '../math/small-matrix.js';
import { type LogLik, logLik } from './likelihood.js';
import type { Nesting } from './nesting.js';

export interface OptimiseResult {
  sigma2: Float64Array;
  fit: LogLik;
  iterations: number;
  converged: boolean;
}

export interface LikelihoodInput {
  u: Float64Array;
  p: number;
  v: Float64Array;
  nest: Nesting;
  reml: boolean;
  logDetXtX: number;
}

export function optimiseSigma2(inp: LikelihoodInput, start: Float64Array, maxIter = 200): OptimiseResult {
  const m = inp.nest.m;
  const evalAt = (s2: ArrayLike<number>): LogLik | null => logLik(inp.u, inp.p, inp.v, inp.nest, s2, inp.reml, inp.logDetXtX);
  let vMean = 0;
  for (let i = 0; i < inp.v.length; i++) vMean += inp.v[i]!;
  vMean /= inp.v.length;
  const floor = Math.log(vMean * 1e-13);
  const theta = Float64Array.from(start, (s) => Math.log(Math.max(s, vMean * 1e-3)));
  const fixed = new Array<boolean>(m).fill(false);
  const s2of = (t: Float64Array): Float64Array => Float64Array.from(t, (x, l) => (fixed[l] ? 0 : Math.exp(x)));
  let cur = evalAt(s2of(theta));
  if (!cur) throw new MetaError('EXO_ERR_META_SINGULAR', 'the model matrix is singular at the starting values');
  let iter = 0;
  let converged = false;
  for (; iter < maxIter; iter++) {
    const free = Array.from({ length: m }, (_, l) => l).filter((l) => !fixed[l]);
    if (free.length === 0) {
      converged = true;
      break;
    }
    const s2 = s2of(theta);
    const gTheta = free.map((l) => s2[l]! * cur!.grad[l]!);
    // Hessian in log σ² from central differences of the exact gradient
    const n = free.length;
    const h = new Float64Array(n * n);
    const eps = 1e-5;
    for (let c = 0; c < n; c++) {
      const tp = Float64Array.from(theta);
      const tm = Float64Array.from(theta);
      tp[free[c]!]! += eps;
      tm[free[c]!]! -= eps;
      const fp = evalAt(s2of(tp));
      const fm = evalAt(s2of(tm));
      if (!fp || !fm) throw new MetaError('EXO_ERR_META_NO_CONVERGENCE', 'the multilevel model could not be evaluated near the current estimates');
      const sp = s2of(tp);
      const sm = s2of(tm);
      for (let r = 0; r < n; r++) h[r * n + c] = (sp[free[r]!]! * fp.grad[free[r]!]! - sm[free[r]!]! * fm.grad[free[r]!]!) / (2 * eps);
    }
    for (let r = 0; r < n; r++) for (let c = 0; c < r; c++) h[r * n + c] = h[c * n + r] = (h[r * n + c]! + h[c * n + r]!) / 2;
    const step = dampedNewton(h, gTheta, n);
    // cap steps in log space: far from the optimum the quadratic model is poor
    let big = 0;
    for (const s of step) big = Math.max(big, Math.abs(s));
    if (big > 3) for (let r = 0; r < n; r++) step[r] = (step[r]! * 3) / big;
    let t = 1;
    let accepted = false;
    for (let half = 0; half < 40; half++) {
      const trial = Float64Array.from(theta);
      for (let r = 0; r < n; r++) trial[free[r]!] = Math.max(floor, theta[free[r]!]! + t * step[r]!);
      const f = evalAt(s2of(trial));
      if (f && f.ll >= cur!.ll - 1e-12 * Math.abs(cur!.ll)) {
        theta.set(trial);
        cur = f;
        accepted = true;
        break;
      }
      t /= 2;
    }
    // a component driven below 10⁻⁹ of the mean sampling variance is a boundary estimate: set to 0 when that does
    // not lower the likelihood (its optimum lies within that distance of 0)
    let changed = false;
    for (const l of free) {
      if (theta[l]! <= floor + 1e-9 || Math.exp(theta[l]!) < 1e-9 * vMean) {
        const at0 = s2of(theta);
        at0[l] = 0;
        const f0 = evalAt(at0);
        if (f0 && (f0.grad[l]! <= 0 || f0.ll >= cur!.ll - 1e-12 * Math.abs(cur!.ll))) {
          fixed[l] = true;
          cur = f0;
          changed = true;
        }
      }
    }
    if (changed) continue;
    if (!accepted || (t === 1 && big * t < 1e-10)) {
      // no step improves the likelihood: converged when the gradient in log σ² vanishes to rounding
      converged = accepted || big < 1e-6 || gTheta.every((g) => Math.abs(g) < 1e-8 * (1 + Math.abs(cur!.ll)));
      break;
    }
  }
  const sigma2 = s2of(theta);
  return { sigma2, fit: cur!, iterations: iter, converged };
}

/** Solves (−H + λI) δ = g for the ascent direction, raising λ until −H + λI is positive definite. */
function dampedNewton(h: Float64Array, g: number[], n: number): number[] {
  let lambda = 0;
  let scale = 0;
  for (let r = 0; r < n; r++) scale = Math.max(scale, Math.abs(h[r * n + r]!));
  for (let attempt = 0; attempt < 60; attempt++) {
    const a = new Float64Array(n * n);
    for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) a[r * n + c] = -h[r * n + c]! + (r === c ? lambda : 0);
    if (cholesky(a, n)) {
      const y = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        let s = g[i]!;
        for (let t = 0; t < i; t++) s -= a[i * n + t]! * y[t]!;
        y[i] = s / a[i * n + i]!;
      }
      for (let i = n - 1; i >= 0; i--) {
        let s = y[i]!;
        for (let t = i + 1; t < n; t++) s -= a[t * n + i]! * y[t]!;
        y[i] = s / a[i * n + i]!;
      }
      return Array.from(y);
    }
    lambda = lambda === 0 ? Math.max(scale * 1e-6, 1e-8) : lambda * 4;
  }
  return g.slice();
}
