import { TABLE_COLUMNS, cellsWithCorrection } from './two-by-two.js';
import { type MeasureDefinition, emptyEffects } from './types.js';

/**
 * Log odds ratio yᵢ = ln(ad/bc), vᵢ = 1/a + 1/b + 1/c + 1/d (metafor escalc measure="OR"; Woolf 1955),
 * after the zero-cell correction.
 */
export const OR: MeasureDefinition = {
  measure: 'OR',
  label: 'Log Odds Ratio',
  inputs: TABLE_COLUMNS,
  compute(cols, k, warnings) {
    const out = emptyEffects(k);
    const { a, b, c, d } = cellsWithCorrection(cols, k, warnings);
    for (let i = 0; i < k; i++) {
      const p1 = a[i]! / (a[i]! + b[i]!);
      const p2 = c[i]! / (c[i]! + d[i]!);
      out.yi[i] = Math.log(p1 / (1 - p1)) - Math.log(p2 / (1 - p2));
      out.vi[i] = 1 / a[i]! + 1 / b[i]! + 1 / c[i]! + 1 / d[i]!;
    }
    return out;
  },
};
