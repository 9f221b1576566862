/** Observed agreement: the share of items two raters put in the same category (0–1; undefined with no items). */
export function percentAgreement<T>(pairs: ReadonlyArray<readonly [T, T]>): number | undefined {
  if (pairs.length === 0) return undefined;
  return pairs.filter(([a, b]) => a === b).length / pairs.length;
}
