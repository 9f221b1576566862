/**
 * Permutation test of the moderators (Follmann & Proschan 1999; Higgins & Thompson 2004) as metafor's
 * permutest.rma.uni() runs it: exact when all distinct permutations (sign flips for an intercept-only model)
 * number at most `iter`, otherwise `iter` random ones drawn with R's generator after set.seed(seed), the first
 * replaced by the observed data; p = share of permuted statistics at least as extreme (comptol √ε).
 */
import { MetaError } from '../errors.js';
import { lgamma } from '../math/gamma.js';
import { RRandom } from '../math/r-random.js';
import type { Design } from '../model/design.js';
import { type RmaFit, type RmaOptions, rmaUni } from '../model/rma-uni.js';

export interface PermutationResult {
  iterations: number;
  exact: boolean;
  seed: number | null;
  /** permutation p-value of each coefficient */
  pval: number[];
  /** permutation p-value of the omnibus test QM */
  qmPval: number;
}

const COMPTOL = Math.sqrt(2.220446049250313e-16);

export function permutationTest(fit: RmaFit, opts: RmaOptions, iter: number, seed: number): PermutationResult {
  if (!(iter >= 2)) throw new MetaError('EXO_ERR_META_BAD_OPTION', `the option "permutations" must be at least 2 (got ${iter})`, { field: 'permutations' });
  const fitOpts: RmaOptions = { ...opts, computeR2: false, tau2Start: fit.tau2 };
  const { k, p } = fit;
  const zPerm: number[][] = [];
  const qmPerm: number[] = [];
  let exact: boolean;
  const record = (f: RmaFit | null): void => {
    zPerm.push(f ? Array.from(f.zval) : new Array<number>(p).fill(NaN));
    qmPerm.push(f ? f.QM : NaN);
  };
  const tryFit = (y: Float64Array, d: Design | null): RmaFit | null => {
    try {
      return rmaUni(y, fit.vi, d, fitOpts);
    } catch {
      return null;
    }
  };
  if (fit.intOnly) {
    exact = k * Math.LN2 <= Math.log(iter) + 1e-9;
    const y = new Float64Array(k);
    if (exact) {
      for (let mask = 0; mask < 2 ** k; mask++) {
        for (let i = 0; i < k; i++) y[i] = (mask >> i) & 1 ? -fit.yi[i]! : fit.yi[i]!;
        record(tryFit(y, null));
      }
    } else {
      const rng = new RRandom(seed);
      const signs = new Float64Array(k);
      while (zPerm.length < iter) {
        rng.signs(k, signs);
        for (let i = 0; i < k; i++) y[i] = signs[i]! * fit.yi[i]!;
        const f = tryFit(y, null);
        if (f) record(f);
      }
    }
  } else {
    const d = fit.design;
    // rows sorted lexicographically (R: X[do.call(order, as.data.frame(X)), ])
    const rowKey = (i: number): number[] => Array.from({ length: p }, (_, j) => d.x[j * k + i]!);
    const sorted = Array.from({ length: k }, (_, i) => i).sort((a, b) => {
      const ka = rowKey(a);
      const kb = rowKey(b);
      for (let j = 0; j < p; j++) if (ka[j] !== kb[j]) return ka[j]! - kb[j]!;
      return a - b;
    });
    const groups: number[] = [];
    let g = -1;
    sorted.forEach((row, n) => {
      if (n === 0 || rowKey(row).some((v, j) => v !== rowKey(sorted[n - 1]!)[j])) g++;
      groups.push(g);
    });
    const counts = new Map<number, number>();
    groups.forEach((x) => counts.set(x, (counts.get(x) ?? 0) + 1));
    let logCount = lgamma(k + 1);
    for (const c of counts.values()) logCount -= lgamma(c + 1);
    exact = Math.round(Math.exp(logCount)) <= iter;
    const x = new Float64Array(k * p);
    const build = (rowOf: (i: number) => number): Design => {
      for (let i = 0; i < k; i++) {
        const src = rowOf(i);
        for (let j = 0; j < p; j++) x[j * k + i] = d.x[j * k + src]!;
      }
      return { k, p, x, names: d.names, hasIntercept: d.hasIntercept };
    };
    const representative = new Map<number, number>();
    groups.forEach((gr, n) => representative.has(gr) || representative.set(gr, sorted[n]!));
    if (exact) {
      const labels = groups.slice();
      do {
        record(tryFit(fit.yi, build((i) => representative.get(labels[i]!)!)));
      } while (nextPermutation(labels));
    } else {
      const rng = new RRandom(seed);
      const perm = new Int32Array(k);
      while (zPerm.length < iter) {
        rng.permutation(k, perm);
        const f = tryFit(fit.yi, build((i) => sorted[perm[i]!]!));
        if (f) record(f);
      }
    }
  }
  if (!exact) {
    zPerm[0] = Array.from(fit.zval);
    qmPerm[0] = fit.QM;
  }
  const pval = Array.from({ length: p }, (_, j) => meanTrue(zPerm.map((z) => (Number.isNaN(z[j]!) ? NaN : Math.abs(z[j]!) >= Math.abs(fit.zval[j]!) - COMPTOL ? 1 : 0))));
  const qmPval = meanTrue(qmPerm.map((q) => (Number.isNaN(q) ? NaN : q >= fit.QM - COMPTOL ? 1 : 0)));
  return { iterations: zPerm.length, exact, seed: exact ? null : seed, pval: pval.map((x) => Math.min(1, x)), qmPval };
}

function meanTrue(x: number[]): number {
  let s = 0;
  let n = 0;
  for (const v of x)
    if (!Number.isNaN(v)) {
      s += v;
      n++;
    }
  return s / n;
}

/** Next lexicographic permutation of a multiset in place; false after the last. */
function nextPermutation(a: number[]): boolean {
  let i = a.length - 2;
  while (i >= 0 && a[i]! >= a[i + 1]!) i--;
  if (i < 0) return false;
  let j = a.length - 1;
  while (a[j]! <= a[i]!) j--;
  [a[i], a[j]] = [a[j]!, a[i]!];
  for (let l = i + 1, r = a.length - 1; l < r; l++, r--) [a[l], a[r]] = [a[r]!, a[l]!];
  return true;
}
