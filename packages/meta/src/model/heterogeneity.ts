import { pchisq } from '../math/gamma.js';
import type { ScaledDesign } from './design.js';
import type { Wls } from './wls.js';

export interface Heterogeneity {
  QE: number;
  QEp: number;
  I2: number;
  H2: number;
  /** metafor's "typical" sampling variance (k − p)/tr P */
  vt: number;
}

/**
 * Cochran's Q (residual heterogeneity) with FE weights 1/vᵢ, and I² = 100·τ²/(ṽ + τ²), H² = τ²/ṽ + 1 with
 * ṽ = (k − p)/tr P (metafor rma.uni, i2def "1"; Higgins & Thompson 2002). For FE models I² = (Q − df)/Q and
 * H² = Q/df.
 */
export function heterogeneity(y: Float64Array, v: Float64Array, d: ScaledDesign, ws: Wls, tau2: number, isFixed: boolean): Heterogeneity {
  const { k, p } = d;
  if (k <= p) return { QE: 0, QEp: 1, I2: 0, H2: 1, vt: 0 };
  ws.fit(y, v, 0, d, true);
  const QE = Math.max(0, ws.rss);
  const df = k - p;
  const QEp = pchisq(QE, df, false);
  const vt = df / ws.trP;
  if (isFixed) return { QE, QEp, I2: Math.max(0, (100 * (QE - df)) / QE), H2: QE / df, vt };
  return { QE, QEp, I2: (100 * tau2) / (vt + tau2), H2: tau2 / vt + 1, vt };
}
