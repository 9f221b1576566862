import type { Tau2Context, Tau2Estimate } from './context.js';
import { fisherScoring } from './fisher-scoring.js';

/**
 * Empirical Bayes (Morris 1983; Berkey et al. 1995): step (y'Py · k/(k−p) − k) / Σw (metafor rma.uni method="EB").
 */
export function estimateEB(ctx: Tau2Context): Tau2Estimate {
  return fisherScoring(ctx, ({ ws, k, p }) => ((ws.rss * k) / (k - p) - k) / ws.sumW, 'EB');
}
