import { PROPORTION_COLUMNS, eventsWithCorrection } from './proportion.js';
import { type MeasureDefinition, emptyEffects } from './types.js';

/** Raw proportion yᵢ = xᵢ/nᵢ, vᵢ = p(1−p)/nᵢ (metafor escalc measure="PR", vtype="LS"), after the 0-cell correction. */
export const PR: MeasureDefinition = {
  measure: 'PR',
  label: 'Raw Proportion',
  inputs: PROPORTION_COLUMNS,
  compute(cols, k, warnings) {
    const out = emptyEffects(k);
    const { x, m } = eventsWithCorrection(cols, k, warnings);
    for (let i = 0; i < k; i++) {
      const n = x[i]! + m[i]!;
      const p = x[i]! / n;
      out.yi[i] = p;
      out.vi[i] = (p * (1 - p)) / n;
    }
    return out;
  },
};
