import type { Control } from '../model/control.js';
import type { ScaledDesign } from '../model/design.js';
import type { Wls } from '../model/wls.js';

/** What a τ² estimator sees: metafor centres yi (Ymc) before estimating τ². */
export interface Tau2Context {
  /** mean-centred effect sizes */
  y: Float64Array;
  /** sampling variances */
  v: Float64Array;
  /** the raw effect sizes (for PM's default upper bound, 10·mad(yi)²) */
  yRaw: Float64Array;
  design: ScaledDesign;
  k: number;
  p: number;
  control: Control;
  allViPositive: boolean;
  ws: Wls;
  /** where Fisher scoring starts instead of max(0, HE): the full-data τ² of a refit (control.warmStart) */
  start?: number;
}

export interface Tau2Estimate {
  tau2: number;
  iterations: number;
  warnings: string[];
}
