import { describeIncludeShare, type Balance } from './balance.js';
import { DualLinearModel } from './dual-linear-model.js';
import { dotRow, rowNormSquared, type SparseMatrix } from './sparse.js';

export interface LinearSvmOptions {
  /** Regularisation: larger C fits the labelled records more closely (default 1). */
  c?: number;
  /** Weight each class by n / (2·n_class), so that a handful of includes count as much as many excludes (default true). */
  balanced?: boolean;
  /** Row weights (C per row = C · weight); overrides `balanced` ("double-sampled" is not supported here). */
  balance?: Exclude<Balance, 'double-sampled'>;
  /** What this configuration is known as, put before the description (e.g. "ASReview 2's default model (ELAS u4)"). */
  label?: string;
  /** With balance "classes": the includes' share of the training weight (default 0.5, the classes alike). */
  includeShare?: number;
  /** Stop when the projected-gradient spread falls below this (default 0.1, as LIBLINEAR). */
  tolerance?: number;
  /** At most this many passes over the labelled rows per fit (default 50). */
  maxPasses?: number;
}

/**
 * A linear support-vector machine, L2-regularised with the squared hinge loss, trained by dual coordinate descent
 * (Hsieh, Chang, Lin, Keerthi & Sundararajan 2008, "A dual coordinate descent method for large-scale linear SVM",
 * the LIBLINEAR solver). A new labelled row starts at α = 0, so each refit takes one to a few passes.
 */
export class LinearSvm extends DualLinearModel {
  private readonly label: string | undefined;

  constructor(options: LinearSvmOptions = {}) {
    super(options.c ?? 1, options.balance ?? (options.balanced === false ? 'none' : 'classes'), options.tolerance ?? 0.1, options.maxPasses ?? 50, options.includeShare);
    this.label = options.label;
  }

  describe(): string {
    const weighting = this.balance === 'classes' && this.includeShare !== 0.5 ? `, ${describeIncludeShare(this.includeShare)}` : '';
    const model = `linear SVM on TF-IDF word and word-pair features (C = ${this.c})${weighting}`;
    return this.label ? `${this.label}: ${model}` : model;
  }

  protected solve(x: SparseMatrix, rows: readonly number[], ys: Int8Array, weights: Float64Array): Float64Array {
    const w = this.w!;
    const diag = new Float64Array(rows.length);
    const qii = new Float64Array(rows.length);
    const alpha = new Float64Array(rows.length);
    rows.forEach((row, k) => {
      diag[k] = 1 / (2 * this.c * weights[k]!);
      qii[k] = rowNormSquared(x, row) + 1 + diag[k]!;
      alpha[k] = this.alphas.get(row) ?? 0;
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
        this.move(x, row, y, next - old);
      }
      if (maxPg - minPg < this.tolerance) break;
    }
    return alpha;
  }
}
