/**
 * The grouping of a multilevel model `random = ~ 1 | a/b/c` (metafor's rma.mv): level 1 groups rows by `a`,
 * level 2 by `a` and `b` together (b is nested in a, so the same b label under two a's is two groups), and so on.
 * Groups are numbered in order of first appearance; parent[l][g] is the level-(l−1) group of level-l group g.
 */
export interface Nesting {
  /** number of levels m */
  m: number;
  /** k rows */
  k: number;
  /** group[l][i]: the level-l group (0-based l, outermost first) of row i */
  group: Int32Array[];
  /** size[l]: number of groups at level l */
  size: number[];
  /** parent[l][g]: the level-(l−1) group of level-l group g (parent[0] is all zeros: the root) */
  parent: Int32Array[];
}

/** Builds the nesting from the label columns (outermost first), each of length k. */
export function buildNesting(labels: string[][]): Nesting {
  const m = labels.length;
  const k = labels[0]?.length ?? 0;
  const group: Int32Array[] = [];
  const size: number[] = [];
  const parent: Int32Array[] = [];
  let prev = new Int32Array(k);
  for (let l = 0; l < m; l++) {
    const ids = new Map<string, number>();
    const g = new Int32Array(k);
    const par: number[] = [];
    for (let i = 0; i < k; i++) {
      // the parent's number makes the key unique across parents: b is nested in a
      const key = `${prev[i]}\u0000${labels[l]![i]!}`;
      let id = ids.get(key);
      if (id === undefined) {
        id = ids.size;
        ids.set(key, id);
        par.push(prev[i]!);
      }
      g[i] = id;
    }
    group.push(g);
    size.push(ids.size);
    parent.push(Int32Array.from(par));
    prev = g;
  }
  return { m, k, group, size, parent };
}
