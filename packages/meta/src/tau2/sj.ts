import type { Tau2Context, Tau2Estimate } from './context.js';

/**
 * Sidik–Jonkman estimator, τ² = τ₀² · RSS / (k − p) with weights 1/(vᵢ + τ₀²) and τ₀² = Σ(yᵢ − ȳ)²/k
 * (metafor rma.uni method="SJ"; Sidik & Jonkman 2005).
 */
export function estimateSJ(ctx: Tau2Context): Tau2Estimate {
  const { y, v, k, p, ws, design } = ctx;
  let mean = 0;
  for (let i = 0; i < k; i++) mean += y[i]!;
  mean /= k;
  let ss = 0;
  for (let i = 0; i < k; i++) ss += (y[i]! - mean) ** 2;
  const tau20 = ss / k;
  ws.fit(y, v, tau20, design, false);
  return { tau2: (tau20 * ws.rss) / (k - p), iterations: 0, warnings: [] };
}
