/**
 * Levenshtein distance if it is at most `max`, else `max + 1` — computed only in the diagonal band that can stay
 * within `max` (Ukkonen's cut-off), so comparing two titles costs O(length × max), not O(length²).
 */
export function boundedLevenshtein(a: string, b: string, max: number): number {
  if (a === b) return 0;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > max) return max + 1;
  if (la === 0 || lb === 0) return Math.max(la, lb);
  let prev = new Int32Array(lb + 1);
  let curr = new Int32Array(lb + 1);
  const big = max + 1;
  for (let j = 0; j <= lb; j++) prev[j] = j <= max ? j : big;
  for (let i = 1; i <= la; i++) {
    const from = Math.max(1, i - max);
    const to = Math.min(lb, i + max);
    curr[from - 1] = from - 1 === 0 && i <= max ? i : big;
    let rowMin = curr[from - 1]!;
    const ca = a.charCodeAt(i - 1);
    for (let j = from; j <= to; j++) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      let v = prev[j - 1]! + cost;
      const del = prev[j]! + 1;
      if (del < v) v = del;
      const ins = curr[j - 1]! + 1;
      if (ins < v) v = ins;
      curr[j] = v > big ? big : v;
      if (v < rowMin) rowMin = v;
    }
    if (to < lb) curr[to + 1] = big;
    if (rowMin > max) return big;
    [prev, curr] = [curr, prev];
  }
  return Math.min(prev[lb]!, big);
}

/** Similarity in [0, 1] (1 − distance / longer length), exact when at least `min`, else some value below `min`. */
export function similarity(a: string, b: string, min: number): number {
  if (a === b) return 1;
  const n = Math.max(a.length, b.length);
  if (n === 0) return 1;
  const max = Math.floor((1 - min) * n);
  const d = boundedLevenshtein(a, b, max);
  return d > max ? Math.min(1 - (max + 1) / n, min - 1e-9) : 1 - d / n;
}
