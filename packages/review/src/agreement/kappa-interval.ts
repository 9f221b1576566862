import { kappaOf } from './cohen-kappa.js';
import { kappaVarianceOf } from './cohen-kappa-variance.js';
import { crossTable } from './cross-table.js';

/** z for a two-sided 95% interval: qnorm(0.975). */
const Z95 = 1.959963984540054;

/**
 * Cohen's kappa with its large-sample standard error and 95% Wald interval, κ ± 1.96·SE, bounded to [−1, 1] — the
 * interval R's psych::cohen.kappa reports (its `confid`, alpha 0.05). Undefined where κ is.
 */
export function kappaInterval<T>(pairs: ReadonlyArray<readonly [T, T]>): { kappa: number; se: number; ci: [number, number] } | undefined {
  const table = crossTable(pairs);
  const kappa = table && kappaOf(table);
  const variance = table && kappaVarianceOf(table);
  if (kappa === undefined || variance === undefined) return undefined;
  const se = Math.sqrt(variance);
  return { kappa, se, ci: [Math.max(-1, kappa - Z95 * se), Math.min(1, kappa + Z95 * se)] };
}
