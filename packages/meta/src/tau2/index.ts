import type { Tau2Context, Tau2Estimate } from './context.js';
import { estimateDL } from './dl.js';
import { estimateEB } from './eb.js';
import { estimateHE } from './he.js';
import { estimateHS } from './hs.js';
import { estimateML } from './ml.js';
import { estimatePM } from './pm.js';
import { estimateREML } from './reml.js';
import { estimateSJ } from './sj.js';

export type { Tau2Context, Tau2Estimate } from './context.js';

/** The heterogeneity estimators (metafor's `method`), FE/EE fix τ² at 0. */
export const METHODS = ['EE', 'FE', 'DL', 'HE', 'HS', 'SJ', 'ML', 'REML', 'EB', 'PM'] as const;
export type Method = (typeof METHODS)[number];

export const TAU2_ESTIMATORS: Record<Exclude<Method, 'EE' | 'FE'>, (ctx: Tau2Context) => Tau2Estimate> = {
  DL: estimateDL,
  HE: estimateHE,
  HS: estimateHS,
  SJ: estimateSJ,
  ML: estimateML,
  REML: estimateREML,
  EB: estimateEB,
  PM: estimatePM,
};

export function isMethod(m: string): m is Method {
  return (METHODS as readonly string[]).includes(m);
}
