/**
 * Cohen's kappa for two raters (Cohen J. A coefficient of agreement for nominal scales. Educational and Psychological
 * Measurement 1960;20(1):37–46): κ = (p_o − p_e) / (1 − p_e), with p_o the observed agreement and
 * p_e = Σ_k p_A(k)·p_B(k) the agreement expected by chance from each rater's marginal proportions.
 * Undefined (returns undefined) with no items or when p_e = 1 (both raters used one and the same category throughout).
 */
export function cohenKappa<T>(pairs: ReadonlyArray<readonly [T, T]>): number | undefined {
  const n = pairs.length;
  if (n === 0) return undefined;
  const a = new Map<T, number>();
  const b = new Map<T, number>();
  let agree = 0;
  for (const [x, y] of pairs) {
    a.set(x, (a.get(x) ?? 0) + 1);
    b.set(y, (b.get(y) ?? 0) + 1);
    if (x === y) agree++;
  }
  const po = agree / n;
  let pe = 0;
  for (const [category, count] of a) pe += (count / n) * ((b.get(category) ?? 0) / n);
  if (pe === 1) return undefined;
  return (po - pe) / (1 - pe);
}
