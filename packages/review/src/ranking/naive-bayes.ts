import type { Classifier, Label } from './classifier.js';
import { classWeights, describeIncludeShare, trainingWeights, DOUBLE_BALANCE, type Balance, type DoubleBalanceParameters } from './balance.js';
import { ClassSums } from './class-sums.js';
import { dotRow, type SparseMatrix } from './sparse.js';

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
  private sums: ClassSums | undefined;
  private readonly alpha: number;
  private readonly balance: Balance;
  private readonly doubleBalance: DoubleBalanceParameters;
  private readonly includeShare: number;
  /** log(S_1j + α) − log(S_0j + α) for the columns some labelled row uses; 0 elsewhere. */
  private weights: Float64Array | undefined;
  private offset = 0;

  constructor(options: NaiveBayesOptions = {}) {
    this.alpha = options.alpha ?? 3.822;
    this.balance = options.balance ?? 'classes';
    this.doubleBalance = options.doubleBalance ?? DOUBLE_BALANCE;
    this.includeShare = options.includeShare ?? 0.5;
  }

  fit(x: SparseMatrix, labelled: ReadonlyMap<number, Label>): void {
    let f0 = 1;
    let f1 = 1;
    if (this.balance === 'double-sampled' || !this.sums?.fits(x)) {
      this.sums = new ClassSums(x);
      this.weights = new Float64Array(x.cols);
    }
    const sums = this.sums;
    if (this.balance === 'double-sampled') {
      const rows = [...labelled.keys()].sort((a, b) => a - b);
      const labels = rows.map((r) => labelled.get(r)!);
      const w = trainingWeights(rows, labels, this.balance);
      rows.forEach((row, k) => sums.add(row, labels[k]!, w[k]!));
    } else {
      sums.update(labelled);
      [f0, f1] = classWeights(sums.counts[1], sums.counts[0], this.balance, this.doubleBalance, this.includeShare);
    }
    this.offset = sums.logOdds(f0, f1, this.alpha, this.weights!);
  }

  describe(): string {
    const weighting = this.balance === 'classes' ? describeIncludeShare(this.includeShare) : this.balance === 'none' ? 'every decision weighted alike' : "ASReview's DoubleBalance weighting";
    return `naive Bayes on TF-IDF word and word-pair features, ${weighting}`;
  }

  score(x: SparseMatrix, i: number): number {
    if (!this.weights) return 0;
    return dotRow(x, i, this.weights) + this.sums!.rowSums[i]! * this.offset;
  }
}
