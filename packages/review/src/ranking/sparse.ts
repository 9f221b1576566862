/** A sparse matrix in compressed-row form: row i holds colIdx/values[rowPtr[i] .. rowPtr[i+1]). */
export interface SparseMatrix {
  readonly rows: number;
  readonly cols: number;
  readonly rowPtr: Int32Array;
  readonly colIdx: Int32Array;
  readonly values: Float64Array;
}

/** x_i · w for a dense weight vector. */
export function dotRow(m: SparseMatrix, i: number, w: Float64Array): number {
  let s = 0;
  for (let k = m.rowPtr[i]!, end = m.rowPtr[i + 1]!; k < end; k++) s += m.values[k]! * w[m.colIdx[k]!]!;
  return s;
}

/** w += a · x_i */
export function addRow(m: SparseMatrix, i: number, a: number, w: Float64Array): void {
  for (let k = m.rowPtr[i]!, end = m.rowPtr[i + 1]!; k < end; k++) w[m.colIdx[k]!]! += a * m.values[k]!;
}

/** ‖x_i‖² */
export function rowNormSquared(m: SparseMatrix, i: number): number {
  let s = 0;
  for (let k = m.rowPtr[i]!, end = m.rowPtr[i + 1]!; k < end; k++) s += m.values[k]! * m.values[k]!;
  return s;
}

/** Σ_j x_ij */
export function rowSum(m: SparseMatrix, i: number): number {
  let s = 0;
  for (let k = m.rowPtr[i]!, end = m.rowPtr[i + 1]!; k < end; k++) s += m.values[k]!;
  return s;
}
