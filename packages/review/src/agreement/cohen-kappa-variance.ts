/**
 * Large-sample variance of Cohen's kappa (Fleiss JL, Cohen J, Everitt BS. Large sample standard errors of kappa and
 * weighted kappa. Psychological Bulletin 1969;72(5):323–327), as R's psych::cohen.kappa computes it: with p_ij the
 * cross-table proportions, p_i. and p_.j the margins, p_o the observed and p_e the chance agreement,
 * Var(κ) = [Σ_i p_ii((1 − p_e) − (p_i. + p_.i)(1 − p_o))² + (1 − p_o)² Σ_{i≠j} p_ij(p_.i + p_j.)² − (p_o·p_e − 2p_e + p_o)²]
 * / (n(1 − p_e)⁴). Undefined where κ is; a negative value from rounding is taken as 0, as psych does.
 */
export function cohenKappaVariance<T>(pairs: ReadonlyArray<readonly [T, T]>): number | undefined {
  const n = pairs.length;
  if (n === 0) return undefined;
  const cell = new Map<T, Map<T, number>>();
  const row = new Map<T, number>();
  const col = new Map<T, number>();
  for (const [x, y] of pairs) {
    const r = cell.get(x) ?? new Map<T, number>();
    r.set(y, (r.get(y) ?? 0) + 1 / n);
    cell.set(x, r);
    row.set(x, (row.get(x) ?? 0) + 1 / n);
    col.set(y, (col.get(y) ?? 0) + 1 / n);
  }
  let po = 0;
  let pe = 0;
  for (const [category, p] of row) pe += p * (col.get(category) ?? 0);
  for (const [category, r] of cell) po += r.get(category) ?? 0;
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
