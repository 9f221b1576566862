import type { Classifier, Label } from './classifier.js';
import { addRow, dotRow, rowSum, type SparseMatrix } from './sparse.js';

export interface NaiveBayesOptions {
  /** Additive (Lidstone) smoothing; default 3.822 as ASReview's "nb". */
  alpha?: number;
  /**
   * Scale the included class's feature sums up to the excluded class's total before smoothing (default true): the
   * deterministic counterpart of ASReview's "double" balancing, which resamples includes until the classes weigh alike.
   */
  balanced?: boolean;
}

/**
 * Multinomial naive Bayes over TF-IDF values (McCallum & Nigam 1998): θ_cj = (k_c·S_cj + α) / (k_c·T_c + α·V), the
 * score is the log-odds of relevance Σ_j x_j·log(θ_1j / θ_0j). V is the number of feature columns any record uses;
 * k_1 = T_0/T_1 when balanced, else 1; k_0 = 1. The class prior is left out: it shifts every score alike. The sums
 * are updated only for rows whose label changed since the last fit.
 */
export class NaiveBayes implements Classifier {
  private sums: [Float64Array, Float64Array] | undefined;
  private totals: [number, number] = [0, 0];
  private readonly known = new Map<number, Label>();
  private usedColumns = 0;
  private k1 = 1;
  private readonly alpha: number;
  private readonly balanced: boolean;
  /** log θ_1j − log θ_0j + log(α)·0: set for the columns some labelled row uses (`touched`); 0 elsewhere (S_0j = S_1j = 0). */
  private weights: Float64Array | undefined;
  private offset = 0;
  private touched: number[] = [];
  private isTouched: Uint8Array | undefined;

  constructor(options: NaiveBayesOptions = {}) {
    this.alpha = options.alpha ?? 3.822;
    this.balanced = options.balanced ?? true;
  }

  fit(x: SparseMatrix, labelled: ReadonlyMap<number, Label>): void {
    if (!this.sums || this.sums[0].length !== x.cols) {
      this.sums = [new Float64Array(x.cols), new Float64Array(x.cols)];
      this.weights = new Float64Array(x.cols);
      this.totals = [0, 0];
      this.known.clear();
      this.touched = [];
      this.isTouched = new Uint8Array(x.cols);
      const used = new Uint8Array(x.cols);
      for (const c of x.colIdx) used[c] = 1;
      this.usedColumns = used.reduce((s, u) => s + u, 0);
    }
    for (const [row, label] of this.known) if (labelled.get(row) !== label) this.move(x, row, label, -1);
    for (const [row, label] of labelled) if (this.known.get(row) !== label) this.move(x, row, label, 1);
    const [t0, t1] = this.totals;
    this.k1 = this.balanced && t1 > 0 ? t0 / t1 : 1;
    const a = this.alpha;
    const v = this.usedColumns;
    // Per-class denominators and the weight of a column neither class has seen.
    this.offset = Math.log(t0 + a * v) - Math.log(this.k1 * t1 + a * v);
    const [s0, s1] = this.sums;
    const w = this.weights!;
    for (const j of this.touched) {
      w[j] = Math.log(this.k1 * Math.max(s1[j]!, 0) + a) - Math.log(Math.max(s0[j]!, 0) + a);
    }
  }

  private move(x: SparseMatrix, row: number, label: Label, sign: 1 | -1): void {
    addRow(x, row, sign, this.sums![label]);
    for (let k = x.rowPtr[row]!, end = x.rowPtr[row + 1]!; k < end; k++) {
      const j = x.colIdx[k]!;
      if (!this.isTouched![j]) {
        this.isTouched![j] = 1;
        this.touched.push(j);
      }
    }
    this.totals[label] += sign * rowSum(x, row);
    if (sign === 1) this.known.set(row, label);
    else this.known.delete(row);
  }

  score(x: SparseMatrix, i: number): number {
    if (!this.weights) return 0;
    return dotRow(x, i, this.weights) + rowSum(x, i) * this.offset;
  }
}
