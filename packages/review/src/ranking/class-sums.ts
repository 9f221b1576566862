import type { Label } from './classifier.js';
import { addRow, rowSum, type SparseMatrix } from './sparse.js';

const rowSumCache = new WeakMap<SparseMatrix, Float64Array>();

/** Σ_j x_ij for every row, computed once per matrix (shared by every naive Bayes model of a project). */
function rowSumsOf(x: SparseMatrix): Float64Array {
  let sums = rowSumCache.get(x);
  if (!sums) {
    sums = new Float64Array(x.rows);
    for (let i = 0; i < x.rows; i++) sums[i] = rowSum(x, i);
    rowSumCache.set(x, sums);
  }
  return sums;
}

/**
 * The per-class column sums of the labelled rows that naive Bayes is fitted from (S_cj, their totals T_c and the class
 * counts), kept between fits: `update` adds or takes out only the rows whose label changed, so a refit after one
 * decision costs that row's columns. Also which columns some labelled row uses (`touched`: the only ones whose naive
 * Bayes weight is not 0) and V, the number of columns any record uses.
 */
export class ClassSums {
  readonly sums: [Float64Array, Float64Array];
  readonly totals: [number, number] = [0, 0];
  readonly counts: [number, number] = [0, 0];
  /** The label each row was counted under. */
  readonly known = new Map<number, Label>();
  readonly touched: number[] = [];
  readonly usedColumns: number;
  readonly rowSums: Float64Array;
  private readonly isTouched: Uint8Array;

  constructor(readonly x: SparseMatrix) {
    this.sums = [new Float64Array(x.cols), new Float64Array(x.cols)];
    this.isTouched = new Uint8Array(x.cols);
    const used = new Uint8Array(x.cols);
    for (const c of x.colIdx) used[c] = 1;
    this.usedColumns = used.reduce((s, u) => s + u, 0);
    this.rowSums = rowSumsOf(x);
  }

  /** Whether these sums were built over a matrix of x's shape. */
  fits(x: SparseMatrix): boolean {
    return x.cols === this.x.cols && x.rows === this.x.rows;
  }

  /** Brings the sums to `labelled`; returns whether a row already counted was relabelled or dropped. */
  update(labelled: ReadonlyMap<number, Label>): boolean {
    let isRelabelled = false;
    for (const [row, label] of this.known) {
      if (labelled.get(row) === label) continue;
      isRelabelled = true;
      this.add(row, label, -1);
      this.counts[label]--;
      this.known.delete(row);
    }
    for (const [row, label] of labelled) {
      if (this.known.get(row) === label) continue;
      this.add(row, label, 1);
      this.counts[label]++;
      this.known.set(row, label);
    }
    return isRelabelled;
  }

  /** S_label += weight · x_row (and its total); marks the row's columns as touched. Counts and `known` are left alone. */
  add(row: number, label: Label, weight: number): void {
    addRow(this.x, row, weight, this.sums[label]);
    this.totals[label] += weight * this.rowSums[row]!;
    if (weight < 0) return;
    for (let p = this.x.rowPtr[row]!, end = this.x.rowPtr[row + 1]!; p < end; p++) {
      const j = this.x.colIdx[p]!;
      if (!this.isTouched[j]) {
        this.isTouched[j] = 1;
        this.touched.push(j);
      }
    }
  }

  /**
   * Naive Bayes's log-odds weights log(f1·S_1j + α) − log(f0·S_0j + α) into `w` for the touched columns, with the class
   * weights f0 (excludes) and f1 (includes); returns the per-unit-of-row-sum offset log(f0·T_0 + αV) − log(f1·T_1 + αV).
   */
  logOdds(f0: number, f1: number, alpha: number, w: Float64Array): number {
    const [s0, s1] = this.sums;
    for (const j of this.touched) w[j] = Math.log(f1 * Math.max(s1[j]!, 0) + alpha) - Math.log(f0 * Math.max(s0[j]!, 0) + alpha);
    const av = alpha * this.usedColumns;
    return Math.log(f0 * this.totals[0] + av) - Math.log(f1 * this.totals[1] + av);
  }
}
