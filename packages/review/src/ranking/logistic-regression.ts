import type { Balance } from './balance.js';
import { DualLinearModel } from './dual-linear-model.js';
import { dotRow, rowNormSquared, type SparseMatrix } from './sparse.js';

export interface LogisticRegressionOptions {
  /** Regularisation: larger C fits the labelled records more closely (default 1, as scikit-learn). */
  c?: number;
  /** Row weights (C per row = C · weight); default "classes" (each class weighs alike in total). */
  balance?: Exclude<Balance, 'double-sampled'>;
  /** With balance "classes": the includes' share of the training weight (default 0.5, the classes alike). */
  includeShare?: number;
  /** Stop when every dual gradient is below this in absolute value (default 0.05). */
  tolerance?: number;
  /** At most this many passes over the labelled rows per fit (default 30). */
  maxPasses?: number;
}

/**
 * L2-regularised logistic regression trained by dual coordinate descent (Yu, Huang & Lin 2011, "Dual coordinate
 * descent methods for logistic regression and maximum entropy models", Mach Learn 85:41–75; LIBLINEAR's solver 7).
 * Dual: min ½αᵀQα + Σ α_i log α_i + (C_i − α_i) log(C_i − α_i), 0 < α_i < C_i, w = Σ α_i y_i x_i; each coordinate is
 * solved by a bracketed Newton iteration on s = α_i ∈ (0, C_i).
 */
export class LogisticRegression extends DualLinearModel {
  constructor(options: LogisticRegressionOptions = {}) {
    super(options.c ?? 1, options.balance ?? 'classes', options.tolerance ?? 0.05, options.maxPasses ?? 30, options.includeShare);
  }

  describe(): string {
    return `logistic regression on TF-IDF word, word-pair and title-word features (C = ${this.c})`;
  }

  protected solve(x: SparseMatrix, rows: readonly number[], ys: Int8Array, weights: Float64Array): Float64Array {
    const w = this.w!;
    const caps = new Float64Array(rows.length);
    const qii = new Float64Array(rows.length);
    const alpha = new Float64Array(rows.length);
    rows.forEach((row, k) => {
      caps[k] = this.c * weights[k]!;
      qii[k] = rowNormSquared(x, row) + 1;
      const previous = this.alphas.get(row);
      // A new row starts just inside the box (Yu et al.'s α_i = min(ε₁C, ε₂) with a larger ε, since warm starts dominate);
      // a row whose class weight changed is clipped into its new box.
      const start = previous === undefined ? 1e-3 * caps[k]! : Math.min(Math.max(previous, 1e-12 * caps[k]!), caps[k]! * (1 - 1e-12));
      alpha[k] = start;
      this.move(x, row, ys[k]!, start - (previous ?? 0));
    });
    for (let pass = 0; pass < this.maxPasses; pass++) {
      let worst = 0;
      for (let k = 0; k < rows.length; k++) {
        const row = rows[k]!;
        const y = ys[k]!;
        const cap = caps[k]!;
        const a0 = alpha[k]!;
        const b = y * (dotRow(x, row, w) + this.bias);
        const g0 = b + Math.log(a0 / (cap - a0));
        worst = Math.max(worst, Math.abs(g0));
        if (Math.abs(g0) < Math.min(1e-6, this.tolerance)) continue;
        const s = solveCoordinate(qii[k]!, b, a0, cap);
        alpha[k] = s;
        this.move(x, row, y, s - a0);
      }
      if (worst < this.tolerance) break;
    }
    return alpha;
  }
}

/**
 * The minimiser over s ∈ (0, cap) of (a/2)(s − s0)² + b(s − s0) + s·ln s + (cap − s)·ln(cap − s): its derivative
 * a(s − s0) + b + ln(s / (cap − s)) increases strictly, so a Newton iteration kept inside a shrinking bracket converges.
 */
function solveCoordinate(a: number, b: number, s0: number, cap: number): number {
  let lo = 0;
  let hi = cap;
  let s = s0;
  for (let iteration = 0; iteration < 50; iteration++) {
    const g = a * (s - s0) + b + Math.log(s / (cap - s));
    if (Math.abs(g) < 1e-10) break;
    if (g > 0) hi = s;
    else lo = s;
    const h = a + cap / (s * (cap - s));
    let next = s - g / h;
    if (!(next > lo && next < hi)) next = (lo + hi) / 2;
    if (next === s) break;
    s = next;
  }
  return s;
}
