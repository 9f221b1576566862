/**
 * The cluster-robust omnibus test of the moderators that metafor's robust(..., clubSandwich = TRUE) reports:
 * clubSandwich's HTZ test (R/Wald_test.R Wald_testing, total_variance_mat, Hotelling_Tsq; Tipton & Pustejovsky
 * 2015, doi:10.3102/1076998615606099). With C selecting the q tested coefficients, G_j, H_j of robust-cr2.ts and
 *   P_st(j, j') = δ_jj' (CG_j G_j'C')_st − (CH_j)_s·(CH_j')_t,   Ω_st = tr P_st,   B = Ω^(−½) P Ω^(−½),
 *   ν = q(q + 1) / Σ_st [Σ B_st∘B_ts + Σ B_ss∘B_tt],   Q = (Cβ)'(C vb C')⁻¹(Cβ),
 *   F = ((ν − q + 1)/ν)·Q/q on (q, ν − q + 1) df.
 * The J × J blocks are never formed: their sums reduce to per-cluster terms and p × p sums N_st = Σ_j h_s(j)h_t(j)'.
 */
import { pf } from '../math/beta.js';
import { invertSpd } from '../math/small-matrix.js';
import { matmul, symPower } from './dense.js';

export interface HtzResult {
  F: number;
  df1: number;
  df2: number;
  pval: number | null;
}

/** g[j]: p × n_j, h[j]: p × p (row i belongs to coefficient i), n[j]: cluster sizes. */
export function htzTest(beta: Float64Array, vb: Float64Array, g: Float64Array[], h: Float64Array[], n: number[], p: number, btt: number[]): HtzResult {
  const q = btt.length;
  const J = g.length;
  const rows = (m: Float64Array, cols: number): Float64Array => {
    const out = new Float64Array(q * cols);
    btt.forEach((b, s) => out.set(m.subarray(b * cols, b * cols + cols), s * cols));
    return out;
  };
  const gc = g.map((gj, j) => rows(gj, n[j]!));
  const hc = h.map((hj) => rows(hj, p));
  const omega = new Float64Array(q * q);
  for (let j = 0; j < J; j++) {
    const nj = n[j]!;
    for (let s = 0; s < q; s++)
      for (let t = 0; t < q; t++) {
        let v = 0;
        for (let c = 0; c < nj; c++) v += gc[j]![s * nj + c]! * gc[j]![t * nj + c]!;
        for (let a = 0; a < p; a++) v -= hc[j]![s * p + a]! * hc[j]![t * p + a]!;
        omega[s * q + t] = omega[s * q + t]! + v;
      }
  }
  const on = symPower(omega, q, -0.5);
  const gt = gc.map((gj, j) => matmul(on, gj, q, q, n[j]!));
  const ht = hc.map((hj) => matmul(on, hj, q, q, p));
  const gg = gt.map((gj, j) => {
    const nj = n[j]!;
    const out = new Float64Array(q * q);
    for (let s = 0; s < q; s++) for (let t = 0; t < q; t++) for (let c = 0; c < nj; c++) out[s * q + t] = out[s * q + t]! + gj[s * nj + c]! * gj[t * nj + c]!;
    return out;
  });
  const dot = (j: number, s: number, t: number): number => {
    let v = 0;
    for (let a = 0; a < p; a++) v += ht[j]![s * p + a]! * ht[j]![t * p + a]!;
    return v;
  };
  // N[s][t] = Σ_j h_s(j) h_t(j)'  (p × p)
  const N: Float64Array[][] = Array.from({ length: q }, (_, s) =>
    Array.from({ length: q }, (_, t) => {
      const out = new Float64Array(p * p);
      for (let j = 0; j < J; j++) for (let a = 0; a < p; a++) for (let b = 0; b < p; b++) out[a * p + b] = out[a * p + b]! + ht[j]![s * p + a]! * ht[j]![t * p + b]!;
      return out;
    }),
  );
  let total = 0;
  for (let s = 0; s < q; s++)
    for (let t = 0; t < q; t++) {
      let v = 0;
      for (let j = 0; j < J; j++) {
        const gst = gg[j]![s * q + t]!;
        const gts = gg[j]![t * q + s]!;
        const gss = gg[j]![s * q + s]!;
        const gtt = gg[j]![t * q + t]!;
        const hst = dot(j, s, t);
        v += gst * gts - (gst + gts) * hst + gss * gtt - gss * dot(j, t, t) - gtt * dot(j, s, s);
      }
      const nts = N[t]![s]!;
      const nst = N[s]![t]!;
      for (let a = 0; a < p; a++) for (let b = 0; b < p; b++) v += nts[a * p + b]! * nts[b * p + a]! + nst[a * p + b]! ** 2;
      total += v;
    }
  const nu = (q * (q + 1)) / total;
  // Q = (Cβ)'(C vb C')⁻¹(Cβ)
  const sub = new Float64Array(q * q);
  for (let s = 0; s < q; s++) for (let t = 0; t < q; t++) sub[s * q + t] = vb[btt[s]! * p + btt[t]!]!;
  const inv = invertSpd(sub, q);
  let Q = NaN;
  if (inv) {
    Q = 0;
    for (let s = 0; s < q; s++) for (let t = 0; t < q; t++) Q += beta[btt[s]!]! * inv[s * q + t]! * beta[btt[t]!]!;
  }
  const df2 = nu - q + 1;
  const F = (Math.max((nu - q + 1) / nu, 0) * Q) / q;
  return { F: Math.max(0, F), df1: q, df2: Math.max(0, df2), pval: df2 > 0 && Number.isFinite(F) ? pf(F, q, df2, false) : null };
}
