import { PROPORTION_COLUMNS, eventsWithCorrection } from './proportion.js';
import { type MeasureDefinition, emptyEffects } from './types.js';

/** Logit proportion yᵢ = ln(p/(1−p)), vᵢ = 1/xᵢ + 1/(nᵢ − xᵢ) (metafor escalc measure="PLO"), after the 0-cell correction. */
export const PLO: MeasureDefinition = {
  measure: 'PLO',
  label: 'Log Odds (logit-transformed proportion)',
  inputs: PROPORTION_COLUMNS,
  compute(cols, k, warnings) {
    const out = emptyEffects(k);
    const { x, m } = eventsWithCorrection(cols, k, warnings);
    for (let i = 0; i < k; i++) {
      const p = x[i]! / (x[i]! + m[i]!);
      out.yi[i] = Math.log(p / (1 - p));
      out.vi[i] = 1 / x[i]! + 1 / m[i]!;
    }
    return out;
  },
};
