import { crossTable, type CrossTable } from './cross-table.js';

/**
 * Cohen's kappa for two raters (Cohen J. A coefficient of agreement for nominal scales. Educational and Psychological
 * Measurement 1960;20(1):37–46): κ = (p_o − p_e) / (1 − p_e), with p_o the observed agreement and
 * p_e = Σ_k p_A(k)·p_B(k) the agreement expected by chance from each rater's marginal proportions.
 * Undefined (returns undefined) with no items or when p_e = 1 (both raters used one and the same category throughout).
 */
export function cohenKappa<T>(pairs: ReadonlyArray<readonly [T, T]>): number | undefined {
  const t = crossTable(pairs);
  return t && kappaOf(t);
}

/** κ of a cross-table; undefined when p_e = 1. */
export function kappaOf<T>(t: CrossTable<T>): number | undefined {
  return t.pe === 1 ? undefined : (t.po - t.pe) / (1 - t.pe);
}
