import type { Classifier, Label } from './classifier.js';
import { addRow, dotRow, rowSum, type SparseMatrix } from './sparse.js';

/**
 * Multinomial naive Bayes over TF-IDF values (McCallum & Nigam 1998; as ASReview's default "nb" with alpha 3.822):
 * θ_cj = (S_cj + α) / (Σ_j S_cj + α·V), score = log-odds of relevance = Σ_j x_j·log(θ_1j / θ_0j). The class prior is
 * left out: it shifts every score alike and does not change the ranking. Sums are kept between fits and updated only
 * for the rows whose label changed.
 */
export class NaiveBayes implements Classifier {
  private sums: [Float64Array, Float64Array] | undefined;
  private totals: [number, number] = [0, 0];
  private weights: Float64Array | undefined;
  private offset = 0;
  private readonly known = new Map<number, Label>();

  constructor(readonly alpha = 3.822) {}

  fit(x: SparseMatrix, labelled: ReadonlyMap<number, Label>): void {
    if (!this.sums || this.sums[0].length !== x.cols) {
      this.sums = [new Float64Array(x.cols), new Float64Array(x.cols)];
      this.weights = new Float64Array(x.cols);
      this.totals = [0, 0];
      this.known.clear();
    }
    for (const [row, label] of this.known) {
      if (labelled.get(row) !== label) this.move(x, row, label, -1);
    }
    for (const [row, label] of labelled) {
      if (this.known.get(row) !== label) this.move(x, row, label, 1);
    }
    const v = x.cols;
    this.offset = Math.log(this.totals[0] + this.alpha * v) - Math.log(this.totals[1] + this.alpha * v);
  }

  private move(x: SparseMatrix, row: number, label: Label, sign: 1 | -1): void {
    const sums = this.sums![label];
    addRow(x, row, sign, sums);
    this.totals[label] += sign * rowSum(x, row);
    const w = this.weights!;
    const [s0, s1] = this.sums!;
    for (let k = x.rowPtr[row]!, end = x.rowPtr[row + 1]!; k < end; k++) {
      const j = x.colIdx[k]!;
      w[j] = Math.log(Math.max(s1[j]!, 0) + this.alpha) - Math.log(Math.max(s0[j]!, 0) + this.alpha);
    }
    if (sign === 1) this.known.set(row, label);
    else this.known.delete(row);
  }

  score(x: SparseMatrix, i: number): number {
    if (!this.weights) return 0;
    return dotRow(x, i, this.weights) + rowSum(x, i) * this.offset;
  }
}
