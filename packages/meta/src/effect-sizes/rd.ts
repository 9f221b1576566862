import { TABLE_COLUMNS, cellsWithCorrection } from './two-by-two.js';
import { type MeasureDefinition, emptyEffects } from './types.js';

/**
 * Risk difference yᵢ = p₁ − p₂, vᵢ = p₁(1−p₁)/n₁ + p₂(1−p₂)/n₂ (metafor escalc measure="RD", vtype="LS"),
 * on the corrected cells as metafor does (its add=1/2, to="only0" applies to RD too).
 */
export const RD: MeasureDefinition = {
  measure: 'RD',
  label: 'Risk Difference',
  inputs: TABLE_COLUMNS,
  compute(cols, k, warnings) {
    const out = emptyEffects(k);
    const { a, b, c, d } = cellsWithCorrection(cols, k, warnings);
    for (let i = 0; i < k; i++) {
      const n1 = a[i]! + b[i]!;
      const n2 = c[i]! + d[i]!;
      const p1 = a[i]! / n1;
      const p2 = c[i]! / n2;
      out.yi[i] = p1 - p2;
      out.vi[i] = (p1 * (1 - p1)) / n1 + (p2 * (1 - p2)) / n2;
    }
    return out;
  },
};
