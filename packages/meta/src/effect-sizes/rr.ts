import { TABLE_COLUMNS, cellsWithCorrection } from './two-by-two.js';
import { type MeasureDefinition, emptyEffects } from './types.js';

/**
 * Log risk ratio yᵢ = ln(p₁/p₂), vᵢ = 1/a − 1/n₁ + 1/c − 1/n₂ (metafor escalc measure="RR"; Katz et al. 1978),
 * after the zero-cell correction.
 */
export const RR: MeasureDefinition = {
  measure: 'RR',
  label: 'Log Risk Ratio',
  inputs: TABLE_COLUMNS,
  compute(cols, k, warnings) {
    const out = emptyEffects(k);
    const { a, b, c, d } = cellsWithCorrection(cols, k, warnings);
    for (let i = 0; i < k; i++) {
      const n1 = a[i]! + b[i]!;
      const n2 = c[i]! + d[i]!;
      out.yi[i] = Math.log(a[i]! / n1) - Math.log(c[i]! / n2);
      out.vi[i] = 1 / a[i]! - 1 / n1 + 1 / c[i]! - 1 / n2;
    }
    return out;
  },
};
