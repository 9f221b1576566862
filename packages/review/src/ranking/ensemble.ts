import type { Classifier, Label } from './classifier.js';
import type { SparseMatrix } from './sparse.js';

/**
 * Several classifiers' scores combined: each member's score is standardised (mean 0, SD 1 over every row, computed at
 * each fit) and the standardised scores are averaged, so members on different scales (log-odds, margins) count alike.
 */
export class Ensemble implements Classifier {
  private readonly stats: { mean: number; sd: number }[];

  constructor(private readonly members: readonly Classifier[]) {
    this.stats = members.map(() => ({ mean: 0, sd: 1 }));
  }

  fit(x: SparseMatrix, labelled: ReadonlyMap<number, Label>): void {
    this.members.forEach((m, k) => {
      m.fit(x, labelled);
      let s = 0;
      let s2 = 0;
      for (let i = 0; i < x.rows; i++) {
        const v = m.score(x, i);
        s += v;
        s2 += v * v;
      }
      const mean = s / x.rows;
      const sd = Math.sqrt(Math.max(s2 / x.rows - mean * mean, 0));
      this.stats[k] = { mean, sd: sd > 0 ? sd : 1 };
    });
  }

  describe(): string {
    return `the mean of ${this.members.map((m) => m.describe()).join(' and ')}`;
  }

  score(x: SparseMatrix, i: number): number {
    let s = 0;
    this.members.forEach((m, k) => (s += (m.score(x, i) - this.stats[k]!.mean) / this.stats[k]!.sd));
    return s / this.members.length;
  }
}
