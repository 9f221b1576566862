import type { DuplicateLink } from './score.js';

/** Union–find over record indices. */
export class DisjointSets {
  private readonly parent: Int32Array;
  constructor(n: number) {
    this.parent = new Int32Array(n);
    for (let i = 0; i < n; i++) this.parent[i] = i;
  }
  find(i: number): number {
    let root = i;
    while (this.parent[root] !== root) root = this.parent[root]!;
    while (this.parent[i] !== root) {
      const next = this.parent[i]!;
      this.parent[i] = root;
      i = next;
    }
    return root;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

/** A set of records that are one work, with the links that joined them. */
export interface DuplicateGroup {
  /** Record ids in input order. */
  members: string[];
  /** The id of the record the merge kept as its base (the most complete; a published version before a preprint). */
  kept: string;
  links: DuplicateLink[];
}

/** Groups of linked indices (two or more members each), in order of their first member. */
export function groupIndices(n: number, links: ReadonlyArray<[number, number]>): number[][] {
  const sets = new DisjointSets(n);
  for (const [a, b] of links) sets.union(a, b);
  const byRoot = new Map<number, number[]>();
  const touched = new Set<number>();
  for (const [a, b] of links) {
    touched.add(a);
    touched.add(b);
  }
  for (const i of [...touched].sort((x, y) => x - y)) {
    const root = sets.find(i);
    const group = byRoot.get(root);
    if (group) group.push(i);
    else byRoot.set(root, [i]);
  }
  return [...byRoot.values()].sort((a, b) => a[0]! - b[0]!);
}
