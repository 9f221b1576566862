import { type MeasureDefinition, col, emptyEffects } from './types.js';

/**
 * Raw correlation yᵢ = rᵢ, vᵢ = (1 − rᵢ²)²/(nᵢ − 1), undefined for nᵢ ≤ 3 (metafor escalc measure="COR", vtype="LS").
 */
export const COR: MeasureDefinition = {
  measure: 'COR',
  label: 'Raw Correlation Coefficient',
  inputs: [['ri', 'ni']],
  compute(cols, k) {
    const out = emptyEffects(k);
    const r = col(cols, 'ri');
    const n = col(cols, 'ni');
    for (let i = 0; i < k; i++) {
      out.yi[i] = r[i]!;
      out.vi[i] = n[i]! <= 3 ? NaN : (1 - r[i]! ** 2) ** 2 / (n[i]! - 1);
    }
    return out;
  },
};
