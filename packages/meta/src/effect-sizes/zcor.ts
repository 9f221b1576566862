import { type MeasureDefinition, col, emptyEffects } from './types.js';

/**
 * Fisher's r-to-z transformed correlation yᵢ = ½ ln((1 + r)/(1 − r)), vᵢ = 1/(nᵢ − 3), undefined for nᵢ ≤ 3
 * (metafor escalc measure="ZCOR"; Fisher 1921).
 */
export const ZCOR: MeasureDefinition = {
  measure: 'ZCOR',
  label: "Fisher's r-to-z Transformed Correlation Coefficient",
  inputs: [['ri', 'ni']],
  compute(cols, k, warnings) {
    const out = emptyEffects(k);
    const r = col(cols, 'ri');
    const n = col(cols, 'ni');
    let small = 0;
    for (let i = 0; i < k; i++) {
      out.yi[i] = 0.5 * Math.log((1 + r[i]!) / (1 - r[i]!));
      if (n[i]! <= 3) small++;
      out.vi[i] = n[i]! <= 3 ? NaN : 1 / (n[i]! - 3);
    }
    if (small > 0) warnings.push('Cannot estimate the sampling variance when ni <= 3.');
    return out;
  },
};
