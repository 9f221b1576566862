import { lgamma } from '../math/gamma.js';
import { MEAN_COLUMNS } from './md.js';
import { type MeasureDefinition, col, emptyEffects } from './types.js';

/**
 * Exact small-sample correction c(m) = Γ(m/2) / (√(m/2) Γ((m−1)/2)) (Hedges 1981; metafor's .cmicalc), NaN for m ≤ 1.
 */
export function hedgesCorrection(m: number): number {
  if (!(m > 1)) return NaN;
  return Math.exp(lgamma(m / 2) - Math.log(Math.sqrt(m / 2)) - lgamma((m - 1) / 2));
}

/**
 * Standardised mean difference, Hedges' g: yᵢ = c(m)·(m₁ − m₂)/s_p with m = n₁ + n₂ − 2 and the pooled SD s_p;
 * vᵢ = 1/n₁ + 1/n₂ + yᵢ²/(2(n₁ + n₂)) (metafor escalc measure="SMD", vtype="LS"; Hedges 1981, Hedges & Olkin 1985).
 */
export const SMD: MeasureDefinition = {
  measure: 'SMD',
  label: "Standardized Mean Difference (Hedges' g)",
  inputs: [MEAN_COLUMNS],
  compute(cols, k) {
    const out = emptyEffects(k);
    const [m1, sd1, n1, m2, sd2, n2] = MEAN_COLUMNS.map((c) => col(cols, c)) as Float64Array[];
    for (let i = 0; i < k; i++) {
      const a = n1![i]!;
      const b = n2![i]!;
      const mi = a + b - 2;
      const sdp = Math.sqrt(((a - 1) * sd1![i]! ** 2 + (b - 1) * sd2![i]! ** 2) / mi);
      const d = (m1![i]! - m2![i]!) / sdp;
      const yi = hedgesCorrection(mi) * d;
      out.yi[i] = yi;
      out.vi[i] = 1 / a + 1 / b + (yi * yi) / (2 * (a + b));
    }
    return out;
  },
};
