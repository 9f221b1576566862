/**
 * How the synthesis page shows effects (issue 18 item 3): ratio measures as ratios (the API's `result` holds the
 * pooled logs; `effect` says the scale and which side favours treatment), never a log odds ratio under "OR".
 */
import type { SynthesisResponse } from '../../api/review';

export interface EffectDisplay {
  /** a value of `result` (log scale for ratios) on the scale shown */
  shown: (x: number | null | undefined) => number | null;
  /** the effect column's heading */
  heading: string;
  /** "OR > 1 favours treatment; …" or "direction not stated" */
  favours: string;
}

export function effectDisplay(s: Pick<SynthesisResponse, 'measure' | 'effect'>): EffectDisplay {
  const ratio = s.effect?.scale === 'ratio';
  return {
    shown: (x) => (x === null || x === undefined ? null : ratio ? Math.exp(x) : x),
    heading: ratio ? `Effect (${s.measure})` : `Effect (yi, ${s.measure})`,
    favours: s.effect?.interpretation ?? `${s.measure}: direction not stated`,
  };
}
