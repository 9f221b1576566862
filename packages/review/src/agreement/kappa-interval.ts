import { cohenKappa } from './cohen-kappa.js';
import { cohenKappaVariance } from './cohen-kappa-variance.js';

/** z for a two-sided 95% interval: qnorm(0.975). */
const Z95 = 1.959963984540054;

/**
 * Cohen's kappa with its large-sample standard error and 95% Wald interval, κ ± 1.96·SE, bounded to [−1, 1] — the
 * interval R's psych::cohen.kappa reports (its `confid`, alpha 0.05). Undefined where κ is.
 */
export function kappaInterval<T>(pairs: ReadonlyArray<readonly [T, T]>): { kappa: number; se: number; ci: [number, number] } | undefined {
  const kappa = cohenKappa(pairs);
  const variance = cohenKappaVariance(pairs);
  if (kappa === undefined || variance === undefined) return undefined;
  const se = Math.sqrt(variance);
  return { kappa, se, ci: [Math.max(-1, kappa - Z95 * se), Math.min(1, kappa + Z95 * se)] };
}
