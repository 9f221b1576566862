import { nonPositive } from './dl.js';
import type { Tau2Context, Tau2Estimate } from './context.js';

/** Hunter–Schmidt estimator, τ² = (Q − k) / Σwᵢ with wᵢ = 1/vᵢ (metafor rma.uni method="HS"; Hunter & Schmidt 2004). */
export function estimateHS(ctx: Tau2Context): Tau2Estimate {
  const { y, v, k, ws, design } = ctx;
  if (!ctx.allViPositive) throw nonPositive('HS');
  ws.fit(y, v, 0, design, false);
  return { tau2: (ws.rss - k) / ws.sumW, iterations: 0, warnings: [] };
}
