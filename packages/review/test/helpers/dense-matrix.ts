import type { SparseMatrix } from '../../src/ranking/sparse.js';

/** Eight unit-length rows over four columns: the toy data the linear models are checked on against scikit-learn. */
export const TOY_ROWS: readonly (readonly number[])[] = [
  [0.6, 0, 0.8, 0],
  [0, 0.6, 0, 0.8],
  [0.8, 0.6, 0, 0],
  [0, 0, 0.6, 0.8],
  [1, 0, 0, 0],
  [0, 1, 0, 0],
  [0.28, 0.96, 0, 0],
  [0, 0, 0.96, 0.28],
];

/** Dense rows as a SparseMatrix, followed by the four unit rows and an empty row (to read w and b back from scores). */
export function denseWithUnitRows(rows: readonly (readonly number[])[]): SparseMatrix {
  const all = [...rows, [1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 1, 0], [0, 0, 0, 1], [0, 0, 0, 0]];
  const rowPtr = new Int32Array(all.length + 1);
  const colIdx: number[] = [];
  const values: number[] = [];
  all.forEach((row, i) => {
    row.forEach((v, j) => {
      if (v !== 0) {
        colIdx.push(j);
        values.push(v);
      }
    });
    rowPtr[i + 1] = colIdx.length;
  });
  return { rows: all.length, cols: 4, rowPtr, colIdx: Int32Array.from(colIdx), values: Float64Array.from(values) };
}
