/** Two raters' categories as proportions: each cell, the row (first rater) and column (second rater) margins, the observed agreement p_o and the chance agreement p_e = Σ_k p_k. · p_.k. */
export interface CrossTable<T> {
  n: number;
  cell: Map<T, Map<T, number>>;
  row: Map<T, number>;
  col: Map<T, number>;
  po: number;
  pe: number;
}

/**
 * The cross-table of pairs of ratings (undefined with no pairs), shared by κ and its variance. Counts are divided by n
 * only at the end, so that a rater who used one category throughout has a margin of exactly 1 (and p_e = 1 exactly).
 */
export function crossTable<T>(pairs: ReadonlyArray<readonly [T, T]>): CrossTable<T> | undefined {
  const n = pairs.length;
  if (n === 0) return undefined;
  const counts = new Map<T, Map<T, number>>();
  const rows = new Map<T, number>();
  const cols = new Map<T, number>();
  let agree = 0;
  for (const [x, y] of pairs) {
    const r = counts.get(x) ?? new Map<T, number>();
    r.set(y, (r.get(y) ?? 0) + 1);
    counts.set(x, r);
    rows.set(x, (rows.get(x) ?? 0) + 1);
    cols.set(y, (cols.get(y) ?? 0) + 1);
    if (x === y) agree++;
  }
  const share = (m: Map<T, number>) => new Map([...m].map(([k, v]) => [k, v / n]));
  const row = share(rows);
  const col = share(cols);
  let pe = 0;
  for (const [category, p] of row) pe += p * (col.get(category) ?? 0);
  return { n, cell: new Map([...counts].map(([k, r]) => [k, share(r)])), row, col, po: agree / n, pe };
}
