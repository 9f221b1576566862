import { qnorm } from '../math/normal.js';
import { qt } from '../math/beta.js';

/**
 * Critical value of a two-sided interval: z, or t with k − p degrees of freedom under Knapp–Hartung
 * (metafor predict.rma).
 */
export function critical(level: number, test: 'z' | 'knha', ddf: number): number {
  const alpha = 1 - level / 100;
  if (test === 'knha') return ddf > 0 ? qt(alpha / 2, ddf, false) : NaN;
  return qnorm(alpha / 2, false);
}

/**
 * Prediction interval μ̂ ± crit·√(SE² + τ²) of the true effect in a new study (metafor predict.rma,
 * pi.type "default"; Riley et al. 2011 without the t correction unless test="knha").
 */
export function predictionInterval(estimate: number, se: number, tau2: number, crit: number): [number, number] {
  const half = crit * Math.sqrt(se * se + tau2);
  return [estimate - half, estimate + half];
}
