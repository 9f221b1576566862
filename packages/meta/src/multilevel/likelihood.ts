/**
 * The (restricted) log-likelihood of the nested random-intercept model y = Xβ + u₁ + … + u_m + ε, with
 * Var(ε) = diag(v) and Var(u_l) = σ²_l per level-l group, and its exact gradient in σ², in O(k·p²·m) without
 * forming the k × k marginal covariance V.
 *
 * Why it works: V is block-diagonal by level-1 group, and each group's block is its children's blocks plus
 * σ²·11'. Sherman–Morrison gives, for M = A + σ²11' and any columns U = [X, y]:
 *   U'M⁻¹U = U'A⁻¹U − σ² (U'A⁻¹1)(1'A⁻¹U) / (1 + σ² 1'A⁻¹1),   log|M| = log|A| + log(1 + σ² 1'A⁻¹1),
 * so (1'A⁻¹1, U'A⁻¹1, U'A⁻¹U, log|A|) are summed over children and updated once per group, innermost first;
 * their derivatives in each σ²_l are carried along (forward-mode differentiation).
 * The likelihoods are metafor's `.ll.rma.mv` (metafor R/misc.func.hidden.rma.mv.r, REMLf = TRUE):
 *   ML:   −½k log 2π − ½ log|V| − ½ RSS
 *   REML: −½(k−p) log 2π + ½ log|X'X| − ½ log|V| − ½ log|X'V⁻¹X| − ½ RSS,   RSS = (y−Xβ̂)'V⁻¹(y−Xβ̂).
 */
import { cholLogDet, cholesky } from '../math/small-matrix.js';
import type { Nesting } from './nesting.js';

export interface GramResult {
  /** q × q (q = p + 1) row-major U'V⁻¹U with U = [X, y] */
  gram: Float64Array;
  /** log|V| */
  logDet: number;
  /** derivatives of gram in each σ²_l */
  dGram: Float64Array[];
  dLogDet: Float64Array;
}

/**
 * U'V⁻¹U and log|V| with their σ² derivatives. `u` is row-major k × q (the design columns then y).
 */
export function gramV(u: Float64Array, q: number, v: Float64Array, nest: Nesting, sigma2: ArrayLike<number>, derivatives = true): GramResult {
  const { m, k } = nest;
  const L = 2 + q + q * q; // [s, g(q), G(q×q), logdet]
  const S = derivatives ? 1 + m : 1; // value slice, then one slice per σ²
  const stride = L * S;
  const G0 = 1 + q;
  const LD = L - 1;
  // innermost level: sum the rows of each group
  let cur = new Float64Array(nest.size[m - 1]! * stride);
  const gIn = nest.group[m - 1]!;
  for (let i = 0; i < k; i++) {
    const o = gIn[i]! * stride;
    const w = 1 / v[i]!;
    const row = i * q;
    cur[o] = cur[o]! + (w);
    for (let a = 0; a < q; a++) {
      const ua = u[row + a]! * w;
      cur[o + 1 + a] = cur[o + 1 + a]! + (ua);
      for (let b = 0; b < q; b++) cur[o + G0 + a * q + b] = cur[o + G0 + a * q + b]! + (ua * u[row + b]!);
    }
    cur[o + LD] = cur[o + LD]! + (Math.log(v[i]!));
  }
  for (let l = m - 1; l >= 0; l--) {
    const n = nest.size[l]!;
    const sig = sigma2[l]!;
    for (let g = 0; g < n; g++) applyLevel(cur, g * stride, L, S, q, l, sig);
    // sum into the parents (the root when l = 0)
    const nParent = l === 0 ? 1 : nest.size[l - 1]!;
    const next = new Float64Array(nParent * stride);
    const par = nest.parent[l]!;
    for (let g = 0; g < n; g++) {
      const src = g * stride;
      const dst = l === 0 ? 0 : par[g]! * stride;
      for (let t = 0; t < stride; t++) next[dst + t] = next[dst + t]! + (cur[src + t]!);
    }
    cur = next;
  }
  const gram = cur.slice(G0, G0 + q * q);
  const dGram: Float64Array[] = [];
  const dLogDet = new Float64Array(m);
  if (derivatives) {
    for (let r = 0; r < m; r++) {
      const o = (r + 1) * L;
      dGram.push(cur.slice(o + G0, o + G0 + q * q));
      dLogDet[r] = cur[o + LD]!;
    }
  }
  return { gram, logDet: cur[LD]!, dGram, dLogDet };
}

/** Adds σ²·11' at level l to the node at offset o (value slice first, derivative slices after). */
function applyLevel(st: Float64Array, o: number, L: number, S: number, q: number, l: number, sig: number): void {
  const s = st[o]!;
  const d = 1 + sig * s;
  const G0 = o + 1 + q;
  const g = st.subarray(o + 1, o + 1 + q);
  // derivative slices use the old values, so they go first
  for (let r = 1; r < S; r++) {
    const od = o + r * L;
    const ds = st[od]!;
    const dd = (r - 1 === l ? s : 0) + sig * ds;
    st[od] = (ds * d - s * dd) / (d * d);
    const dg = st.subarray(od + 1, od + 1 + q);
    const dG0 = od + 1 + q;
    const own = r - 1 === l ? 1 / d : 0;
    for (let a = 0; a < q; a++) {
      for (let b = 0; b < q; b++) {
        const gg = g[a]! * g[b]!;
        st[dG0 + a * q + b] = st[dG0 + a * q + b]! - (own * gg + (sig * (dg[a]! * g[b]! + g[a]! * dg[b]!)) / d - (sig * gg * dd) / (d * d));
      }
    }
    for (let a = 0; a < q; a++) dg[a] = (dg[a]! * d - g[a]! * dd) / (d * d);
    st[od + L - 1] = st[od + L - 1]! + (dd / d);
  }
  for (let a = 0; a < q; a++) for (let b = 0; b < q; b++) st[G0 + a * q + b] = st[G0 + a * q + b]! - ((sig * g[a]! * g[b]!) / d);
  st[o] = s / d;
  for (let a = 0; a < q; a++) g[a] = g[a]! / d;
  st[o + L - 1] = st[o + L - 1]! + (Math.log(d));
}

export interface LogLik {
  ll: number;
  /** ∂ll/∂σ²_l */
  grad: Float64Array;
  /** β̃ of the design used (GLS), and (X'V⁻¹X)⁻¹ */
  beta: Float64Array;
  vb: Float64Array;
}

/**
 * ML or REML log-likelihood and gradient at σ². `logDetXtX` is log|X'X| of the design in `u` (REML only).
 * Returns null when X'V⁻¹X is not positive definite.
 */
export function logLik(u: Float64Array, p: number, v: Float64Array, nest: Nesting, sigma2: ArrayLike<number>, reml: boolean, logDetXtX: number, derivatives = true): LogLik | null {
  const q = p + 1;
  const { gram, logDet, dGram, dLogDet } = gramV(u, q, v, nest, sigma2, derivatives);
  const xwx = new Float64Array(p * p);
  for (let a = 0; a < p; a++) for (let b = 0; b < p; b++) xwx[a * p + b] = gram[a * q + b]!;
  const chol = Float64Array.from(xwx);
  if (!cholesky(chol, p)) return null;
  const vb = new Float64Array(p * p);
  invertFromChol(chol, p, vb);
  const xwy = new Float64Array(p);
  for (let a = 0; a < p; a++) xwy[a] = gram[a * q + p]!;
  const beta = new Float64Array(p);
  for (let a = 0; a < p; a++) {
    let s = 0;
    for (let b = 0; b < p; b++) s += vb[a * p + b]! * xwy[b]!;
    beta[a] = s;
  }
  let rss = gram[p * q + p]!;
  for (let a = 0; a < p; a++) rss -= beta[a]! * xwy[a]!;
  const k = nest.k;
  const logDetXwx = cholLogDet(chol, p);
  const ll = reml
    ? -0.5 * (k - p) * Math.log(2 * Math.PI) + 0.5 * logDetXtX - 0.5 * logDet - 0.5 * logDetXwx - 0.5 * rss
    : -0.5 * k * Math.log(2 * Math.PI) - 0.5 * logDet - 0.5 * rss;
  const grad = new Float64Array(nest.m);
  if (derivatives) {
    for (let r = 0; r < nest.m; r++) {
      const dg = dGram[r]!;
      // ∂RSS = ∂(y'Wy) − 2β'∂(X'Wy) + β'∂(X'WX)β  (β̂ stationary)
      let dRss = dg[p * q + p]!;
      let dLdX = 0;
      for (let a = 0; a < p; a++) {
        dRss -= 2 * beta[a]! * dg[a * q + p]!;
        for (let b = 0; b < p; b++) {
          dRss += beta[a]! * dg[a * q + b]! * beta[b]!;
          dLdX += vb[a * p + b]! * dg[b * q + a]!;
        }
      }
      grad[r] = -0.5 * dLogDet[r]! - 0.5 * dRss - (reml ? 0.5 * dLdX : 0);
    }
  }
  return { ll, grad, beta, vb };
}

function invertFromChol(l: Float64Array, p: number, out: Float64Array): void {
  // (LL')⁻¹ column by column: forward then back substitution
  const col = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    col.fill(0);
    col[j] = 1;
    for (let i = 0; i < p; i++) {
      let s = col[i]!;
      for (let t = 0; t < i; t++) s -= l[i * p + t]! * col[t]!;
      col[i] = s / l[i * p + i]!;
    }
    for (let i = p - 1; i >= 0; i--) {
      let s = col[i]!;
      for (let t = i + 1; t < p; t++) s -= l[t * p + i]! * col[t]!;
      col[i] = s / l[i * p + i]!;
    }
    for (let i = 0; i < p; i++) out[i * p + j] = col[i]!;
  }
}
