import type { Classifier, Label } from './classifier.js';
import { trainingWeights, type Balance } from './balance.js';
import { dotRow, rowSum, type SparseMatrix } from './sparse.js';

export interface NaiveBayesOptions {
  /** Additive (Lidstone) smoothing; default 3.822 as ASReview's "nb". */
  alpha?: number;
  /** How the labelled records are weighted (default "double", ASReview's default; see `Balance`). */
  balance?: Balance;
}

/**
 * Multinomial naive Bayes over TF-IDF values (McCallum & Nigam 1998), as scikit-learn's MultinomialNB that ASReview
 * uses: θ_cj = (S_cj + α) / (T_c + α·V), with S_cj the weighted sum of column j over the training rows of class c,
 * T_c = Σ_j S_cj and V the number of feature columns any record uses. The score is the log-odds of relevance
 * Σ_j x_j·log(θ_1j / θ_0j); the class prior is left out (it shifts every score alike). Row weights come from the
 * balance strategy; the sums are rebuilt at each fit (linear in the labelled rows' nonzeros).
 */
export class NaiveBayes implements Classifier {
  private sums: [Float64Array, Float64Array] | undefined;
  private usedColumns = 0;
  private readonly alpha: number;
  private readonly balance: Balance;
  /** log θ_1j − log θ_0j + offset: set for the columns some labelled row uses (`touched`); 0 elsewhere. */
  private weights: Float64Array | undefined;
  private offset = 0;
  private touched: number[] = [];
  private isTouched: Uint8Array | undefined;

  constructor(options: NaiveBayesOptions = {}) {
    this.alpha = options.alpha ?? 3.822;
    this.balance = options.balance ?? 'double';
  }

  fit(x: SparseMatrix, labelled: ReadonlyMap<number, Label>): void {
    if (!this.sums || this.sums[0].length !== x.cols) {
      this.sums = [new Float64Array(x.cols), new Float64Array(x.cols)];
      this.weights = new Float64Array(x.cols);
      this.isTouched = new Uint8Array(x.cols);
      this.touched = [];
      const used = new Uint8Array(x.cols);
      for (const c of x.colIdx) used[c] = 1;
      this.usedColumns = used.reduce((s, u) => s + u, 0);
    }
    const [s0, s1] = this.sums;
    const w = this.weights!;
    const isTouched = this.isTouched!;
    for (const j of this.touched) {
      s0[j] = 0;
      s1[j] = 0;
      w[j] = 0;
      isTouched[j] = 0;
    }
    this.touched = [];
    const rows = [...labelled.keys()].sort((a, b) => a - b);
    const labels = rows.map((r) => labelled.get(r)!);
    const rowWeights = trainingWeights(rows, labels, this.balance);
    const totals = new Float64Array(2);
    rows.forEach((row, k) => {
      const weight = rowWeights[k]!;
      const s = labels[k] === 1 ? s1 : s0;
      for (let p = x.rowPtr[row]!, end = x.rowPtr[row + 1]!; p < end; p++) {
        const j = x.colIdx[p]!;
        s[j]! += weight * x.values[p]!;
        if (!isTouched[j]) {
          isTouched[j] = 1;
          this.touched.push(j);
        }
      }
      totals[labels[k]!]! += weight * rowSum(x, row);
    });
    const a = this.alpha;
    const v = this.usedColumns;
    this.offset = Math.log(totals[0]! + a * v) - Math.log(totals[1]! + a * v);
    for (const j of this.touched) w[j] = Math.log(s1[j]! + a) - Math.log(s0[j]! + a);
  }

  score(x: SparseMatrix, i: number): number {
    if (!this.weights) return 0;
    return dotRow(x, i, this.weights) + rowSum(x, i) * this.offset;
  }
}
