import { crossTable, type CrossTable } from './cross-table.js';

/**
 * Large-sample variance of Cohen's kappa (Fleiss JL, Cohen J, Everitt BS. Large sample standard errors of kappa and
 * weighted kappa. Psychological Bulletin 1969;72(5):323–327), as R's psych::cohen.kappa computes it: with p_ij the
 * cross-table proportions, p_i. and p_.j the margins, p_o the observed and p_e the chance agreement,
 * Var(κ) = [Σ_i p_ii((1 − p_e) − (p_i. + p_.i)(1 − p_o))² + (1 − p_o)² Σ_{i≠j} p_ij(p_.i + p_j.)² − (p_o·p_e − 2p_e + p_o)²]
 * / (n(1 − p_e)⁴). Undefined where κ is; a negative value from rounding is taken as 0, as psych does.
 */
export function cohenKappaVariance<T>(pairs: ReadonlyArray<readonly [T, T]>): number | undefined {
  const t = crossTable(pairs);
  return t && kappaVarianceOf(t);
}

/** The variance above, of a cross-table. */
export function kappaVarianceOf<T>({ n, cell, row, col, po, pe }: CrossTable<T>): number | undefined {
  if (pe === 1) return undefined;
  let sum = 0;
  for (const [i, r] of cell) {
    for (const [j, p] of r) {
      const margins = i === j ? row.get(i)! + col.get(i)! : (col.get(i) ?? 0) + (row.get(j) ?? 0);
      sum += i === j ? p * ((1 - pe) - margins * (1 - po)) ** 2 : (1 - po) ** 2 * p * margins ** 2;
    }
  }
  const variance = (sum - (po * pe - 2 * pe + po) ** 2) / (n * (1 - pe) ** 4);
  return Math.max(variance, 0);
}
