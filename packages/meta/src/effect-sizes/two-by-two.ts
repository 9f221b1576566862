import { type ColumnSet, col } from './types.js';

export const TABLE_COLUMNS = [
  ['ai', 'bi', 'ci', 'di'],
  ['ai', 'n1i', 'ci', 'n2i'],
];

export interface Cells {
  a: Float64Array;
  b: Float64Array;
  c: Float64Array;
  d: Float64Array;
}

/**
 * The four cells of each 2×2 table (bi = n1i − ai, di = n2i − ci when group sizes are given), with metafor's
 * continuity correction: add 1/2 to every cell of a table that has a zero cell (escalc add=1/2, to="only0").
 */
export function cellsWithCorrection(cols: ColumnSet, k: number, warnings: string[]): Cells {
  const ai = col(cols, 'ai');
  const ci = col(cols, 'ci');
  const bi = cols['bi'] ?? null;
  const di = cols['di'] ?? null;
  const n1 = cols['n1i'];
  const n2 = cols['n2i'];
  const a = new Float64Array(k);
  const b = new Float64Array(k);
  const c = new Float64Array(k);
  const d = new Float64Array(k);
  let corrected = 0;
  for (let i = 0; i < k; i++) {
    a[i] = ai[i]!;
    c[i] = ci[i]!;
    b[i] = bi && !Number.isNaN(bi[i]!) ? bi[i]! : n1 ? n1[i]! - ai[i]! : NaN;
    d[i] = di && !Number.isNaN(di[i]!) ? di[i]! : n2 ? n2[i]! - ci[i]! : NaN;
    if (a[i] === 0 || b[i] === 0 || c[i] === 0 || d[i] === 0) {
      a[i] = a[i]! + 0.5;
      b[i] = b[i]! + 0.5;
      c[i] = c[i]! + 0.5;
      d[i] = d[i]! + 0.5;
      corrected++;
    }
  }
  if (corrected > 0) warnings.push(`Added 1/2 to every cell of ${corrected} table${corrected === 1 ? '' : 's'} with a zero cell (metafor's add=1/2, to="only0").`);
  return { a, b, c, d };
}
