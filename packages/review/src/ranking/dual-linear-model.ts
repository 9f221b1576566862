import type { Classifier, Label } from './classifier.js';
import { trainingWeights, type Balance } from './balance.js';
import { addRow, dotRow, type SparseMatrix } from './sparse.js';

/**
 * What the linear models trained by dual coordinate descent (the SVM and logistic regression, as LIBLINEAR) share:
 * w = Σ α_i y_i x_i with the bias as a constant feature of value 1, dual variables kept between fits (warm start), a
 * relabelled or dropped row taken out of w before the refit, rows visited in a fixed (sorted) order. Subclasses solve
 * the dual for the labelled rows.
 */
export abstract class DualLinearModel implements Classifier {
  protected w: Float64Array | undefined;
  protected bias = 0;
  /** The dual variable of each row at the end of the last fit. */
  protected readonly alphas = new Map<number, number>();
  private readonly labels = new Map<number, Label>();

  protected constructor(
    protected readonly c: number,
    protected readonly balance: Exclude<Balance, 'double-sampled'>,
    protected readonly tolerance: number,
    protected readonly maxPasses: number,
    /** The includes' share of the training weight under "classes" (0.5: the classes weigh alike). */
    protected readonly includeShare = 0.5,
  ) {}

  fit(x: SparseMatrix, labelled: ReadonlyMap<number, Label>): void {
    if (!this.w || this.w.length !== x.cols) {
      this.w = new Float64Array(x.cols);
      this.bias = 0;
      this.alphas.clear();
      this.labels.clear();
    }
    for (const [row, label] of this.labels) {
      if (labelled.get(row) === label) continue;
      this.move(x, row, label === 1 ? 1 : -1, -(this.alphas.get(row) ?? 0));
      this.alphas.delete(row);
      this.labels.delete(row);
    }
    let positives = 0;
    for (const label of labelled.values()) positives += label;
    if (positives === 0 || positives === labelled.size) return;
    const rows = [...labelled.keys()].sort((a, b) => a - b);
    const weights = trainingWeights(rows, rows.map((r) => labelled.get(r)!), this.balance, this.includeShare);
    const ys = new Int8Array(rows.length);
    rows.forEach((row, k) => {
      const label = labelled.get(row)!;
      ys[k] = label === 1 ? 1 : -1;
      this.labels.set(row, label);
    });
    const alpha = this.solve(x, rows, ys, weights);
    rows.forEach((row, k) => this.alphas.set(row, alpha[k]!));
  }

  /** Solves the dual over the labelled rows (sorted), starting from `alphas`; returns each row's dual variable. */
  protected abstract solve(x: SparseMatrix, rows: readonly number[], ys: Int8Array, weights: Float64Array): Float64Array;

  /** w += delta·y·x_row, bias += delta·y. */
  protected move(x: SparseMatrix, row: number, y: number, delta: number): void {
    if (delta === 0) return;
    addRow(x, row, delta * y, this.w!);
    this.bias += delta * y;
  }

  abstract describe(): string;

  score(x: SparseMatrix, i: number): number {
    return this.w ? dotRow(x, i, this.w) + this.bias : 0;
  }
}
