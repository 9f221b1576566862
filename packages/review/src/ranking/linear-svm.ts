import type { Classifier, Label } from './classifier.js';
import { trainingWeights, type Balance } from './balance.js';
import { addRow, dotRow, rowNormSquared, type SparseMatrix } from './sparse.js';

export interface LinearSvmOptions {
  /** Regularisation: larger C fits the labelled records more closely (default 1). */
  c?: number;
  /** Weight each class by n / (2·n_class), so that a handful of includes count as much as many excludes (default true). */
  balanced?: boolean;
  /** Row weights (C per row = C · weight); overrides `balanced` ("double-sampled" is not supported here). */
  balance?: Exclude<Balance, 'double-sampled'>;
  /** Stop when the projected-gradient spread falls below this (default 0.1, as LIBLINEAR). */
  tolerance?: number;
  /** At most this many passes over the labelled rows per fit (default 50). */
  maxPasses?: number;
}

/**
 * A linear support-vector machine, L2-regularised with the squared hinge loss, trained by dual coordinate descent
 * (Hsieh, Chang, Lin, Keerthi & Sundararajan 2008, "A dual coordinate descent method for large-scale linear SVM",
 * the LIBLINEAR solver). The bias is a constant feature of value 1. The dual variables are kept between fits (warm
 * start): a new labelled row starts at 0, a relabelled or dropped one is taken out first, so each refit takes one to
 * a few passes. Rows are visited in a fixed order for determinism.
 */
export class LinearSvm implements Classifier {
  private w: Float64Array | undefined;
  private bias = 0;
  private readonly alphas = new Map<number, number>();
  private readonly labels = new Map<number, Label>();
  private readonly c: number;
  private readonly balance: Exclude<Balance, 'double-sampled'>;
  private readonly tolerance: number;
  private readonly maxPasses: number;

  constructor(options: LinearSvmOptions = {}) {
    this.c = options.c ?? 1;
    this.balance = options.balance ?? (options.balanced === false ? 'none' : 'classes');
    this.tolerance = options.tolerance ?? 0.1;
    this.maxPasses = options.maxPasses ?? 50;
  }

  fit(x: SparseMatrix, labelled: ReadonlyMap<number, Label>): void {
    if (!this.w || this.w.length !== x.cols) {
      this.w = new Float64Array(x.cols);
      this.bias = 0;
      this.alphas.clear();
      this.labels.clear();
    }
    const w = this.w;
    // Take out rows that were relabelled or dropped.
    for (const [row, label] of this.labels) {
      if (labelled.get(row) === label) continue;
      const a = this.alphas.get(row) ?? 0;
      const y = label === 1 ? 1 : -1;
      if (a !== 0) {
        addRow(x, row, -a * y, w);
        this.bias -= a * y;
      }
      this.alphas.delete(row);
      this.labels.delete(row);
    }
    let positives = 0;
    for (const label of labelled.values()) positives += label;
    const n = labelled.size;
    const negatives = n - positives;
    if (positives === 0 || negatives === 0) return;
    const rows = [...labelled.keys()].sort((a, b) => a - b);
    const rowWeights = trainingWeights(rows, rows.map((r) => labelled.get(r)!), this.balance);
    const ys = new Int8Array(rows.length);
    const diag = new Float64Array(rows.length);
    const qii = new Float64Array(rows.length);
    const alpha = new Float64Array(rows.length);
    rows.forEach((row, k) => {
      const label = labelled.get(row)!;
      ys[k] = label === 1 ? 1 : -1;
      diag[k] = 1 / (2 * this.c * rowWeights[k]!);
      qii[k] = rowNormSquared(x, row) + 1 + diag[k]!;
      alpha[k] = this.alphas.get(row) ?? 0;
      this.labels.set(row, label);
    });
    for (let pass = 0; pass < this.maxPasses; pass++) {
      let maxPg = -Infinity;
      let minPg = Infinity;
      for (let k = 0; k < rows.length; k++) {
        const row = rows[k]!;
        const y = ys[k]!;
        const g = y * (dotRow(x, row, w) + this.bias) - 1 + diag[k]! * alpha[k]!;
        const pg = alpha[k] === 0 ? Math.min(g, 0) : g;
        maxPg = Math.max(maxPg, pg);
        minPg = Math.min(minPg, pg);
        if (pg === 0) continue;
        const old = alpha[k]!;
        const next = Math.max(old - g / qii[k]!, 0);
        if (next === old) continue;
        alpha[k] = next;
        addRow(x, row, (next - old) * y, w);
        this.bias += (next - old) * y;
      }
      if (maxPg - minPg < this.tolerance) break;
    }
    rows.forEach((row, k) => this.alphas.set(row, alpha[k]!));
  }

  score(x: SparseMatrix, i: number): number {
    return this.w ? dotRow(x, i, this.w) + this.bias : 0;
  }
}
