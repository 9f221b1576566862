import { type MeasureDefinition, col, emptyEffects } from './types.js';

export const MEAN_COLUMNS = ['m1i', 'sd1i', 'n1i', 'm2i', 'sd2i', 'n2i'];

/**
 * Raw mean difference yᵢ = m₁ − m₂, vᵢ = sd₁²/n₁ + sd₂²/n₂ (metafor escalc measure="MD", vtype="LS";
 * Borenstein et al. 2009, eq. 4.5).
 */
export const MD: MeasureDefinition = {
  measure: 'MD',
  label: 'Mean Difference',
  inputs: [MEAN_COLUMNS],
  compute(cols, k) {
    const out = emptyEffects(k);
    const [m1, sd1, n1, m2, sd2, n2] = MEAN_COLUMNS.map((c) => col(cols, c)) as Float64Array[];
    for (let i = 0; i < k; i++) {
      out.yi[i] = m1![i]! - m2![i]!;
      out.vi[i] = sd1![i]! ** 2 / n1![i]! + sd2![i]! ** 2 / n2![i]!;
    }
    return out;
  },
};
