import type { Tau2Context, Tau2Estimate } from './context.js';
import { fisherScoring } from './fisher-scoring.js';

/**
 * Restricted maximum likelihood: Fisher scoring step (y'PPy − tr P) / tr PP (metafor rma.uni method="REML";
 * Viechtbauer 2005, eq. 11).
 */
export function estimateREML(ctx: Tau2Context): Tau2Estimate {
  return fisherScoring(ctx, ({ ws }) => (ws.yPPy - ws.trP) / ws.trPP, 'REML');
}
