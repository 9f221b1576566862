import type { Classifier, Label } from './classifier.js';
import { classWeights, describeIncludeShare, trainingWeights, DOUBLE_BALANCE, type Balance, type DoubleBalanceParameters } from './balance.js';
import { addRow, dotRow, rowSum, type SparseMatrix } from './sparse.js';

export interface NaiveBayesOptions {
  /** Additive (Lidstone) smoothing; default 3.822 as ASReview's "nb". */
  alpha?: number;
  /** How the labelled records are weighted (default "classes"; ASReview's default is "double"; see `Balance`). */
  balance?: Balance;
  /** DoubleBalance's parameters when `balance` is "double" (default ASReview's). */
  doubleBalance?: DoubleBalanceParameters;
  /** With balance "classes": the share of the total training weight the includes get (default 0.5: classes alike). */
  includeShare?: number;
}

const rowSums = new WeakMap<SparseMatrix, Float64Array>();

/** Σ_j x_ij for every row, computed once per matrix (shared by every naive Bayes model of a project). */
export function rowSumsOf(x: SparseMatrix): Float64Array {
  let sums = rowSums.get(x);
  if (!sums) {
    sums = new Float64Array(x.rows);
    for (let i = 0; i < x.rows; i++) sums[i] = rowSum(x, i);
    rowSums.set(x, sums);
  }
  return sums;
}

/**
 * Multinomial naive Bayes over TF-IDF values (McCallum & Nigam 1998), as scikit-learn's MultinomialNB that ASReview
 * uses: θ_cj = (S_cj + α) / (T_c + α·V), with S_cj the weighted sum of column j over the training rows of class c,
 * T_c = Σ_j S_cj and V the number of feature columns any record uses. The score is the log-odds of relevance
 * Σ_j x_j·log(θ_1j / θ_0j); the class prior is left out (it shifts every score alike). Row weights come from the
 * balance strategy. With a per-class weight (every strategy but "double-sampled") the raw class sums are kept between
 * fits and only rows whose label changed are added or taken out; "double-sampled" rebuilds them at each fit.
 */
export class NaiveBayes implements Classifier {
  /** Unweighted per-class sums of the labelled rows (per-class strategies) or weighted sums ("double-sampled"). */
  private sums: [Float64Array, Float64Array] | undefined;
  private totals: [number, number] = [0, 0];
  private counts: [number, number] = [0, 0];
  private readonly known = new Map<number, Label>();
  private usedColumns = 0;
  private readonly alpha: number;
  private readonly balance: Balance;
  private readonly doubleBalance: DoubleBalanceParameters;
  private readonly includeShare: number;
  /** log(S_1j + α) − log(S_0j + α) for the columns some labelled row uses (`touched`); 0 elsewhere. */
  private weights: Float64Array | undefined;
  private offset = 0;
  private touched: number[] = [];
  private isTouched: Uint8Array | undefined;

  constructor(options: NaiveBayesOptions = {}) {
    this.alpha = options.alpha ?? 3.822;
    this.balance = options.balance ?? 'classes';
    this.doubleBalance = options.doubleBalance ?? DOUBLE_BALANCE;
    this.includeShare = options.includeShare ?? 0.5;
  }

  private reset(x: SparseMatrix): void {
    this.sums = [new Float64Array(x.cols), new Float64Array(x.cols)];
    this.weights = new Float64Array(x.cols);
    this.isTouched = new Uint8Array(x.cols);
    this.touched = [];
    this.totals = [0, 0];
    this.counts = [0, 0];
    this.known.clear();
    const used = new Uint8Array(x.cols);
    for (const c of x.colIdx) used[c] = 1;
    this.usedColumns = used.reduce((s, u) => s + u, 0);
  }

  private touch(x: SparseMatrix, row: number): void {
    const isTouched = this.isTouched!;
    for (let p = x.rowPtr[row]!, end = x.rowPtr[row + 1]!; p < end; p++) {
      const j = x.colIdx[p]!;
      if (!isTouched[j]) {
        isTouched[j] = 1;
        this.touched.push(j);
      }
    }
  }

  fit(x: SparseMatrix, labelled: ReadonlyMap<number, Label>): void {
    if (!this.sums || this.sums[0].length !== x.cols) this.reset(x);
    const sumsOfRows = rowSumsOf(x);
    const sums = this.sums!;
    let f0 = 1;
    let f1 = 1;
    if (this.balance === 'double-sampled') {
      this.reset(x);
      const rows = [...labelled.keys()].sort((a, b) => a - b);
      const labels = rows.map((r) => labelled.get(r)!);
      const w = trainingWeights(rows, labels, this.balance);
      rows.forEach((row, k) => {
        addRow(x, row, w[k]!, sums[labels[k]!]);
        this.totals[labels[k]!] += w[k]! * sumsOfRows[row]!;
        this.touch(x, row);
      });
    } else {
      for (const [row, label] of this.known) {
        if (labelled.get(row) === label) continue;
        addRow(x, row, -1, sums[label]);
        this.totals[label] -= sumsOfRows[row]!;
        this.counts[label]--;
        this.known.delete(row);
      }
      for (const [row, label] of labelled) {
        if (this.known.get(row) === label) continue;
        addRow(x, row, 1, sums[label]);
        this.totals[label] += sumsOfRows[row]!;
        this.counts[label]++;
        this.known.set(row, label);
        this.touch(x, row);
      }
      [f0, f1] = classWeights(this.counts[1], this.counts[0], this.balance, this.doubleBalance, this.includeShare);
    }
    const a = this.alpha;
    const v = this.usedColumns;
    this.offset = Math.log(f0 * this.totals[0] + a * v) - Math.log(f1 * this.totals[1] + a * v);
    const [s0, s1] = sums;
    const w = this.weights!;
    for (const j of this.touched) w[j] = Math.log(f1 * Math.max(s1[j]!, 0) + a) - Math.log(f0 * Math.max(s0[j]!, 0) + a);
  }

  describe(): string {
    const weighting = this.balance === 'classes' ? describeIncludeShare(this.includeShare) : this.balance === 'none' ? 'every decision weighted alike' : "ASReview's DoubleBalance weighting";
    return `naive Bayes on TF-IDF word features, ${weighting}`;
  }

  score(x: SparseMatrix, i: number): number {
    if (!this.weights) return 0;
    return dotRow(x, i, this.weights) + rowSumsOf(x)[i]! * this.offset;
  }
}
