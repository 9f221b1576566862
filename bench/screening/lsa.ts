// Latent semantic analysis for ranking experiments (tune.ts `features: {"lsa": k, …}`): each record's coordinates in
// the top-k singular subspace of its TF-IDF matrix, by a randomized eigen-decomposition of X·Xᵀ (Halko, Martinsson &
// Tropp 2011, algorithms 4.4 and 5.3: a Gaussian range finder with power iterations). A linear model with L2 regularisation is unchanged by a
// rotation of its features, so U·Σ is used up to one, and rows are scaled to unit length.
import { mulberry32 } from '../../packages/review/src/simulation/prng.js';
import type { SparseMatrix } from '../../packages/review/src/ranking/sparse.js';

type Dense = Float64Array[]; // rows

function gaussian(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/** The Gram matrix X·Xᵀ (n×n, dense rows), from X's columns: each column adds v_i·v_j to every pair of its rows. */
function gram(x: SparseMatrix): Dense {
  const byColumn: Array<Array<[number, number]>> = Array.from({ length: x.cols }, () => []);
  for (let i = 0; i < x.rows; i++) for (let k = x.rowPtr[i]!; k < x.rowPtr[i + 1]!; k++) byColumn[x.colIdx[k]!]!.push([i, x.values[k]!]);
  const g: Dense = Array.from({ length: x.rows }, () => new Float64Array(x.rows));
  for (const entries of byColumn) {
    for (const [i, vi] of entries) {
      const gi = g[i]!;
      for (const [j, vj] of entries) gi[j]! += vi * vj;
    }
  }
  return g;
}

/** G·Y for dense G (n×n) and Y (n×l). */
function times(g: Dense, y: Dense, l: number): Dense {
  return g.map((gi) => {
    const out = new Float64Array(l);
    gi.forEach((v, j) => {
      if (v === 0) return;
      const yj = y[j]!;
      for (let c = 0; c < l; c++) out[c]! += v * yj[c]!;
    });
    return out;
  });
}

/** Orthonormal columns by modified Gram–Schmidt (twice, for stability), in place. */
function orthonormalize(y: Dense, l: number): void {
  for (let pass = 0; pass < 2; pass++) {
    for (let j = 0; j < l; j++) {
      for (let p = 0; p < j; p++) {
        let d = 0;
        for (const r of y) d += r[j]! * r[p]!;
        for (const r of y) r[j]! -= d * r[p]!;
      }
      let norm = 0;
      for (const r of y) norm += r[j]! * r[j]!;
      const s = norm > 0 ? 1 / Math.sqrt(norm) : 0;
      for (const r of y) r[j]! *= s;
    }
  }
}

/** Eigen-decomposition of a small symmetric matrix by cyclic Jacobi rotations: eigenvalues and eigenvectors (columns of v). */
function jacobi(a: Dense): { values: Float64Array; v: Dense } {
  const n = a.length;
  const v: Dense = Array.from({ length: n }, (_, i) => { const r = new Float64Array(n); r[i] = 1; return r; });
  for (let sweep = 0; sweep < 50; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += a[p]![q]! ** 2;
    if (off < 1e-20) break;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) {
      const apq = a[p]![q]!;
      if (Math.abs(apq) < 1e-300) continue;
      const theta = (a[q]![q]! - a[p]![p]!) / (2 * apq);
      const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
      const c = 1 / Math.sqrt(t * t + 1), s = t * c;
      for (let k = 0; k < n; k++) { // A ← Jᵀ A J
        const akp = a[k]![p]!, akq = a[k]![q]!;
        a[k]![p] = c * akp - s * akq; a[k]![q] = s * akp + c * akq;
      }
      for (let k = 0; k < n; k++) {
        const apk = a[p]![k]!, aqk = a[q]![k]!;
        a[p]![k] = c * apk - s * aqk; a[q]![k] = s * apk + c * aqk;
      }
      for (let k = 0; k < n; k++) {
        const vkp = v[k]![p]!, vkq = v[k]![q]!;
        v[k]![p] = c * vkp - s * vkq; v[k]![q] = s * vkp + c * vkq;
      }
    }
  }
  return { values: Float64Array.from(a, (r, i) => r[i]!), v };
}

/**
 * Each row's coordinates in the top-k singular subspace (U_k Σ_k), unit length, as a sparse matrix with k columns.
 * Works on the Gram matrix G = X·Xᵀ = U Σ² Uᵀ (records are few next to terms): Q spans G's dominant range, Qᵀ G Q =
 * W Λ Wᵀ, so U Σ ≈ Q W Λ^½.
 */
export function lsa(x: SparseMatrix, k: number, seed = 1, powerIterations = 3): SparseMatrix {
  const n = x.rows;
  const l = Math.min(k + 10, n);
  const random = mulberry32(seed);
  const g = gram(x);
  let y: Dense = Array.from({ length: n }, () => Float64Array.from({ length: l }, () => gaussian(random)));
  for (let it = 0; it <= powerIterations; it++) {
    y = times(g, y, l);
    orthonormalize(y, l);
  }
  const gy = times(g, y, l);
  const t: Dense = Array.from({ length: l }, (_, a) => Float64Array.from({ length: l }, (__, b) => {
    let s = 0;
    for (let i = 0; i < n; i++) s += y[i]![a]! * gy[i]![b]!;
    return s;
  }));
  const { values, v } = jacobi(t);
  const top = [...values.keys()].sort((a, b) => values[b]! - values[a]!).slice(0, Math.min(k, l));
  const kk = top.length;
  const rowPtr = new Int32Array(n + 1);
  const colIdx = new Int32Array(n * kk);
  const vals = new Float64Array(n * kk);
  for (let i = 0; i < n; i++) {
    let norm = 0;
    top.forEach((e, c) => {
      let s = 0;
      for (let j = 0; j < l; j++) s += y[i]![j]! * v[j]![e]!;
      s *= Math.sqrt(Math.max(values[e]!, 0));
      colIdx[i * kk + c] = c;
      vals[i * kk + c] = s;
      norm += s * s;
    });
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let c = 0; c < kk; c++) vals[i * kk + c]! *= scale;
    rowPtr[i + 1] = (i + 1) * kk;
  }
  return { rows: n, cols: kk, rowPtr, colIdx, values: vals };
}
