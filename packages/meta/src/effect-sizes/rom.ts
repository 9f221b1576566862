import { MEAN_COLUMNS } from './md.js';
import { type MeasureDefinition, col, emptyEffects } from './types.js';

/**
 * Log ratio of means (response ratio) yᵢ = ln(m₁/m₂), vᵢ = sd₁²/(n₁m₁²) + sd₂²/(n₂m₂²)
 * (metafor escalc measure="ROM", vtype="LS"; Hedges, Gurevitch & Curtis 1999).
 */
export const ROM: MeasureDefinition = {
  measure: 'ROM',
  label: 'Log Ratio of Means',
  inputs: [MEAN_COLUMNS],
  compute(cols, k) {
    const out = emptyEffects(k);
    const [m1, sd1, n1, m2, sd2, n2] = MEAN_COLUMNS.map((c) => col(cols, c)) as Float64Array[];
    for (let i = 0; i < k; i++) {
      out.yi[i] = Math.log(m1![i]! / m2![i]!);
      out.vi[i] = sd1![i]! ** 2 / (n1![i]! * m1![i]! ** 2) + sd2![i]! ** 2 / (n2![i]! * m2![i]! ** 2);
    }
    return out;
  },
};
