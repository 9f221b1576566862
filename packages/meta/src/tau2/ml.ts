import type { Tau2Context, Tau2Estimate } from './context.js';
import { fisherScoring } from './fisher-scoring.js';

/** Maximum likelihood: Fisher scoring step (y'PPy − Σw) / Σw² (metafor rma.uni method="ML"; Viechtbauer 2005). */
export function estimateML(ctx: Tau2Context): Tau2Estimate {
  return fisherScoring(ctx, ({ ws }) => (ws.yPPy - ws.sumW) / ws.sumW2, 'ML');
}
