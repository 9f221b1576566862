import { type MeasureDefinition, col, emptyEffects } from './types.js';

/** Generic outcome: effect sizes yᵢ with their sampling variances vᵢ (or standard errors sei, vᵢ = seiᵢ²) as given (metafor measure="GEN"). */
export const GEN: MeasureDefinition = {
  measure: 'GEN',
  label: 'Generic Outcome',
  inputs: [
    ['yi', 'vi'],
    ['yi', 'sei'],
  ],
  compute(cols, k) {
    const out = emptyEffects(k);
    const y = col(cols, 'yi');
    const v = cols['vi'];
    const se = cols['sei'];
    for (let i = 0; i < k; i++) {
      out.yi[i] = y[i]!;
      out.vi[i] = v && !Number.isNaN(v[i]!) ? v[i]! : se ? se[i]! ** 2 : NaN;
    }
    return out;
  },
};
